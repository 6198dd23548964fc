using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>Background jobs run once per schedule across instances: a second instance finds the schedule served, or
/// the job's lock held, and skips it (the two-instance run in tests/cluster checks the same across processes).</summary>
public abstract class JobGateTests(LedgerFactory factory)
{
    private JobGate Gate(DateTimeOffset now) => new(factory.Services.GetRequiredService<IOptions<LedgerOptions>>(), new FixedClock(now),
        factory.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<JobGate>.Instance);

    [Fact]
    public async Task A_job_runs_once_per_schedule_and_again_when_the_interval_has_passed()
    {
        var job = "test-" + Guid.NewGuid().ToString("N")[..8];
        var at = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var runs = 0;
        Task Work(CancellationToken _) { runs++; return Task.CompletedTask; }
        Assert.True(await Gate(at).RunAsync(job, TimeSpan.FromHours(1), Work, default));
        // Another instance, ten minutes later, on the same database: the schedule is served.
        Assert.False(await Gate(at.AddMinutes(10)).RunAsync(job, TimeSpan.FromHours(1), Work, default));
        Assert.True(await Gate(at.AddMinutes(61)).RunAsync(job, TimeSpan.FromHours(1), Work, default));
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task While_one_instance_holds_the_job_another_skips_it_and_a_run_that_died_is_run_again()
    {
        var job = "test-" + Guid.NewGuid().ToString("N")[..8];
        var at = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var runs = 0;
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = Gate(at).RunAsync(job, TimeSpan.FromHours(1), async _ => { runs++; inside.SetResult(); await release.Task; }, default);
        await inside.Task;
        Assert.False(await Gate(at).RunAsync(job, TimeSpan.FromHours(1), _ => { runs++; return Task.CompletedTask; }, default));
        release.SetResult();
        Assert.True(await first);

        var crashed = "test-" + Guid.NewGuid().ToString("N")[..8];
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Gate(at).RunAsync(crashed, TimeSpan.FromHours(1), _ => throw new InvalidOperationException("died"), default));
        Assert.True(await Gate(at.AddMinutes(1)).RunAsync(crashed, TimeSpan.FromHours(1), _ => { runs++; return Task.CompletedTask; }, default));
        Assert.Equal(2, runs);
    }
}

public sealed class JobGateSqliteTests(SqliteLedgerFactory f) : JobGateTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class JobGatePostgresTests(PostgresLedgerFactory f) : JobGateTests(f), IClassFixture<PostgresLedgerFactory>;
