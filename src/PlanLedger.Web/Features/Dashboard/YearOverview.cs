using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>红黄绿 of a unit over the year: <c>red</c>, <c>yellow</c> or <c>green</c> (rules in <see cref="YearOverview.Light"/>).</summary>
public sealed record UnitYearRow(int Rank, int UnitId, string Unit, string Light, int Tasks, int Done, int Overdue, int Owed, int OnTime,
    double OnTimeRate, double CompletionRate, int Blue, int Yellow, int Red, int OpenFindings, int OverdueFindings);
public sealed record YearPlan(int Id, string Title, string Organisation, int Tasks);
public sealed record YearOverviewDto(int Year, IReadOnlyList<YearPlan> Plans, IReadOnlyList<UnitYearRow> Units,
    IReadOnlyList<RecurringTask> Recurring);

/// <summary>
/// The leaders' view of a whole year: every published plan of the year in the caller's scope, summed per unit in SQL with
/// the plan dashboard's rules (按时报送率 = on time ÷ owed over all plans by <see cref="RollupOnTime"/>, 办结率 = done ÷ led
/// leaf tasks), the year's
/// 督办单 by level and the unit's findings not yet 销号. Units are ranked by 按时报送率, then 办结率, then fewer 逾期
/// tasks; equal on all three share a rank (1, 2, 2, 4) — <see cref="Ranking"/>.
/// </summary>
public sealed class YearOverview(LedgerDbContext db, TimeProvider clock, UnitFindings findings, YearComparison years,
    Plans.PlanReadCache cache)
{
    /// <summary>
    /// 红 when the unit has an overdue task, a finding past its 整改期限 or a red 督办单 this year; 黄 when it reports late
    /// (按时报送率 below 80 %), has a yellow 督办单 or a finding not yet 销号; 绿 otherwise.
    /// </summary>
    public static string Light(int overdue, int overdueFindings, int red, double onTimeRate, int yellow, int openFindings) =>
        overdue > 0 || overdueFindings > 0 || red > 0 ? "red"
        : onTimeRate < 0.8 || yellow > 0 || openFindings > 0 ? "yellow"
        : "green";

    public async Task<YearOverviewDto> ForAsync(CurrentUser me, int year, CancellationToken ct = default)
    {
        var plans = await Access.VisiblePlans(db.Plans.AsNoTracking(), me)
            .Where(p => p.Year == year && p.Status == PlanStatus.Published)
            .OrderBy(p => p.Organisation!.Path).ThenBy(p => p.Id)
            .Include(p => p.Organisation).ToListAsync(ct);
        // Per unit over all the year's plans, in SQL (two commands whatever the number of plans; a province has hundreds):
        // the leaf tasks it leads by status, as each plan's dashboard counts them, and the roll-up's on-time counts —
        // the same for every reader of the same plans: kept once per set of plan revisions and day (PlanReadCache).
        var today = OnTimeRule.Today(clock);
        var sums = await cache.GetAsync("year-units", plans, () => UnitSumsAsync(plans, today, ct), s => 64 + s.Count * 96L,
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var path = me.OrganisationPath;
        var notices = (await db.SupervisionUnits.AsNoTracking()
                .Where(u => db.Supervisions.Any(n => n.Id == u.NoticeId && n.Year == year && n.Organisation!.Path.StartsWith(path)))
                .Select(u => new { u.UnitId, u.NoticeId, Level = db.Supervisions.Where(n => n.Id == u.NoticeId).Select(n => n.Level).First() })
                .ToListAsync(ct))
            .GroupBy(n => n.UnitId).ToDictionary(g => g.Key, g => g.DistinctBy(n => n.NoticeId).ToList());
        var open = await findings.ByUnitAsync(path, ct);

        var rows = sums.Select(kv =>
        {
            var (unit, tasks, done, overdue, owed, onTime) = kv.Value;
            var mine = notices.GetValueOrDefault(kv.Key) ?? [];
            var f = open.GetValueOrDefault(kv.Key) ?? new UnitFindingCount(0, 0);
            var rate = OnTimeRule.Rate(onTime, owed);
            int blue = mine.Count(n => n.Level == SupervisionLevel.Blue), yellow = mine.Count(n => n.Level == SupervisionLevel.Yellow),
                red = mine.Count(n => n.Level == SupervisionLevel.Red);
            return new UnitYearRow(0, kv.Key, unit, Light(overdue, f.Overdue, red, rate, yellow, f.Open), tasks, done, overdue, owed, onTime,
                rate, tasks == 0 ? 0 : Math.Round((double)done / tasks, 3), blue, yellow, red, f.Open, f.Overdue);
        });
        var ranked = Ranking.Rank(rows, r => new RankKey(r.OnTimeRate, r.CompletionRate, r.Overdue, r.Unit), (r, rank) => r with { Rank = rank });
        var recurring = await years.RecurringAsync(plans.Select(p => p.Id).ToList(), ct);
        return new YearOverviewDto(year, plans.Select(p => new YearPlan(p.Id, p.Title, p.Organisation?.Name ?? "", p.TaskCount)).ToList(),
            ranked, recurring);
    }

    private sealed record UnitSum(string Unit, int Tasks, int Done, int Overdue, int Owed, int OnTime);

    private async Task<Dictionary<int, UnitSum>> UnitSumsAsync(List<Plan> plans, DateOnly today, CancellationToken ct)
    {
        var ids = plans.Select(p => p.Id).ToList();
        var led = await (from u in db.TaskUnits
                join t in db.Tasks on u.TaskId equals t.Id
                where u.UnitId != null && ids.Contains(t.PlanId) && !db.Tasks.Any(c => c.ParentId == t.Id)
                group new { Lead = u.Role == UnitRole.Lead, t.Status } by new { UnitId = u.UnitId!.Value, u.Unit!.Name } into g
                select new
                {
                    g.Key.UnitId, g.Key.Name,
                    Tasks = g.Sum(x => x.Lead ? 1 : 0),
                    Done = g.Sum(x => x.Lead && x.Status == PlanTaskStatus.Done ? 1 : 0),
                    Overdue = g.Sum(x => x.Lead && x.Status == PlanTaskStatus.Overdue ? 1 : 0),
                }).AsNoTracking().ToListAsync(ct);
        var reporting = await new RollupOnTime(db).ByUnitAsync(plans, today, ct);
        return led.ToDictionary(u => u.UnitId, u =>
        {
            var (owed, onTime) = reporting.GetValueOrDefault(u.UnitId);
            return new UnitSum(u.Name, u.Tasks, u.Done, u.Overdue, owed, onTime);
        });
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/dashboard/year", async Task<Results<Ok<YearOverviewDto>, ProblemHttpResult>> (int? year, HttpContext http,
            YearOverview overview, TimeProvider clock, CancellationToken ct) =>
        {
            var y = year ?? Shared.Shanghai.Today(clock).Year;
            if (y is < 2000 or > 2100) return Problems.From(Failure.BadRequest("年度应在 2000–2100 之间"));
            return TypedResults.Ok(await overview.ForAsync(http.Me(), y, ct));
        }).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Dashboard");
}
