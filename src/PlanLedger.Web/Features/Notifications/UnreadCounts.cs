using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Notifications;

/// <summary>
/// The unread-notification count every page's menu shows (通知 badge), kept per recipient (a unit, or an office) so that
/// a page view does not count the notifications again. Any write in this process that can change a count — a
/// notification added or deleted, or its read mark or recipient changed (<see cref="UnreadCountInterceptor"/>, and the
/// bulk updates that call <see cref="Changed"/>) — makes every kept count old at once, so the next page view counts
/// anew. Writes of another instance on the same database show within <see cref="LedgerOptions.UnreadCountCacheFor"/>.
/// </summary>
public sealed class UnreadCounts(IMemoryCache cache, IOptions<LedgerOptions> options)
{
    private long _generation;

    private sealed record Kept(long Generation, int Count);

    // The count of a unit's or an office's notifications: one compiled query each (no expression tree per page view).
    private static readonly CompiledPerProvider<Func<LedgerDbContext, int, Task<int>>> OfUnit = new(() =>
        EF.CompileAsyncQuery((LedgerDbContext db, int unit) => db.Notifications.Count(n => n.UnitId == unit && n.ReadAt == null)));
    private static readonly CompiledPerProvider<Func<LedgerDbContext, int, Task<int>>> OfOffice = new(() =>
        EF.CompileAsyncQuery((LedgerDbContext db, int org) => db.Notifications.Count(n => n.UnitId == null && n.OrganisationId == org && n.ReadAt == null)));

    /// <summary>Every kept count is old from now on (a write that may change unread counts was saved or committed).</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    /// <summary>The unread notifications of <paramref name="me"/> (the same set as <see cref="NotificationsApi.Mine"/>).</summary>
    public async Task<int> CountAsync(LedgerDbContext db, CurrentUser me)
    {
        string key;
        CompiledPerProvider<Func<LedgerDbContext, int, Task<int>>> query;
        int id;
        if (me.UnitId is { } unit) (key, query, id) = ("unread:u:" + unit.ToString(CultureInfo.InvariantCulture), OfUnit, unit);
        else if (me.Role is UserRole.Office or UserRole.Admin)
            (key, query, id) = ("unread:o:" + me.OrganisationId.ToString(CultureInfo.InvariantCulture), OfOffice, me.OrganisationId);
        else return 0;
        // Read before counting: a write during the count leaves the kept count under the old generation (counted again next time).
        var generation = Volatile.Read(ref _generation);
        if (cache.TryGetValue(key, out Kept? kept) && kept is not null && kept.Generation == generation) return kept.Count;
        var count = await query.For(db)(db, id);
        var keepFor = options.Value.UnreadCountCacheFor;
        if (keepFor > TimeSpan.Zero) cache.Set(key, new Kept(generation, count), keepFor);
        return count;
    }
}
