using Microsoft.EntityFrameworkCore;

namespace PlanLedger.Web.Data;

/// <summary>
/// Serialises the writes that change a plan's task statuses, so that a section's roll-up is computed from committed
/// children (never drifts under concurrent reports). On PostgreSQL the plan row is locked (<c>FOR UPDATE</c>) inside the
/// caller's transaction; on SQLite the transaction itself already holds the write lock (<c>BEGIN IMMEDIATE</c>).
/// </summary>
public static class PlanLock
{
    public static async Task LockPlanAsync(this LedgerDbContext db, int planId, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Plans\" WHERE \"Id\" = {planId} FOR UPDATE", ct);
    }
}
