using System.Data.Common;
using Microsoft.Data.Sqlite;
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
    // The native call, not a PRAGMA command: no statement to prepare on every connection the pool hands out.
    private void Set(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) SQLitePCL.raw.sqlite3_busy_timeout(handle, milliseconds);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }
}
