using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>
/// Evidence files: written under a temporary name, flushed and renamed, committed with their row; a full disk is 507
/// and an unwritable folder 503 (never 500, never a partial file); the cleanup job removes files without rows and rows
/// without files and writes each removal to the audit trail.
/// </summary>
public abstract class EvidenceStorageTests(LedgerFactory factory)
{
    private string FilesDir => Path.Combine(factory.DataDirectory, "files");

    private async Task<int> ReportAsync()
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.PostFileAsync("e.txt", SyntheticPlan.Unique());
        await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray();
        var parents = tasks.Select(t => t!["parentId"]?.GetValue<int?>()).OfType<int>().ToHashSet();
        var leaf = tasks.First(t => !parents.Contains(t!.Id()))!.Id();
        return (await admin.PostJsonAsync($"/api/v1/tasks/{leaf}/reports", new { period = "2026-01", progress = 10, text = "进展" })).Id();
    }

    private async Task<HttpResponseMessage> AttachAsync(int reportId, int bytes, string name = "证明.txt")
    {
        var admin = await factory.ClientAsync();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(Enumerable.Repeat((byte)'a', bytes).ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(content, "file", name);
        return await admin.PostAsync($"/api/v1/reports/{reportId}/evidence", form);
    }

    private int EvidenceRows(int reportId)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Evidence.Count(e => e.ReportId == reportId);
    }

    private static bool Run(string cmd, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(cmd, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    [Fact]
    public async Task A_stored_file_is_complete_under_its_name_and_no_temporary_file_remains()
    {
        var report = await ReportAsync();
        var res = await AttachAsync(report, 5000);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        using var scope = factory.Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Evidence.SingleAsync(e => e.ReportId == report);
        Assert.Equal(5000, new FileInfo(Path.Combine(FilesDir, row.StoredName)).Length);
        Assert.Empty(Directory.GetFiles(FilesDir, "*" + EvidenceStore.TempSuffix));
    }

    [Fact]
    public async Task A_full_disk_is_507_and_a_read_only_one_503_with_nothing_half_written()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return; // needs a small tmpfs to fill
        var report = await ReportAsync();
        Directory.CreateDirectory(FilesDir);
        Assert.True(Run("mount", $"-t tmpfs -o size=64k tmpfs {FilesDir}"), "mount tmpfs");
        try
        {
            var full = await AttachAsync(report, 90_000);
            Assert.Equal((HttpStatusCode)507, full.StatusCode);
            Assert.Contains("存储空间不足", await full.ProblemTitle());
            Assert.Empty(Directory.GetFiles(FilesDir));
            Assert.Equal(0, EvidenceRows(report));
            Assert.Equal(HttpStatusCode.OK, (await AttachAsync(report, 1000)).StatusCode);

            Assert.True(Run("mount", $"-o remount,ro {FilesDir}"), "remount read-only");
            var readOnly = await AttachAsync(report, 1000);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readOnly.StatusCode);
            Assert.Contains("附件存储暂不可用", await readOnly.ProblemTitle());
            Assert.Equal(1, EvidenceRows(report));
        }
        finally
        {
            Run("umount", FilesDir);
        }
    }

    [Fact]
    public async Task A_files_folder_that_cannot_be_created_is_503_not_500()
    {
        var report = await ReportAsync();
        var moved = FilesDir + ".away";
        Directory.Move(FilesDir, moved);
        await File.WriteAllTextAsync(FilesDir, "not a folder");
        try
        {
            var res = await AttachAsync(report, 1000);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, res.StatusCode);
            Assert.Equal(0, EvidenceRows(report));
        }
        finally
        {
            File.Delete(FilesDir);
            Directory.Move(moved, FilesDir);
        }
    }

    [Fact]
    public async Task The_cleanup_removes_files_without_rows_and_rows_without_files_and_audits_both()
    {
        var report = await ReportAsync();
        Assert.Equal(HttpStatusCode.OK, (await AttachAsync(report, 100)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttachAsync(report, 200)).StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var rows = await db.Evidence.AsNoTracking().Where(e => e.ReportId == report).OrderBy(e => e.Id).ToListAsync();
        File.Delete(Path.Combine(FilesDir, rows[0].StoredName)); // row without file
        var orphan = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(Path.Combine(FilesDir, orphan), "crash left me");
        var temp = Guid.NewGuid().ToString("N") + EvidenceStore.TempSuffix;
        await File.WriteAllTextAsync(Path.Combine(FilesDir, temp), "half");
        File.SetLastWriteTimeUtc(Path.Combine(FilesDir, orphan), DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(Path.Combine(FilesDir, temp), DateTime.UtcNow.AddHours(-2));
        var fresh = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(Path.Combine(FilesDir, fresh), "upload in progress");

        var job = new EvidenceCleanup(db, scope.ServiceProvider.GetRequiredService<IOptions<LedgerOptions>>(), TimeProvider.System, NullLogger<EvidenceCleanup>.Instance);
        var run = await job.RunAsync();
        Assert.True(run.OrphanFiles >= 2 && run.MissingFiles >= 1, $"{run}");
        Assert.False(File.Exists(Path.Combine(FilesDir, orphan)));
        Assert.False(File.Exists(Path.Combine(FilesDir, temp)));
        Assert.True(File.Exists(Path.Combine(FilesDir, fresh)), "a young file is an upload in progress");
        Assert.True(File.Exists(Path.Combine(FilesDir, rows[1].StoredName)));
        Assert.False(await db.Evidence.AnyAsync(e => e.Id == rows[0].Id));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.UserName == "system").ToListAsync();
        Assert.Contains(audit, a => a.Action == "orphan_removed" && a.EntityId == orphan);
        Assert.Contains(audit, a => a.Action == "temp_removed");
        Assert.Contains(audit, a => a.Action == "file_missing" && a.EntityId == rows[0].Id.ToString());
        Assert.Contains(audit, a => a.Action == "deleted" && a.Entity == "Evidence" && a.EntityId == rows[0].Id.ToString());
        File.Delete(Path.Combine(FilesDir, fresh));
    }
}

public sealed class EvidenceStorageSqliteTests(SqliteLedgerFactory f) : EvidenceStorageTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class EvidenceStoragePostgresTests(PostgresLedgerFactory f) : EvidenceStorageTests(f), IClassFixture<PostgresLedgerFactory>;
