using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PlanLedger.Web;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>
/// The real application in memory on a fresh database of its own (one per test class): a temporary SQLite
/// file, or a new PostgreSQL database created on the server from PLANLEDGER_TEST_PG and dropped afterwards.
/// </summary>
public abstract class LedgerFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-pass-123";
    /// <summary>Counts every SQL command of this application instance.</summary>
    public CommandCounter Commands { get; } = new();
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "planledger-tests", Guid.NewGuid().ToString("N"));
    public abstract string Provider { get; }
    /// <summary>The application's clock: the real time unless a test moves it (<see cref="MovableClock.Set"/>).</summary>
    public MovableClock Clock { get; } = new();
    protected abstract string Db { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("PlanLedger:Db", Db);
        builder.UseSetting("PlanLedger:DataDirectory", DataDirectory);
        builder.UseSetting("PlanLedger:AdminPassword", AdminPassword);
        builder.UseSetting("PlanLedger:ReminderInterval", "00:00:00");
        builder.UseSetting("PlanLedger:EvidenceCleanupInterval", "00:00:00");
        builder.UseSetting("PlanLedger:MaxEvidenceBytes", "100000");
        builder.UseSetting("PlanLedger:MaxUploadBytes", "3000000");
        // Every change in these tests is made by this process (its sessions end at once); a long stamp cache keeps
        // the per-request session check out of the SQL command counts.
        builder.UseSetting("PlanLedger:SessionStampCacheFor", "00:10:00");
        builder.UseSetting("PlanLedger:Notifications:DispatchInterval", "00:00:00");
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands);
            s.AddSingleton<TimeProvider>(Clock);
        });
        Configure(builder);
    }

    /// <summary>More settings of a derived factory (e.g. the SMTP server and webhook of the notification tests).</summary>
    protected virtual void Configure(IWebHostBuilder builder) { }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        LedgerApp.InitializeAsync(host.Services, TextWriter.Null).GetAwaiter().GetResult();
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Cleanup();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    protected virtual void Cleanup() { }
}

public class SqliteLedgerFactory : LedgerFactory
{
    public override string Provider => "sqlite";
    protected override string Db => $"Data Source={Path.Combine(DataDirectory, "ledger.db")}";
    protected override void Cleanup() => SqliteConnection.ClearAllPools();
}

public class PostgresLedgerFactory : LedgerFactory
{
    public static string ServerConnection =>
        Environment.GetEnvironmentVariable("PLANLEDGER_TEST_PG") is { Length: > 0 } cs
            ? cs : "Host=127.0.0.1;Port=5432;Database=planledger_test;Username=planledger;Password=planledger";

    private readonly string _database = "planledger_t_" + Guid.NewGuid().ToString("N")[..12];
    public override string Provider => "postgres";

    protected override string Db => new NpgsqlConnectionStringBuilder(ServerConnection) { Database = _database, Pooling = false }.ConnectionString;

    public PostgresLedgerFactory()
    {
        using var conn = new NpgsqlConnection(ServerConnection);
        conn.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Drops the class's database. Several classes create and drop databases at once, and PostgreSQL can refuse a
    /// DROP while it is busy with another (e.g. a concurrent CREATE copying template1): retried, and a database that
    /// still cannot be dropped is left behind (reported) rather than failing the class whose tests all passed.
    /// </summary>
    protected override void Cleanup()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var conn = new NpgsqlConnection(ServerConnection);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
                return;
            }
            catch (PostgresException) when (attempt < 10)
            {
                Thread.Sleep(200 * attempt);
            }
            catch (PostgresException e)
            {
                Console.Error.WriteLine($"test database {_database} left behind: {e.SqlState} {e.MessageText}");
                return;
            }
        }
    }
}

/// <summary>The application on a real Kestrel server (a dynamic port): for tests whose requests must truly race.</summary>
public sealed class KestrelSqliteLedgerFactory : SqliteLedgerFactory
{
    public KestrelSqliteLedgerFactory() => KestrelServer.Start(this, UseKestrel, StartServer);
}

/// <inheritdoc cref="KestrelSqliteLedgerFactory"/>
public sealed class KestrelPostgresLedgerFactory : PostgresLedgerFactory
{
    public KestrelPostgresLedgerFactory() => KestrelServer.Start(this, UseKestrel, StartServer);
}

internal static class KestrelServer
{
    /// <summary>Starts Kestrel on a free port and points every client of the factory (pages included) at it.</summary>
    public static void Start(LedgerFactory f, Action<int> useKestrel, Action start)
    {
        useKestrel(0);
        start();
        var address = f.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        f.ClientOptions.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }
}
