using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Home;

/// <summary>Home: the unit's notifications (reports due, missing, overdue tasks) and the plans in scope.</summary>
public sealed class IndexModel(LedgerDbContext db) : LedgerPageModel
{
    public List<Notification> Notifications { get; private set; } = [];
    public List<PlanListItem> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Me.UnitId is { } unit)
            Notifications = await db.Notifications.AsNoTracking().Where(n => n.UnitId == unit && n.ReadAt == null)
                .OrderByDescending(n => n.CreatedAt).Take(50).ToListAsync(ct);
        Plans = await Access.VisiblePlans(db.Plans, Me).OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Take(100)
            .Select(p => new PlanListItem(p.Id, p.Title, p.Issuer, p.Year, p.Status == PlanStatus.Draft ? "draft" : "published", p.TaskCount))
            .ToListAsync(ct);
    }
}
