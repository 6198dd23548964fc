using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>
/// SQLite's writers queue in the app (<see cref="SqliteWriteGate"/>) instead of polling the file lock: a writer waits
/// for the open write transaction and then goes; a transaction that ends in any way — commit, rollback, an exception,
/// disposed without either — lets the next writer in at once, so no request is left waiting on a turn nobody holds.
/// </summary>
public sealed class SqliteWriteGateTests(SqliteLedgerFactory factory) : IClassFixture<SqliteLedgerFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10); // far below the gate's 30 s wait

    private (IServiceScope Scope, LedgerDbContext Db) Open()
    {
        var scope = factory.Services.CreateScope();
        return (scope, scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    private static JobRun Run(string name) => new() { Name = name, StartedAt = DateTimeOffset.UtcNow, Instance = "test" };

    private async Task WriteAsync(string name)
    {
        var (scope, db) = Open();
        using (scope)
        {
            // As the app's write services do (a report, a review, a 督办单): an explicit transaction.
            await using var tx = await db.Database.BeginTransactionAsync();
            db.JobRuns.Add(Run(name));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
    }

    private async Task<bool> StoredAsync(string name)
    {
        var (scope, db) = Open();
        using (scope) return await db.JobRuns.AnyAsync(r => r.Name == name);
    }

    [Fact]
    public async Task Writers_wait_for_the_open_write_transaction_then_go_in_the_order_they_came()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (scope, db) = Open();
        using (scope)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.JobRuns.Add(Run($"holder-{tag}"));
            await db.SaveChangesAsync();

            var done = new System.Collections.Concurrent.ConcurrentQueue<int>();
            var writers = new List<Task>();
            for (var i = 0; i < 6; i++)
            {
                var k = i;
                writers.Add(Task.Run(async () => { await WriteAsync($"w{k}-{tag}"); done.Enqueue(k); }));
                await Task.Delay(60); // arrive one after another
            }
            await Task.Delay(200);
            Assert.All(writers, w => Assert.False(w.IsCompleted, "a writer went ahead while another write transaction was open"));

            await tx.CommitAsync();
            await Task.WhenAll(writers).WaitAsync(Soon);
            Assert.Equal([0, 1, 2, 3, 4, 5], done.ToArray()); // first come, first served
        }
        for (var i = 0; i < 6; i++) Assert.True(await StoredAsync($"w{i}-{tag}"));
        Assert.True(await StoredAsync($"holder-{tag}"));
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_lets_the_next_writer_in_and_keeps_nothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (scope, db) = Open();
        using (scope)
        {
            var tx = await db.Database.BeginTransactionAsync();
            db.JobRuns.Add(Run($"dropped-{tag}"));
            await db.SaveChangesAsync();
            await tx.DisposeAsync(); // neither committed nor rolled back: SQLite rolls it back
        }
        await WriteAsync($"next-{tag}").WaitAsync(Soon);
        Assert.False(await StoredAsync($"dropped-{tag}"));
        Assert.True(await StoredAsync($"next-{tag}"));
    }

    [Fact]
    public async Task A_failed_write_lets_the_next_writer_in()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await WriteAsync($"twice-{tag}");
        // The same key again: the INSERT fails inside the transaction, which is disposed without a commit.
        await Assert.ThrowsAsync<DbUpdateException>(() => WriteAsync($"twice-{tag}"));
        await WriteAsync($"after-{tag}").WaitAsync(Soon);
        Assert.True(await StoredAsync($"after-{tag}"));
    }

    [Fact]
    public async Task A_rolled_back_transaction_lets_the_next_writer_in()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (scope, db) = Open();
        using (scope)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.JobRuns.Add(Run($"undone-{tag}"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            // The same context writes again at once, in a transaction of its own.
            db.ChangeTracker.Clear();
            db.JobRuns.Add(Run($"again-{tag}"));
            await db.SaveChangesAsync().WaitAsync(Soon);
        }
        await WriteAsync($"other-{tag}").WaitAsync(Soon);
        Assert.False(await StoredAsync($"undone-{tag}"));
        Assert.True(await StoredAsync($"again-{tag}"));
        Assert.True(await StoredAsync($"other-{tag}"));
    }
}
