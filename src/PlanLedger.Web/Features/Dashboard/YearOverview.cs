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
/// <summary>The year's overview and the key its figures are kept under (pages key their cached HTML by it).</summary>
public sealed record YearOverviewRead(YearOverviewDto Dto, string Key);

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

    public sealed record YearFigures(List<UnitYearRow> Units, List<RecurringTask> Recurring)
    {
        public static long Size(YearFigures f) => f.Units.Sum(u => 160 + 2L * u.Unit.Length) + RecurringSize(f.Recurring);
    }

    public async Task<YearOverviewDto> ForAsync(CurrentUser me, int year, CancellationToken ct = default) => (await ReadAsync(me, year, ct)).Dto;

    /// <summary>
    /// The year's overview and the key it is kept under: the year's plans in scope at their revisions (and the previous
    /// years' plans of the 年度对比 rows), the day, and a fingerprint of the reader-scoped 督办单 and findings counts.
    /// Pages cache their HTML under <see cref="YearOverviewRead.Key"/>, the API its JSON bytes.
    /// </summary>
    public async Task<YearOverviewRead> ReadAsync(CurrentUser me, int year, CancellationToken ct = default)
    {
        var plans = await Access.VisiblePlans(db.Plans.AsNoTracking(), me)
            .Where(p => p.Year == year && p.Status == PlanStatus.Published)
            .OrderBy(p => p.Organisation!.Path).ThenBy(p => p.Id)
            .Include(p => p.Organisation).ToListAsync(ct);
        var set = plans.Select(p => (p.Id, p.Revision)).ToList();
        // Per unit over all the year's plans, in SQL (two commands whatever the number of plans; a province has hundreds):
        // the leaf tasks it leads by status, as each plan's dashboard counts them, and the roll-up's on-time counts —
        // the same for every reader of the same plans: kept once per set of plan revisions and day (PlanReadCache).
        var today = OnTimeRule.Today(clock);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var path = me.OrganisationPath;
        // 督办单 and findings are the reader's scope (its organisation and below), not all tied to a plan: read per view.
        var notices = (await db.SupervisionUnits.AsNoTracking()
                .Where(u => db.Supervisions.Any(n => n.Id == u.NoticeId && n.Year == year && n.Organisation!.Path.StartsWith(path)))
                .Select(u => new { u.UnitId, u.NoticeId, Level = db.Supervisions.Where(n => n.Id == u.NoticeId).Select(n => n.Level).First() })
                .ToListAsync(ct))
            .GroupBy(n => n.UnitId).ToDictionary(g => g.Key, g =>
            {
                var distinct = g.DistinctBy(n => n.NoticeId).ToList();
                return new NoticeLevels(distinct.Count(n => n.Level == SupervisionLevel.Blue), distinct.Count(n => n.Level == SupervisionLevel.Yellow),
                    distinct.Count(n => n.Level == SupervisionLevel.Red));
            });
        var open = await findings.ByUnitAsync(path, ct);
        // 年度对比 also shows last year's tasks: their plans' revisions join the key (read only when there are such rows).
        // Which plans those are is kept per plan and revision (a write to one plan reads that plan's links again only).
        var previousOf = await cache.GetEachAsync("year-previous-plans", plans, _ => "",
            missing => years.PreviousPlansByPlanAsync(missing.Select(p => p.Id).ToList(), ct), l => 64 + l.Count * 8L);
        var previous = previousOf.Values.SelectMany(l => l).Distinct().Order().ToList();
        var previousRevisions = previous.Count == 0 ? []
            : (await db.Plans.AsNoTracking().Where(p => previous.Contains(p.Id)).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Revision }).ToListAsync(ct)).Select(p => (p.Id, p.Revision)).ToList();
        var keyed = previous.Count == 0 ? set : set.Concat(previousRevisions).ToList();
        var vary = $"{year}|{day}|{Fingerprint(notices, open)}|{previous.Count}";
        var (units, recurring) = await cache.GetAsync("year-overview", keyed, async () =>
        {
            var sums = await UnitSumsAsync(plans, today, day, ct);
            var rows = sums.Select(kv =>
            {
                var (unit, tasks, done, overdue, owed, onTime) = kv.Value;
                var n = notices.GetValueOrDefault(kv.Key) ?? new NoticeLevels(0, 0, 0);
                var f = open.GetValueOrDefault(kv.Key) ?? new UnitFindingCount(0, 0);
                var rate = OnTimeRule.Rate(onTime, owed);
                return new UnitYearRow(0, kv.Key, unit, Light(overdue, f.Overdue, n.Red, rate, n.Yellow, f.Open), tasks, done, overdue, owed, onTime,
                    rate, tasks == 0 ? 0 : Math.Round((double)done / tasks, 3), n.Blue, n.Yellow, n.Red, f.Open, f.Overdue);
            });
            var ranked = Ranking.Rank(rows, r => new RankKey(r.OnTimeRate, r.CompletionRate, r.Overdue, r.Unit), (r, rank) => r with { Rank = rank });
            return new YearFigures(ranked, await RecurringAsync(plans, previousOf, previousRevisions, ct));
        }, YearFigures.Size, vary);
        var dto = new YearOverviewDto(year, plans.Select(p => new YearPlan(p.Id, p.Title, p.Organisation?.Name ?? "", p.TaskCount)).ToList(), units, recurring);
        return new YearOverviewRead(dto, $"{vary}|{Plans.PlanReadCache.SetKey(keyed)}");
    }

    private sealed record NoticeLevels(int Blue, int Yellow, int Red);

    /// <summary>What the reader-scoped counts add to the key: a SHA-256 of every unit's 督办单 levels and findings.</summary>
    private static string Fingerprint(Dictionary<int, NoticeLevels> notices, Dictionary<int, UnitFindingCount> findings)
    {
        if (notices.Count == 0 && findings.Count == 0) return "-";
        var text = new System.Text.StringBuilder();
        foreach (var (unit, n) in notices.OrderBy(x => x.Key)) text.Append(unit).Append(':').Append(n.Blue).Append(',').Append(n.Yellow).Append(',').Append(n.Red).Append(';');
        text.Append('|');
        foreach (var (unit, f) in findings.OrderBy(x => x.Key)) text.Append(unit).Append(':').Append(f.Open).Append(',').Append(f.Overdue).Append(';');
        return Plans.PlanReadCache.Hash(text.ToString());
    }

    /// <summary>The year API's JSON: the overview serialised once per key (and per list of plans, whose organisation
    /// names are not plan content).</summary>
    public async Task<byte[]> JsonAsync(CurrentUser me, int year, System.Text.Json.JsonSerializerOptions json, CancellationToken ct = default)
    {
        var read = await ReadAsync(me, year, ct);
        var plans = string.Join(",", read.Dto.Plans.Select(p => $"{p.Id}\u001f{p.Title}\u001f{p.Organisation}\u001f{p.Tasks}"));
        var listKey = Plans.PlanReadCache.Hash(plans);
        return await cache.GetAsync("year-json", $"{read.Key}|{listKey}",
            () => Task.FromResult(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(read.Dto, json)), b => b.LongLength);
    }

    private sealed record UnitSum(string Unit, int Tasks, int Done, int Overdue, int Owed, int OnTime);

    /// <summary>
    /// Per unit over all <paramref name="plans"/>: the sum of each plan's own part (<see cref="PlanUnitSumsAsync"/>), kept per
    /// plan, revision and day — after a write to one plan only that plan's part is computed again; the others are added
    /// from memory. Units in unit id order (the ranking orders them; equal units keep this order).
    /// </summary>
    private async Task<SortedDictionary<int, UnitSum>> UnitSumsAsync(List<Plan> plans, DateOnly today, string day, CancellationToken ct)
    {
        var parts = await cache.GetEachAsync("plan-unit-sums", plans, _ => day, missing => PlanUnitSumsAsync(missing, today, ct),
            s => 64 + s.Sum(x => 96 + 2L * x.Sum.Unit.Length));
        var sums = new SortedDictionary<int, UnitSum>();
        foreach (var plan in plans)
            foreach (var (unitId, u) in parts[plan.Id])
                sums[unitId] = sums.TryGetValue(unitId, out var s)
                    ? s with { Tasks = s.Tasks + u.Tasks, Done = s.Done + u.Done, Overdue = s.Overdue + u.Overdue, Owed = s.Owed + u.Owed, OnTime = s.OnTime + u.OnTime }
                    : u;
        return sums;
    }

    /// <summary>
    /// Each plan's part of the per-unit sums, in SQL (two commands for all of <paramref name="plans"/>): the leaf tasks each
    /// unit leads by status, as the plan's dashboard counts them, and the on-time counts of <see cref="RollupOnTime"/>.
    /// </summary>
    private async Task<Dictionary<int, List<(int UnitId, UnitSum Sum)>>> PlanUnitSumsAsync(IReadOnlyList<Plan> plans, DateOnly today, CancellationToken ct)
    {
        var ids = plans.Select(p => p.Id).ToList();
        var led = await (from u in db.TaskUnits
                join t in db.Tasks on u.TaskId equals t.Id
                where u.UnitId != null && ids.Contains(t.PlanId) && !db.Tasks.Any(c => c.ParentId == t.Id)
                group new { Lead = u.Role == UnitRole.Lead, t.Status } by new { t.PlanId, UnitId = u.UnitId!.Value, u.Unit!.Name } into g
                select new
                {
                    g.Key.PlanId, g.Key.UnitId, g.Key.Name,
                    Tasks = g.Sum(x => x.Lead ? 1 : 0),
                    Done = g.Sum(x => x.Lead && x.Status == PlanTaskStatus.Done ? 1 : 0),
                    Overdue = g.Sum(x => x.Lead && x.Status == PlanTaskStatus.Overdue ? 1 : 0),
                }).AsNoTracking().ToListAsync(ct);
        var reporting = await new RollupOnTime(db).ByPlanAndUnitAsync(plans, today, ct);
        var byPlan = led.ToLookup(u => u.PlanId);
        return plans.ToDictionary(p => p.Id, p => byPlan[p.Id].Select(u =>
        {
            var (owed, onTime) = reporting.GetValueOrDefault((p.Id, u.UnitId));
            return (u.UnitId, new UnitSum(u.Name, u.Tasks, u.Done, u.Overdue, owed, onTime));
        }).ToList());
    }

    /// <summary>
    /// 年度对比 of <paramref name="plans"/>: each plan's rows kept per its revision and the revisions of the plans holding
    /// their last-year side, in plan id order (as one query over all plans would give them).
    /// </summary>
    private async Task<List<RecurringTask>> RecurringAsync(List<Plan> plans, Dictionary<int, List<int>> previousOf,
        List<(int Id, long Revision)> previousRevisions, CancellationToken ct)
    {
        var revisionOf = previousRevisions.ToDictionary(p => p.Id, p => p.Revision);
        string Vary(Plan p) => previousOf[p.Id] is { Count: > 0 } l ? Plans.PlanReadCache.SetKey(l.Select(id => (id, revisionOf.GetValueOrDefault(id))).ToList()) : "";
        var parts = await cache.GetEachAsync("plan-recurring", plans, Vary,
            async missing =>
            {
                // a plan without last-year links has no rows: only the others are read
                var read = await years.RecurringByPlanAsync(missing.Where(p => previousOf[p.Id].Count > 0).Select(p => p.Id).ToList(), ct);
                return missing.ToDictionary(p => p.Id, p => read.GetValueOrDefault(p.Id) ?? []);
            }, RecurringSize);
        return plans.OrderBy(p => p.Id).SelectMany(p => parts[p.Id]).ToList();
    }

    private static long RecurringSize(List<RecurringTask> rows) => 64 + rows.Sum(r => 256 + 2L * (r.Heading.Length + r.PreviousHeading.Length)
        + r.Targets.Sum(t => 96 + 2L * (t.Text.Length + t.Unit.Length)));

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/dashboard/year", async Task<IResult> (int? year, HttpContext http, YearOverview overview, TimeProvider clock,
            Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
        {
            var y = year ?? Shared.Shanghai.Today(clock).Year;
            if (y is < 2000 or > 2100) return Problems.From(Failure.BadRequest("年度应在 2000–2100 之间"));
            // Serialised once per set of plan revisions, day and reader-scoped counts (JsonAsync), as the minimal API would.
            return Results.Bytes(await overview.JsonAsync(http.Me(), y, json.Value.SerializerOptions, ct), "application/json; charset=utf-8");
        }).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Dashboard").Produces<YearOverviewDto>().ProducesProblem(400);
}
