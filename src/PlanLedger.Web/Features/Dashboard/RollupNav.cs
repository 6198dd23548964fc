using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PlanLedger.Web.Data;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>Whether the menu, home and year dashboard offer 下级汇总: the person may read it and their organisation has one below it (cached a minute).</summary>
public sealed class RollupNav(LedgerDbContext db, IMemoryCache cache)
{
    public async Task<bool> ShowsAsync(CurrentUser? me, CancellationToken ct = default)
    {
        if (me is null || !Access.Can(me, LedgerAction.ReadRollup, new Resource(me.OrganisationId, me.OrganisationPath))) return false;
        return await cache.GetOrCreateAsync(("rollup-children", me.OrganisationId), e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.Organisations.AnyAsync(o => o.ParentId == me.OrganisationId, ct);
        });
    }
}
