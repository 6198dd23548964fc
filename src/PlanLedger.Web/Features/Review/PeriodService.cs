using PlanLedger.Web.Features.Plans;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Review;

public sealed record MissingUnit(int UnitId, string Unit, IReadOnlyList<int> TaskIds);
public sealed record UrgeResult(int Notified, IReadOnlyList<int> UnitIds, IReadOnlyList<int> AlreadyUrgedToday);

/// <summary>One unit's duty on one task for a period, as the 本期报送情况 view shows it.</summary>
public sealed record PeriodCell(int TaskId, string TaskPath, string TaskHeading, int UnitId, string Unit, bool Lead,
    string State, int? ReportId, DateTimeOffset? SubmittedAt);
public sealed record UrgeDto(int UnitId, string ByName, DateTimeOffset At);
public sealed record PeriodView(string Period, DateOnly DueOn, bool PastDue, IReadOnlyList<PeriodCell> Cells, IReadOnlyList<UrgeDto> Urges);

/// <summary>
/// 本期报送情况 and 催办: which units owe a report for a period on which tasks, which filed, which are late; reminding
/// late units at most once a day per unit and period (recorded who/when).
/// <para>A unit owes a report for period P on an open leaf task it is mapped onto (lead or supporting) when the plan was
/// published before P ended and the task was not already due before P began; it has filed when a live (submitted or
/// approved) report of its own — or of the office — exists for that task and period.</para>
/// </summary>
public sealed class PeriodService(LedgerDbContext db, LedgerQueries queries, Notifier notifier, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<PeriodView>> ViewAsync(CurrentUser me, int planId, string? period, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return e;
        if (Periods.CheckFormat(period) is { } bad) return bad;
        var plan = access.Value!.Plan;
        var (cells, dueOn) = await CellsAsync(plan, period!, ct);
        var urges = await db.UrgeRecords.AsNoTracking().Where(u => u.PlanId == planId && u.Period == period)
            .OrderByDescending(u => u.At).Select(u => new UrgeDto(u.UnitId, u.ByName, u.At)).ToListAsync(ct);
        return new PeriodView(period!, dueOn, Today > dueOn, cells, urges);
    }

    /// <summary>Late units of a plan the caller has already been allowed to read (今日工作: the office's own plans).</summary>
    public async Task<List<MissingUnit>> MissingOfAsync(Plan plan, string period, CancellationToken ct = default) =>
        Missing(new PeriodView(period, default, false, (await CellsAsync(plan, period, ct)).Cells, []));

    private async Task<(List<PeriodCell> Cells, DateOnly DueOn)> CellsAsync(Plan plan, string period, CancellationToken ct)
    {
        var planId = plan.Id;
        var (start, end) = Bounds(period);
        var dueOn = end.AddDays(Math.Clamp(plan.ReportDay, 1, 28));
        var cells = new List<PeriodCell>();
        if (plan.Status == PlanStatus.Published && plan.PublishedAt is { } pub && DateOnly.FromDateTime(pub.UtcDateTime) <= end)
        {
            var tasks = await OwingTasks(planId, start).Select(t => new { t.Id, t.Path, t.Heading, t.Order }).ToListAsync(ct);
            var ids = tasks.Select(t => t.Id).ToList();
            var links = await db.TaskUnits.AsNoTracking().Where(u => ids.Contains(u.TaskId) && u.UnitId != null)
                .Select(u => new { u.TaskId, UnitId = u.UnitId!.Value, u.Role, Unit = u.Unit!.Name }).ToListAsync(ct);
            var filed = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.TaskId) && r.Period == period)
                .Select(r => new { r.Id, r.TaskId, r.UnitId, r.Status, r.SubmittedAt }).ToListAsync(ct);
            var byTask = tasks.ToDictionary(t => t.Id);
            // Per task, not over the whole period's reports per link (900 links × 300 reports at province scale).
            var filedByTask = filed.ToLookup(r => r.TaskId);
            foreach (var l in links.DistinctBy(l => (l.TaskId, l.UnitId)).OrderBy(l => byTask[l.TaskId].Order).ThenBy(l => l.Unit, StringComparer.Ordinal))
            {
                var own = filedByTask[l.TaskId].Where(r => r.UnitId == l.UnitId || r.UnitId == null)
                    .OrderByDescending(r => r.Id).ToList();
                var live = own.FirstOrDefault(r => r.Status is ReportStatus.Submitted or ReportStatus.Approved);
                var last = live ?? own.FirstOrDefault();
                var state = live is not null ? ReportService.StatusName(live.Status)
                    : last?.Status == ReportStatus.Returned ? "returned"
                    : Today > dueOn ? "late" : "missing";
                var t = byTask[l.TaskId];
                cells.Add(new PeriodCell(t.Id, t.Path, t.Heading, l.UnitId, l.Unit, l.Role == UnitRole.Lead, state, last?.Id, last?.SubmittedAt));
            }
        }
        return (cells, dueOn);
    }

    /// <summary>Units that owe a report for the period and have filed none (a returned report counts as none).</summary>
    public async Task<Outcome<List<MissingUnit>>> MissingAsync(CurrentUser me, int planId, string? period, CancellationToken ct = default)
    {
        var view = await ViewAsync(me, planId, period, ct);
        if (view.Error is { } e) return e;
        return Missing(view.Value!);
    }

    private static List<MissingUnit> Missing(PeriodView view) =>
        view.Cells.Where(c => c.State is "missing" or "late" or "returned")
            .GroupBy(c => (c.UnitId, c.Unit))
            .OrderBy(g => g.Key.Unit, StringComparer.Ordinal)
            .Select(g => new MissingUnit(g.Key.UnitId, g.Key.Unit, g.Select(c => c.TaskId).Distinct().ToList())).ToList();

    /// <summary>催办: notifies the late units (all, or the given ones among them), at most once a day per unit and period.</summary>
    public async Task<Outcome<UrgeResult>> UrgeAsync(CurrentUser me, int planId, string? period, IReadOnlyCollection<int>? unitIds, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.UrgeUnits, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        if (plan.Status != PlanStatus.Published) return Failure.Conflict("计划尚未发布");
        if (Periods.CheckFormat(period) is { } bad) return bad;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(planId, ct);
        var view = await ViewAsync(me, planId, period, ct);
        if (view.Error is { } ve) return ve;
        var missing = Missing(view.Value!);
        if (unitIds is { Count: > 0 }) missing = missing.Where(m => unitIds.Contains(m.UnitId)).ToList();
        var today = Today;
        var urgedToday = await db.UrgeRecords.Where(u => u.PlanId == planId && u.Period == period && u.Day == today)
            .Select(u => u.UnitId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var notified = new List<int>();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).Select(t => new { t.Id, t.Path, t.Heading })
            .ToDictionaryAsync(t => t.Id, ct);
        foreach (var m in missing.Where(m => !urgedToday.Contains(m.UnitId)))
        {
            db.UrgeRecords.Add(new UrgeRecord { PlanId = planId, UnitId = m.UnitId, Period = period!, Day = today, ById = me.Id, ByName = me.DisplayName, At = now });
            var names = string.Join("；", m.TaskIds.Take(3).Select(id => $"{OfficeLabels.Name(tasks[id].Path, tasks[id].Heading)}".Trim()));
            var more = m.TaskIds.Count > 3 ? $" 等 {m.TaskIds.Count} 项" : "";
            notifier.ToUnit(m.UnitId, NotificationKind.Urged,
                $"催办：{plan.Title} {period} 进展尚未报送（{m.TaskIds.Count} 项任务），请尽快报送：{names}{more}",
                m.TaskIds.Count == 1 ? m.TaskIds[0] : null, "/Tasks/Mine", period!);
            notified.Add(m.UnitId);
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException u) when (DbErrors.IsUniqueViolation(u))
        {
            return Failure.Conflict("今天已催办过这些单位");
        }
        await tx.CommitAsync(ct);
        return new UrgeResult(notified.Count, notified, missing.Where(m => urgedToday.Contains(m.UnitId)).Select(m => m.UnitId).ToList());
    }

    private IQueryable<PlanTask> OwingTasks(int planId, DateOnly periodStart) =>
        db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.ClosedAt == null
            && !db.Tasks.Any(c => c.ParentId == t.Id)
            && (t.DueDate == null || t.DueDate >= periodStart));

    public static (DateOnly Start, DateOnly End) Bounds(string period)
    {
        var start = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (start, start.AddMonths(1).AddDays(-1));
    }
}
