using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PlanLedger.Web.Data;

/// <summary>
/// Queues this process's SQLite write transactions in arrival order, awaiting their turn without holding a thread.
/// SQLite has one write lock per database file; a transaction that finds it taken (<c>BEGIN IMMEDIATE</c> → SQLITE_BUSY)
/// is retried by SQLite's busy handler after 1, 2, 5 … 25, 50, 100 ms sleeps on a blocked thread — not in order, so
/// under a burst of report POSTs an unlucky writer sleeps 100 ms again and again while later ones pass it (p95 722 ms
/// for POSTs of a few milliseconds each, docs/scale.md §15). Here each transaction waits on one
/// <see cref="SemaphoreSlim"/> per database file before it begins and releases it when it commits, rolls back or fails,
/// or at the latest when its connection is closed or disposed. A single statement outside a transaction (EF saves one
/// INSERT or UPDATE without one, as do <c>ExecuteUpdate</c> and raw SQL) and the writes of other processes (the CLI
/// beside a server) still meet the busy handler (<see cref="SqliteBusyTimeout"/>).
/// </summary>
public sealed class SqliteWriteGate(TimeSpan? wait = null) : DbConnectionInterceptor, IDbTransactionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    // The gate a connection holds for its open transaction; a connection runs one transaction at a time.
    private static readonly ConcurrentDictionary<DbConnection, SemaphoreSlim> Held = new(ReferenceEqualityComparer.Instance);
    private static readonly ConcurrentDictionary<DbTransaction, DbConnection> Owners = new(ReferenceEqualityComparer.Instance);
    private readonly TimeSpan _wait = wait ?? TimeSpan.FromSeconds(30);

    private static SemaphoreSlim GateOf(DbConnection c) => Gates.GetOrAdd(c.DataSource ?? "", _ => new SemaphoreSlim(1, 1));

    private void Enter(DbConnection connection, bool entered)
    {
        if (!entered)
            throw new TimeoutException($"数据库忙：等待写入超过 {_wait.TotalSeconds:0} 秒（SQLite 同一时间只允许一个写入）");
        Held[connection] = GateOf(connection);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (!Held.ContainsKey(connection)) Enter(connection, GateOf(connection).Wait(_wait));
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!Held.ContainsKey(connection)) Enter(connection, await GateOf(connection).WaitAsync(_wait, cancellationToken));
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Owners[result] = connection;
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    private static void Leave(DbTransaction transaction)
    {
        if (Owners.TryRemove(transaction, out var connection)) Release(connection);
    }

    private static void Release(DbConnection connection)
    {
        if (Held.TryRemove(connection, out var gate)) gate.Release();
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed commit or rollback leaves the transaction to be disposed; a failed BEGIN has no transaction yet.
        if (eventData.Action is "Commit" or "Rollback") Leave(transaction);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (SQLite rolls it back) ends at the latest with its connection.
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Forget(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        Forget(connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Forget(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        Forget(connection);
        return ValueTask.FromResult(result);
    }

    private static void Forget(DbConnection connection)
    {
        if (!Held.ContainsKey(connection)) return;
        foreach (var (tx, c) in Owners)
            if (ReferenceEquals(c, connection)) Owners.TryRemove(tx, out _);
        Release(connection);
    }
}
