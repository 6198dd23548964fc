using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>
/// kill -9 of a real <c>planledger serve</c> process in the middle of imports and of a burst of reports with evidence;
/// after a restart the database and the evidence folder are consistent: every plan has all its tasks, every evidence
/// row its file, and — once the cleanup job ran — no file without a row and no temporary file.
/// </summary>
public abstract class CrashTests : IDisposable
{
    private const string AdminPassword = "crash-admin-pass-1";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "planledger-crash", Guid.NewGuid().ToString("N"));
    private Process? _server;
    private int _port;

    protected abstract string Db { get; }
    protected virtual void DropDatabase() { }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanLedger.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("PlanLedger.slnx not found");
    }

    private static readonly Lazy<string> Cli = new(() =>
    {
        var root = RepoRoot();
        string? Find() => new[] { "Debug", "Release" }.Select(c => Path.Combine(root, "src", "PlanLedger.Cli", "bin", c, "net10.0", "planledger.dll")).FirstOrDefault(File.Exists);
        if (Find() is { } dll) return dll;
        using var build = Process.Start(new ProcessStartInfo("dotnet", $"build \"{Path.Combine(root, "src", "PlanLedger.Cli")}\" -v quiet") { RedirectStandardOutput = true })!;
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        return Find() ?? throw new FileNotFoundException("planledger.dll could not be built");
    });

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task StartAsync()
    {
        _port = FreePort();
        var psi = new ProcessStartInfo("dotnet", $"\"{Cli.Value}\" serve --urls http://127.0.0.1:{_port} --db \"{Db}\"")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["PlanLedger__DataDirectory"] = _data;
        psi.Environment["PLANLEDGER_ADMIN_PASSWORD"] = AdminPassword;
        psi.Environment["PlanLedger__ReminderInterval"] = "00:00:00";
        psi.Environment["PlanLedger__EvidenceCleanupInterval"] = "00:00:00";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        _server = Process.Start(psi)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 240; i++)
        {
            if (_server.HasExited) throw new InvalidOperationException($"planledger serve exited with {_server.ExitCode}");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{_port}/Account/Login")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("planledger serve did not answer");
    }

    /// <summary>kill -9: no shutdown, no flush, no finally blocks in the server.</summary>
    private void KillHard()
    {
        _server!.Kill(entireProcessTree: false);
        _server.WaitForExit();
        Assert.True(_server.ExitCode != 0);
        _server.Dispose();
        _server = null;
    }

    private async Task<HttpClient> AdminAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(60) };
        var res = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = AdminPassword });
        var token = (await res.JsonAsync(HttpStatusCode.OK))["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private LedgerDbContext Context()
    {
        var b = new DbContextOptionsBuilder<LedgerDbContext>();
        LedgerDatabase.Configure(b, Db);
        return new LedgerDbContext(b.Options);
    }

    private static async Task Swallow(Func<Task> act)
    {
        try { await act(); } catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { }
    }

    [Fact]
    public async Task Killing_the_server_during_imports_and_a_report_burst_leaves_a_consistent_database_and_folder()
    {
        await StartAsync();
        var admin = await AdminAsync();
        var seed = await File.ReadAllBytesAsync(Seeds.Seed000);
        var plan = await admin.UploadAsync("000.txt", seed);
        var planId = (await plan.JsonAsync(HttpStatusCode.Created)).Id();
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        var parents = tasks.Select(t => t!["parentId"]?.GetValue<int?>()).OfType<int>().ToHashSet();
        var leaves = tasks.Where(t => !parents.Contains(t!.Id())).Select(t => t!.Id()).ToList();

        // 1. Imports in flight (each a big plan: seed 000 with a unique line) when the process dies.
        var imports = Enumerable.Range(0, 6).Select(i => Swallow(async () =>
        {
            var bytes = seed.Concat(System.Text.Encoding.UTF8.GetBytes($"\n编号 {Guid.NewGuid():N}\n")).ToArray();
            await admin.UploadAsync($"crash{i}.txt", bytes);
        })).ToList();
        await Task.Delay(Random.Shared.Next(60, 250));
        KillHard();
        await Task.WhenAll(imports);

        // 2. Restart, then a burst of reports with evidence, killed in the middle.
        await StartAsync();
        admin = await AdminAsync();
        var cut = new CancellationTokenSource();
        var burst = Enumerable.Range(0, 24).Select(i => Swallow(async () =>
        {
            var task = leaves[i % leaves.Count];
            var period = $"2026-{1 + i / leaves.Count % 11:00}";
            var res = await admin.PostAsJsonAsync($"/api/v1/tasks/{task}/reports", new { period, progress = 10 + i % 80, text = "进展" }, cut.Token);
            if (res.StatusCode != HttpStatusCode.Created) return;
            var report = JsonNode.Parse(await res.Content.ReadAsStringAsync(cut.Token))!.Id();
            for (var k = 0; k < 3; k++)
            {
                using var form = new MultipartFormDataContent();
                form.Add(new ByteArrayContent(Enumerable.Repeat((byte)'x', 60_000).ToArray()), "file", $"证明{k}.txt");
                await admin.PostAsync($"/api/v1/reports/{report}/evidence", form, cut.Token);
            }
        })).ToList();
        await Task.Delay(Random.Shared.Next(150, 600));
        KillHard();
        await cut.CancelAsync();
        await Task.WhenAll(burst);

        // 3. Restart: the server comes back and answers.
        await StartAsync();
        admin = await AdminAsync();
        Assert.NotEmpty((await admin.GetJsonAsync("/api/v1/plans")).AsArray());
        KillHard();

        // 4. Consistency, then the cleanup job (grace 0: nothing is in flight any more).
        await using var db = Context();
        foreach (var p in await db.Plans.AsNoTracking().ToListAsync())
            Assert.Equal(p.TaskCount, await db.Tasks.CountAsync(t => t.PlanId == p.Id));
        var files = Path.Combine(_data, "files");
        Directory.CreateDirectory(files);
        foreach (var e in await db.Evidence.AsNoTracking().ToListAsync())
            Assert.True(File.Exists(Path.Combine(files, e.StoredName)), $"evidence row {e.Id} without its file");
        var options = Options.Create(new LedgerOptions { Db = Db, DataDirectory = _data, EvidenceOrphanGrace = TimeSpan.Zero });
        await new EvidenceCleanup(db, options, TimeProvider.System, NullLogger<EvidenceCleanup>.Instance).RunAsync();
        var rows = (await db.Evidence.AsNoTracking().Select(e => e.StoredName).ToListAsync()).ToHashSet();
        var names = Directory.GetFiles(files).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(names, n => n!.EndsWith(EvidenceStore.TempSuffix, StringComparison.Ordinal));
        Assert.All(names, n => Assert.Contains(n!, rows));
        Assert.All(rows, r => Assert.Contains(r, names));
    }

    public void Dispose()
    {
        if (_server is { HasExited: false }) _server.Kill();
        _server?.Dispose();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DropDatabase();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class CrashSqliteTests : CrashTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "planledger-crash", Guid.NewGuid().ToString("N") + ".db");
    protected override string Db => $"Data Source={_file}";
}

public sealed class CrashPostgresTests : CrashTests
{
    private readonly string _database = "planledger_crash_" + Guid.NewGuid().ToString("N")[..10];

    public CrashPostgresTests()
    {
        using var conn = new NpgsqlConnection(PostgresLedgerFactory.ServerConnection);
        conn.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
        cmd.ExecuteNonQuery();
    }

    protected override string Db => new NpgsqlConnectionStringBuilder(PostgresLedgerFactory.ServerConnection) { Database = _database, Pooling = false }.ConnectionString;

    protected override void DropDatabase()
    {
        using var conn = new NpgsqlConnection(PostgresLedgerFactory.ServerConnection);
        conn.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }
}
