using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Review;

/// <summary>本期报送情况: who owes, who filed, who is late for a period; one-click 催办 to all or selected late units.</summary>
public sealed class PeriodModel(LedgerDbContext db, PeriodService periods, LedgerQueries queries, TimeProvider clock) : LedgerPageModel
{
    [BindProperty(SupportsGet = true), TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period), Label = "报送周期")] public string? P { get; set; }
    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public PeriodView View { get; private set; } = null!;
    public bool CanUrge { get; private set; }
    public Dictionary<int, string> UnitNames { get; private set; } = [];
    public List<string> RecentPeriods { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Message = Flash;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var access = await queries.PlanAsync(Me, id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Fail(e);
        var plan = access.Value!.Plan;
        PlanId = id;
        PlanTitle = plan.Title;
        // Default: the last period whose report is already due, else last month.
        P ??= StatusRules.ExpectedPeriod(today, plan.ReportDay, plan.PublishedAt is { } pa ? DateOnly.FromDateTime(pa.UtcDateTime) : null, plan.Year)
            ?? StatusRules.PeriodOf(today.AddMonths(-1));
        var r = await periods.ViewAsync(Me, id, P, ct);
        if (r.Error is { } ve) { Message = ve.Title; P = StatusRules.PeriodOf(today); r = await periods.ViewAsync(Me, id, P, ct); }
        View = r.Value!;
        CanUrge = Access.Can(Me, LedgerAction.UrgeUnits, access.Value.Resource);
        var ids = View.Cells.Select(c => c.UnitId).Concat(View.Urges.Select(u => u.UnitId)).Distinct().ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        for (var m = new DateOnly(plan.Year, 1, 1); m <= today && m.Year == plan.Year; m = m.AddMonths(1)) RecentPeriods.Add(StatusRules.PeriodOf(m));
        RecentPeriods.Reverse();
        return Page();
    }

    public async Task<IActionResult> OnPostUrgeAsync(int id, [TextLimit(typeof(UrgeRecord), nameof(UrgeRecord.Period), Label = "报送周期")] string? period, List<int>? unitIds, CancellationToken ct)
    {
        var r = await periods.UrgeAsync(Me, id, period, unitIds, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? (r.Value!.Notified > 0 ? $"已催办 {r.Value.Notified} 个单位" : "今天已催办过这些单位，明天可再次催办");
        return Redirect($"/Plans/{id}/Period?P={Uri.EscapeDataString(period ?? "")}");
    }
}
