using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Documents;

namespace PlanLedger.Web.Features.Assessment;

/// <summary>
/// Reads the figures the automatic indicators need from the ledger (published plans of the organisation and year;
/// leaf tasks; a unit answers for the tasks it leads), without changing anything:
/// <list type="bullet">
/// <item>due: leaf tasks whose due date is on or before min(today, 31 December); done on time: those closed out (销号) on
///   or before their due date (Asia/Shanghai);</item>
/// <item>expected reports: each month of the year that ended after the plan was published, whose report day (the plan's
///   报送日 of the next month) has come, while the task was open and not yet past its due date; on time: a report for
///   that month (not returned) submitted by the report day;</item>
/// <item>target ratios: actual ÷ target per target (for "≤"/"&lt;" targets: met → 1, else target ÷ actual; a zero target,
///   "清零", is met only by 0); no actual → 0;</item>
/// <item>overdue: leaf tasks whose status is 逾期;</item>
/// <item>督办单: the year's notices of the organisation addressed to the unit (not stopped), by their present level;</item>
/// <item>整改: findings of the organisation's rounds at the unit with the 整改期限 in the year, due when the deadline has passed
///   or a rectification was filed; on time when a rectification was filed by the deadline (Asia/Shanghai).</item>
/// </list>
/// </summary>
public sealed class LedgerMeasures(LedgerDbContext db)
{
    public async Task<List<UnitFacts>> MeasureAsync(int organisationId, int year, DateOnly today, CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.Year == year && p.Status == PlanStatus.Published)
            .Select(p => new { p.Id, p.ReportDay, p.PublishedAt }).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => planIds.Contains(t.PlanId) && !db.Tasks.Any(c => c.ParentId == t.Id))
            .Select(t => new { t.Id, t.PlanId, t.DueDate, t.ClosedAt, t.Status }).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var leads = await db.TaskUnits.AsNoTracking()
            .Where(u => u.Role == UnitRole.Lead && u.UnitId != null && taskIds.Contains(u.TaskId))
            .Select(u => new { u.TaskId, UnitId = u.UnitId!.Value }).Distinct().ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => taskIds.Contains(t.TaskId))
            .Select(t => new { t.TaskId, t.Value, t.Op, t.Actual }).ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => taskIds.Contains(r.TaskId) && r.Status != ReportStatus.Returned)
            .Select(r => new { r.TaskId, r.Period, r.SubmittedAt }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.MergedIntoId == null)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);

        // 督办单 of the year addressed to each unit, at their present level; findings of the organisation's rounds with their
        // 整改期限 in the year and due by now (or already rectified), on time when a rectification was filed by the deadline.
        var notices = await db.SupervisionUnits.AsNoTracking()
            .Where(u => db.Supervisions.Any(n => n.Id == u.NoticeId && n.OrganisationId == organisationId && n.Year == year
                && n.State != SupervisionState.Stopped))
            .Select(u => new { u.UnitId, Level = db.Supervisions.Where(n => n.Id == u.NoticeId).Select(n => n.Level).First() })
            .ToListAsync(ct);
        var yearStart = new DateOnly(year, 1, 1);
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.Round!.OrganisationId == organisationId && f.Deadline >= yearStart && f.Deadline <= new DateOnly(year, 12, 31))
            .Select(f => new { f.UnitId, f.Deadline, f.Status,
                Rectified = f.Events.Where(e => e.Action == FindingAction.Rectified).Select(e => (DateTimeOffset?)e.At).ToList() })
            .ToListAsync(ct);
        var planById = plans.ToDictionary(p => p.Id);
        var targetsByTask = targets.ToLookup(t => t.TaskId);
        var reportsByTask = reports.ToLookup(r => r.TaskId);
        var yearEnd = new DateOnly(year, 12, 31);
        var dueBy = today < yearEnd ? today : yearEnd;
        var result = new List<UnitFacts>();
        foreach (var unit in units)
        {
            var mine = leads.Where(l => l.UnitId == unit.Id).Select(l => l.TaskId).ToHashSet();
            if (mine.Count == 0) continue;
            int due = 0, doneOnTime = 0, expected = 0, onTime = 0, overdue = 0;
            var ratios = new List<decimal>();
            foreach (var t in tasks.Where(t => mine.Contains(t.Id)))
            {
                var closed = t.ClosedAt is { } c ? Shared.Shanghai.Date(c) : (DateOnly?)null;
                if (t.DueDate is { } d && d <= dueBy)
                {
                    due++;
                    if (closed is { } cd && cd <= d) doneOnTime++;
                }
                if (t.Status == PlanTaskStatus.Overdue) overdue++;
                foreach (var x in targetsByTask[t.Id]) ratios.Add(Ratio(x.Value, x.Op, x.Actual));
                var plan = planById[t.PlanId];
                if (plan.PublishedAt is not { } published) continue;
                var publishedOn = Shared.Shanghai.Date(published);
                for (var m = 1; m <= 12; m++)
                {
                    var start = new DateOnly(year, m, 1);
                    var end = start.AddMonths(1).AddDays(-1);
                    var next = start.AddMonths(1);
                    var reportDue = new DateOnly(next.Year, next.Month, Math.Clamp(plan.ReportDay, 1, DateTime.DaysInMonth(next.Year, next.Month)));
                    if (end < publishedOn || reportDue > today) continue;
                    if (closed is { } cl && cl <= end) continue;
                    if (t.DueDate is { } dd && start > dd) continue;
                    expected++;
                    var period = $"{year:D4}-{m:D2}";
                    if (reportsByTask[t.Id].Any(r => r.Period == period && Shared.Shanghai.Date(r.SubmittedAt) <= reportDue)) onTime++;
                }
            }
            var mineNotices = notices.Where(n => n.UnitId == unit.Id).ToList();
            var dueFindings = findings.Where(f => f.UnitId == unit.Id && (f.Deadline < today || f.Rectified.Count > 0)).ToList();
            var findingsOnTime = dueFindings.Count(f => f.Rectified.Any(at => at is { } a && Shared.Shanghai.Date(a) <= f.Deadline));
            result.Add(new UnitFacts(unit.Id, unit.Name, new UnitMeasures(due, doneOnTime, expected, onTime, ratios, overdue,
                mineNotices.Count(n => n.Level == SupervisionLevel.Blue), mineNotices.Count(n => n.Level == SupervisionLevel.Yellow),
                mineNotices.Count(n => n.Level == SupervisionLevel.Red), dueFindings.Count, findingsOnTime)));
        }
        return result;
    }

    /// <summary>How far one target is achieved, 0…1 (capped at 100 % per target).</summary>
    public static decimal Ratio(decimal value, string op, decimal? actual)
    {
        if (actual is not { } a) return 0;
        if (op is "<=" or "≤" or "<")
            return (op == "<" ? a < value : a <= value) ? 1 : a == 0 ? 0 : Math.Clamp(value / a, 0, 1);
        if (value == 0) return a == 0 ? 1 : 0;
        return Math.Clamp(a / value, 0, 1);
    }
}
