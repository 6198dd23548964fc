using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Review;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>Per unit: 按时报送率 (reports filed by the report day over those owed), 办结率, 逾期数, 督办单 by level.</summary>
public sealed record UnitPerformance(int UnitId, string Unit, int Tasks, int Done, int Overdue, int Owed, int OnTime,
    double OnTimeRate, double CompletionRate, int Blue, int Yellow, int Red);
public sealed record OverdueTask(int Id, string Path, string Heading, string Units, DateOnly DueDate, int DaysOverdue);
/// <summary>The plan's progress at the end of a period: each leaf task at its latest live driving report up to then (100 once closed out).</summary>
public sealed record TrendPoint(string Period, int Progress);
public sealed record SupervisionStatsDto(IReadOnlyList<UnitPerformance> Units, IReadOnlyList<OverdueTask> Overdue, IReadOnlyList<TrendPoint> Trend);

/// <summary>The dashboard's supervision figures for one plan, in a fixed number of queries.</summary>
public sealed class SupervisionStats(LedgerDbContext db, TimeProvider clock, Plans.PlanReadCache cache)
{
    /// <summary>The figures of the plan's current revision and today (due periods and days overdue follow the date),
    /// the same for every reader: computed once per revision and day (<see cref="Plans.PlanReadCache"/>).</summary>
    public Task<SupervisionStatsDto> ForPlanAsync(Plan plan, CancellationToken ct = default)
    {
        var today = OnTimeRule.Today(clock);
        return cache.GetAsync("supervision-stats", plan, () => ComputeAsync(plan, today, ct),
            s => 256 + s.Units.Sum(u => 200 + 2 * u.Unit.Length) + s.Overdue.Sum(o => 200 + 2 * (o.Path.Length + o.Heading.Length + o.Units.Length))
                + s.Trend.Count * 64,
            vary: today.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<SupervisionStatsDto> ComputeAsync(Plan plan, DateOnly today, CancellationToken ct)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id)
            .Select(t => new { t.Id, t.ParentId, t.Path, t.Heading, t.Status, t.DueDate, t.ClosedAt, t.Order }).ToListAsync(ct);
        var parents = tasks.Where(t => t.ParentId != null).Select(t => t.ParentId!.Value).ToHashSet();
        var leaves = tasks.Where(t => !parents.Contains(t.Id)).ToDictionary(t => t.Id);
        var links = (await db.TaskUnits.AsNoTracking().Where(u => u.Task!.PlanId == plan.Id && u.UnitId != null)
            .Select(u => new { u.TaskId, UnitId = u.UnitId!.Value, u.Role, Unit = u.Unit!.Name }).ToListAsync(ct))
            .Where(l => leaves.ContainsKey(l.TaskId)).ToList();
        // 按时报送率 counted in SQL by the roll-up's query (docs/scale.md §13): no report of the plan is loaded.
        var reporting = await new RollupOnTime(db).ByUnitAsync(plan, today, ct);
        var notices = await (from u in db.SupervisionUnits
                join n in db.Supervisions on u.NoticeId equals n.Id
                where db.SupervisionTasks.Any(t => t.NoticeId == n.Id && t.Task!.PlanId == plan.Id)
                select new { u.UnitId, NoticeId = n.Id, n.Level }).AsNoTracking().ToListAsync(ct);

        var units = links.GroupBy(l => (l.UnitId, l.Unit)).Select(g =>
        {
            var lead = g.Where(l => l.Role == UnitRole.Lead).Select(l => leaves[l.TaskId]).DistinctBy(t => t.Id).ToList();
            var (owed, onTime) = reporting.GetValueOrDefault(g.Key.UnitId);
            var mine = notices.Where(n => n.UnitId == g.Key.UnitId).ToList();
            var done = lead.Count(t => t.Status == PlanTaskStatus.Done);
            return new UnitPerformance(g.Key.UnitId, g.Key.Unit, lead.Count, done, lead.Count(t => t.Status == PlanTaskStatus.Overdue), owed, onTime,
                OnTimeRule.Rate(onTime, owed), lead.Count == 0 ? 0 : Math.Round((double)done / lead.Count, 3),
                mine.Count(n => n.Level == SupervisionLevel.Blue), mine.Count(n => n.Level == SupervisionLevel.Yellow), mine.Count(n => n.Level == SupervisionLevel.Red));
        }).OrderByDescending(u => u.OnTimeRate).ThenByDescending(u => u.CompletionRate).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();

        var leadNames = links.Where(l => l.Role == UnitRole.Lead).GroupBy(l => l.TaskId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(l => l.Unit).Distinct()));
        var overdue = leaves.Values.Where(t => t.Status == PlanTaskStatus.Overdue && t.DueDate is not null).OrderBy(t => t.DueDate).ThenBy(t => t.Order)
            .Select(t => new OverdueTask(t.Id, t.Path, t.Heading, leadNames.GetValueOrDefault(t.Id) ?? "", t.DueDate!.Value, today.DayNumber - t.DueDate.Value.DayNumber))
            .ToList();

        // Trend: the plan's progress at each period end of the year so far. Only the live driving reports' (task, period,
        // progress) are read, in (period, id) order: a task's last one up to a period is the one ReportService.FallBackAsync picks.
        // (Summing this in SQL — one UNION ALL branch per month with a correlated latest-report seek per leaf — cost more
        // CPU than reading these narrow rows: docs/scale.md §13.)
        var trend = new List<TrendPoint>();
        if (leaves.Count > 0)
        {
            var byTask = (await db.Reports.AsNoTracking().Where(r => r.Task!.PlanId == plan.Id && r.LiveKey != null && r.Drives)
                    .OrderBy(r => r.Period).ThenBy(r => r.Id).Select(r => new { r.TaskId, r.Period, r.Progress }).ToListAsync(ct))
                .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.ToList());
            for (var m = new DateOnly(plan.Year, 1, 1); m.Year == plan.Year && m <= today; m = m.AddMonths(1))
            {
                var period = StatusRules.PeriodOf(m);
                var end = new DateTimeOffset(m.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var sum = 0;
                foreach (var t in leaves.Values)
                {
                    if (t.ClosedAt is { } c && c < end) { sum += 100; continue; }
                    var last = byTask.GetValueOrDefault(t.Id)?.LastOrDefault(r => string.CompareOrdinal(r.Period, period) <= 0);
                    sum += last?.Progress ?? 0;
                }
                trend.Add(new TrendPoint(period, (int)Math.Round((double)sum / leaves.Count, MidpointRounding.AwayFromZero)));
            }
        }
        return new SupervisionStatsDto(units, overdue, trend);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/plans/{id:int}/supervision-stats", async Task<Results<Ok<SupervisionStatsDto>, ProblemHttpResult>> (int id, HttpContext http,
            LedgerQueries q, SupervisionStats stats, CancellationToken ct) =>
        {
            var access = await q.PlanAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
            if (access.Error is { } e) return Problems.From(e);
            return TypedResults.Ok(await stats.ForPlanAsync(access.Value!.Plan, ct));
        }).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Dashboard");
}
