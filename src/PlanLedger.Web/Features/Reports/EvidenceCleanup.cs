using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Reports;

public sealed record CleanupRun(int OrphanFiles, int MissingFiles);

/// <summary>
/// Keeps the evidence folder and the Evidence rows consistent after crashes: files (and temporary files) without a
/// row, older than <see cref="LedgerOptions.EvidenceOrphanGrace"/> (so uploads in progress are left alone), are
/// deleted; rows whose file is gone are deleted. Each removal is written to the audit trail (操作日志) as "system".
/// </summary>
public sealed class EvidenceCleanup(LedgerDbContext db, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<EvidenceCleanup> log)
{
    public async Task<CleanupRun> RunAsync(CancellationToken ct = default)
    {
        var dir = options.Value.FilesDirectory;
        if (!Directory.Exists(dir)) return new CleanupRun(0, 0);
        var now = clock.GetUtcNow();
        var known = (await db.Evidence.AsNoTracking().Select(e => new { e.Id, e.StoredName }).ToListAsync(ct))
            .ToDictionary(e => e.StoredName, e => e.Id, StringComparer.Ordinal);
        var onDisk = new HashSet<string>(StringComparer.Ordinal);
        var orphans = 0;
        foreach (var path in Directory.EnumerateFiles(dir))
        {
            var file = Path.GetFileName(path);
            if (known.ContainsKey(file)) { onDisk.Add(file); continue; }
            var age = now - new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            if (age < options.Value.EvidenceOrphanGrace) continue;
            try { File.Delete(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { log.LogWarning(e, "Cannot delete orphan evidence file {File}", file); continue; }
            orphans++;
            db.AuditEntries.Add(Note("EvidenceFile", file.Length > 50 ? file[..50] : file,
                file.EndsWith(EvidenceStore.TempSuffix, StringComparison.Ordinal) ? "temp_removed" : "orphan_removed", now));
        }
        var missing = known.Where(k => !onDisk.Contains(k.Key)).Select(k => k.Value).ToList();
        if (missing.Count > 0)
        {
            // Tracked deletes: the interceptor records each row as deleted (with its values) in the same transaction.
            db.Evidence.RemoveRange(await db.Evidence.Where(e => missing.Contains(e.Id)).ToListAsync(ct));
            foreach (var id in missing) db.AuditEntries.Add(Note(nameof(Evidence), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "file_missing", now));
        }
        await db.SaveChangesAsync(ct);
        if (orphans + missing.Count > 0) log.LogWarning("Evidence cleanup: {Orphans} files without rows, {Missing} rows without files", orphans, missing.Count);
        return new CleanupRun(orphans, missing.Count);
    }

    private static AuditEntry Note(string entity, string id, string action, DateTimeOffset at) =>
        new() { At = at, UserName = "system", Entity = entity, EntityId = id, Action = action };
}

/// <summary>Runs <see cref="EvidenceCleanup"/> shortly after start and then every <see cref="LedgerOptions.EvidenceCleanupInterval"/>.</summary>
public sealed class EvidenceCleanupService(IServiceScopeFactory scopes, IOptions<LedgerOptions> options, ILogger<EvidenceCleanupService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EvidenceCleanupInterval <= TimeSpan.Zero) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(15), stoppingToken);
            using var timer = new PeriodicTimer(options.Value.EvidenceCleanupInterval);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var sp = scope.ServiceProvider;
                    await sp.GetRequiredService<Data.JobGate>().RunAsync("evidence-cleanup", options.Value.EvidenceCleanupInterval,
                        ct => sp.GetRequiredService<EvidenceCleanup>().RunAsync(ct), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Evidence cleanup failed");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }
}
