using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PlanLedger.Web.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c>) on every connection the app opens.
/// Without it, a writer that finds the lock taken (<c>BEGIN IMMEDIATE</c> → SQLITE_BUSY) is retried by
/// Microsoft.Data.Sqlite after a fixed <c>Thread.Sleep(150)</c>: four concurrent report POSTs waited 150, 300, 450 ms
/// for writes that hold the lock a few milliseconds (docs/scale.md §8). SQLite's own busy handler polls after
/// 1, 2, 5, 10 … ms, so a waiting writer starts as soon as the lock is free.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds = 30_000) : DbConnectionInterceptor
{
    private string Pragma => $"PRAGMA busy_timeout = {milliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var c = connection.CreateCommand();
        c.CommandText = Pragma;
        c.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var c = connection.CreateCommand();
        c.CommandText = Pragma;
        await c.ExecuteNonQueryAsync(cancellationToken);
    }
}
