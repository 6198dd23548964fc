using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Home;

/// <summary>Home: the unit's notifications (reports due, missing, overdue tasks) and the plans in scope.</summary>
public sealed class IndexModel(LedgerDbContext db, PlanEditor editor, PlanLifecycle lifecycle, TodayWorkService today, Dashboard.YearOverview years, TimeProvider clock) : LedgerPageModel
{
    public List<Notification> Notifications { get; private set; } = [];
    public List<PlanListItem> Plans { get; private set; } = [];
    /// <summary>今日工作, for the office and admins.</summary>
    public TodayWork? Work { get; private set; }

    public string? Message { get; private set; }
    /// <summary>已归档: the list shows the archived plans instead of the everyday ones.</summary>
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    /// <summary>Leader home: the year's 红黄绿 and ranking of units over all plans.</summary>
    public Dashboard.YearOverviewDto? Year { get; private set; }
    /// <summary>The key of the leader's cached ranking HTML (<see cref="Dashboard.YearOverviewRead.Key"/>).</summary>
    public string YearKey { get; private set; } = "";

    /// <summary>Deletes a draft plan from the list (office/admin of the owning organisation).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var r = await editor.DeleteDraftAsync(Me, id, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? "计划已删除";
        return Redirect("/Plans");
    }

    /// <summary>归档: the published plan leaves the everyday lists (已归档 shows it).</summary>
    public async Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken ct)
    {
        var r = await lifecycle.ArchiveAsync(Me, id, true, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? "计划已归档";
        return Redirect("/Plans");
    }

    public async Task<IActionResult> OnPostUnarchiveAsync(int id, CancellationToken ct)
    {
        var r = await lifecycle.ArchiveAsync(Me, id, false, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? "计划已取消归档";
        return Redirect(r.Error is null ? "/Plans" : "/Plans?Archived=true");
    }

    /// <summary>撤回发布 (admin): back to draft while nobody has reported; the review page opens again.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        var r = await lifecycle.WithdrawAsync(Me, id, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? "已撤回发布，计划回到草稿";
        return Redirect($"/Plans/{id}/Review");
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = Flash;
        if (Me.UnitId is { } unit)
            Notifications = await db.Notifications.AsNoTracking().Where(n => n.UnitId == unit && n.ReadAt == null)
                .OrderByDescending(n => n.CreatedAt).Take(50).ToListAsync(ct);
        if (Me.Role is UserRole.Admin or UserRole.Office) Work = await today.ForAsync(Me, ct);
        if (Me.Role is UserRole.Leader) (Year, YearKey) = await years.ReadAsync(Me, Shanghai.Today(clock).Year, ct);
        Plans = await Access.VisiblePlans(db.Plans, Me).Where(p => (p.ArchivedAt != null) == Archived).OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Take(100)
            .Select(p => new PlanListItem(p.Id, p.Title, p.Issuer, p.Year, p.Status == PlanStatus.Draft ? "draft" : "published", p.TaskCount, p.ArchivedAt != null))
            .ToListAsync(ct);
    }
}
