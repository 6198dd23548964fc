using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data;

/// <summary>
/// The one rule of <see cref="DataVersion"/>: every command a context sends that is not a read (anything but
/// <c>SELECT</c>/<c>PRAGMA</c> — SaveChanges' INSERT/UPDATE/DELETE, <c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL)
/// moves the global data version by one: inside its transaction just before the commit (so the version row is locked only
/// for the commit, and a rolled-back write moves nothing), or right after the command when it ran without one. A reader
/// who reads the version and then the rows can only keep what it rendered under a version at most as new as the rows.
/// The schema's migration (<see cref="LedgerDbContext.Migrating"/>) moves nothing. One instance per context.
/// </summary>
public sealed class DataVersionInterceptor : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>The statement, the same on both providers.</summary>
    public const string BumpSql = "UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1";

    // Transactions of this context that wrote and have not committed yet (a context runs one at a time, savepoints aside).
    private readonly HashSet<DbTransaction> _wrote = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether a command's text can change data: everything but a read (comments and blanks before it skipped).</summary>
    public static bool Writes(string sql)
    {
        var s = sql.AsSpan();
        while (true)
        {
            s = s.TrimStart();
            if (s.StartsWith("--"))
            {
                var end = s.IndexOf('\n');
                if (end < 0) return false;
                s = s[(end + 1)..];
                continue;
            }
            if (s.StartsWith("/*"))
            {
                var end = s.IndexOf("*/");
                if (end < 0) return false;
                s = s[(end + 2)..];
                continue;
            }
            break;
        }
        return !(s.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || s.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase));
    }

    private bool Counts(DbCommand command, CommandEndEventData eventData) =>
        eventData.Context is LedgerDbContext { Migrating: false } && Writes(command.CommandText);

    // EF calls a sync and an async twin of each hook; each pair shares one body below, run with `async` false (it then
    // completes synchronously: .GetAwaiter().GetResult() never blocks) or true — the pattern of Npgsql's own sources.
    private async ValueTask Wrote(DbCommand command, CommandEndEventData eventData, bool async, CancellationToken ct)
    {
        if (!Counts(command, eventData)) return;
        if (command.Transaction is { } tx) _wrote.Add(tx);
        else await Bump(command.Connection!, null, async, ct);
    }

    private static async ValueTask Bump(DbConnection connection, DbTransaction? transaction, bool async, CancellationToken ct)
    {
        using var bump = connection.CreateCommand();
        bump.Transaction = transaction;
        bump.CommandText = BumpSql;
        if (async) await bump.ExecuteNonQueryAsync(ct);
        else bump.ExecuteNonQuery();
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Wrote(command, eventData, false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        await Wrote(command, eventData, true, cancellationToken);
        return result;
    }

    // A write read by a reader without a transaction (none of the app's: SaveChanges' readers run in the audit's, the
    // revision's or EF's transaction) moves the version once its reader is gone: before the connection's next command or
    // its closing, whichever comes first — still before the write's request answers.
    private DbConnection? _afterReader;

    private void MarkReader(DbCommand command, CommandEndEventData eventData)
    {
        if (!Counts(command, eventData)) return;
        if (command.Transaction is { } tx) _wrote.Add(tx);
        else _afterReader = command.Connection;
    }

    private async ValueTask Pending(DbConnection connection, bool async, CancellationToken ct)
    {
        if (!ReferenceEquals(_afterReader, connection)) return;
        _afterReader = null;
        await Bump(connection, null, async, ct);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        MarkReader(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        MarkReader(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Pending(command.Connection!, false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await Pending(command.Connection!, true, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Pending(command.Connection!, false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await Pending(command.Connection!, true, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Pending(command.Connection!, false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await Pending(command.Connection!, true, cancellationToken);
        return result;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Pending(connection, false, default).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        await Pending(connection, true, default);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Wrote(command, eventData, false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        await Wrote(command, eventData, true, cancellationToken);
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (_wrote.Remove(transaction)) Bump(transaction.Connection!, transaction, false, default).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_wrote.Remove(transaction)) await Bump(transaction.Connection!, transaction, true, cancellationToken);
        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _wrote.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _wrote.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback") _wrote.Remove(transaction);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }
}
