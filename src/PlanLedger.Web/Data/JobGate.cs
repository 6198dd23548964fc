using System.Collections.Concurrent;
using Medallion.Threading.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data;

/// <summary>
/// Runs a background job once per schedule across every instance that shares the database. On PostgreSQL the run holds
/// a session advisory lock named after the job (DistributedLock.Postgres; a crashed instance's lock ends with its
/// connection), and under it the job's <see cref="JobRun"/> row tells whether another instance already served this
/// schedule. A SQLite file is served by one instance, so a process-wide lock stands in.
/// </summary>
public sealed class JobGate(IOptions<LedgerOptions> options, TimeProvider clock, IServiceScopeFactory scopes, ILogger<JobGate> log)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Local = new();
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs <paramref name="work"/> unless another instance holds the job's lock or ran it less than 90 % of
    /// <paramref name="interval"/> ago; true when it ran here.</summary>
    public async Task<bool> RunAsync(string job, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var held = await TryLockAsync(job, TimeSpan.Zero, ct);
        if (held is null)
        {
            log.LogInformation("Job {Job}: another instance is running it", job);
            return false;
        }
        // The bookkeeping has its own context: the job's own may be cleared or left with failed changes.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var now = clock.GetUtcNow();
        var row = await db.JobRuns.FirstOrDefaultAsync(j => j.Name == job, ct);
        if (row is not null && now - row.StartedAt < interval * 0.9 && row.FinishedAt is not null)
        {
            log.LogInformation("Job {Job}: already run at {At} by {Instance}", job, row.StartedAt, row.Instance);
            return false;
        }
        if (row is null) db.JobRuns.Add(row = new JobRun { Name = job });
        row.StartedAt = now;
        row.FinishedAt = null;
        row.Instance = Instance;
        await db.SaveChangesAsync(ct);
        await work(ct);
        row.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The job's lock, waited for up to <paramref name="wait"/>; null when another holder keeps it.</summary>
    public async Task<IAsyncDisposable?> TryLockAsync(string name, TimeSpan wait, CancellationToken ct)
    {
        var db = options.Value.Db;
        if (!string.IsNullOrWhiteSpace(db) && LedgerDatabase.IsPostgres(db))
        {
            var key = new PostgresAdvisoryLockKey($"planledger:{name}", allowHashing: true);
            return await new PostgresDistributedLock(key, LedgerDatabase.PostgresConnectionString(db)).TryAcquireAsync(wait, ct);
        }
        var gate = Local.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(wait, ct) ? new Release(gate) : null;
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
