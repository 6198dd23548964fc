using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Data.EntityConfigurations;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>A plan of the year counted in a roll-up row (a county's row links its plan dashboards).</summary>
public sealed record RollupPlan(int Id, string Title, int OrganisationId);

/// <summary>
/// One row of the roll-up: an organisation with everything below it (or, for <c>本级</c>, the organisation's own plans only).
/// <paramref name="ByStatus"/> counts the leaf tasks by status (not_started, on_track, at_risk, overdue, done);
/// 按时报送率 = <paramref name="OnTime"/> ÷ <paramref name="Owed"/> (<see cref="OnTimeRule"/>); 办结率 = done ÷ leaf tasks;
/// <paramref name="OpenNotices"/> = the year's 督办单 not yet 办结 or 中止; <paramref name="OpenFindings"/> = 整改未销号.
/// </summary>
public sealed record RollupRow(int Rank, int OrganisationId, string Organisation, string Level, bool HasChildren, int Plans, int Tasks,
    IReadOnlyDictionary<string, int> ByStatus, int Overdue, int Owed, int OnTime, double OnTimeRate, int Done, double CompletionRate,
    int OpenNotices, int OpenFindings, int OverdueFindings, IReadOnlyList<RollupPlan> PlanList);

public sealed record RollupCrumb(int Id, string Name);

/// <summary>
/// The roll-up of <paramref name="Organisation"/> in <paramref name="Year"/>: <paramref name="Children"/> are its direct
/// children, each summed over its whole subtree, ranked (<see cref="Ranking"/>); <paramref name="Own"/> is its own plans
/// (本级); <paramref name="Total"/> everything. <paramref name="Trail"/> leads from the reader's organisation down to it.
/// </summary>
public sealed record RollupDto(int Year, int OrganisationId, string Organisation, string Level, int? ParentId,
    IReadOnlyList<RollupCrumb> Trail, IReadOnlyList<RollupRow> Children, RollupRow Own, RollupRow Total);

/// <summary>
/// 下级汇总 (province → city → county roll-up). Every figure is aggregated in SQL — a fixed number of queries whatever the
/// number of organisations, plans, tasks or reports — and summed up to the direct children here. Each plan's share (its
/// leaf tasks by status, its owed and on-time reports) is kept per plan revision and day (<see cref="PlanReadCache.GetEachAsync"/>):
/// after a report or any other change to one plan only that plan's share is counted again. 督办单 and findings are not plan content: they are counted per computation, grouped by
/// organisation. The composed figures are kept for <see cref="LedgerOptions.RollupCacheFor"/> (a minute): a leader may read
/// them a minute old, and once a minute a view composes them again — counting only the plans written since.
/// </summary>
public sealed class RollupService(LedgerDbContext db, TimeProvider clock, PlanReadCache cache, IMemoryCache figuresCache,
    IOptions<LedgerOptions> options)
{
    public static readonly string[] StatusOrder = Enum.GetValues<PlanTaskStatus>().Select(StatusNames.ToName).ToArray();

    public async Task<Outcome<RollupDto>> ForAsync(CurrentUser me, int organisationId, int year, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100) return Failure.BadRequest("年度应在 2000–2100 之间");
        var focus = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Id, o.Name, o.Path, o.Level, o.ParentId }).FirstOrDefaultAsync(ct);
        if (focus is null) return Failure.NotFound();
        if (Problems.FromDecision(Access.Decide(me, LedgerAction.ReadRollup, new Resource(focus.Id, focus.Path))) is { } denied) return denied;

        // the way down from the reader's organisation (its ancestors are not the reader's to see)
        var trailIds = focus.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        var trail = await db.Organisations.AsNoTracking().Where(o => trailIds.Contains(o.Id) && o.Path.StartsWith(me.OrganisationPath))
            .OrderBy(o => o.Path.Length).Select(o => new RollupCrumb(o.Id, o.Name)).ToListAsync(ct);
        var keep = options.Value.RollupCacheFor;
        var key = ("rollup", focus.Id, year);
        if (keep <= TimeSpan.Zero || !figuresCache.TryGetValue(key, out RollupDto? figures) || figures is null)
        {
            figures = await ComputeAsync(focus.Id, focus.Name, focus.Path, focus.Level, focus.ParentId, year, ct);
            if (keep > TimeSpan.Zero) figuresCache.Set(key, figures, keep);
        }
        return figures with { Trail = trail };
    }

    private async Task<RollupDto> ComputeAsync(int focusId, string focusName, string path, OrganisationLevel level, int? parentId, int year,
        CancellationToken ct)
    {
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.Path.StartsWith(path))
            .Select(o => new Org(o.Id, o.Name, o.Path, o.ParentId, o.Level)).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.Year == year && p.Status == PlanStatus.Published && p.Organisation!.Path.StartsWith(path))
            .OrderBy(p => p.Id).ToListAsync(ct);

        var today = OnTimeRule.Today(clock);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var shares = await cache.GetEachAsync("plan-rollup", plans, _ => day, missing => PlanSharesAsync(missing, today, ct), _ => 200);

        var notices = await db.Supervisions.AsNoTracking()
            .Where(n => n.Year == year && n.Organisation!.Path.StartsWith(path)
                && (n.State == SupervisionState.Issued || n.State == SupervisionState.Acknowledged || n.State == SupervisionState.Replied))
            .GroupBy(n => n.OrganisationId).Select(g => new { OrganisationId = g.Key, Count = g.Count() }).ToListAsync(ct);

        var findings = await (from f in db.Findings
                join r in db.InspectionRounds on f.RoundId equals r.Id
                where f.Status != FindingStatus.Closed && r.Organisation!.Path.StartsWith(path)
                group f by r.OrganisationId into g
                select new
                {
                    OrganisationId = g.Key, Open = g.Count(),
                    Overdue = g.Count(f => (f.Status == FindingStatus.Open || f.Status == FindingStatus.Reopened) && f.Deadline < today),
                }).ToListAsync(ct);

        // one figure set per organisation, from the grouped rows
        var per = orgs.ToDictionary(o => o.Id, _ => new Sums());
        foreach (var p in plans)
            if (per.TryGetValue(p.OrganisationId, out var s))
            {
                s.Plans.Add(new RollupPlan(p.Id, p.Title, p.OrganisationId));
                var share = shares[p.Id];
                foreach (var (status, count) in share.ByStatus) s.Status[status] = s.Status.GetValueOrDefault(status) + count;
                (s.Owed, s.OnTime) = (s.Owed + share.Owed, s.OnTime + share.OnTime);
            }
        foreach (var x in notices) if (per.TryGetValue(x.OrganisationId, out var s)) s.Notices += x.Count;
        foreach (var x in findings) if (per.TryGetValue(x.OrganisationId, out var s)) (s.Findings, s.OverdueFindings) = (s.Findings + x.Open, s.OverdueFindings + x.Overdue);

        var parents = orgs.Where(o => o.ParentId is not null).Select(o => o.ParentId!.Value).ToHashSet();
        RollupRow Row(Org o, IEnumerable<Org> members)
        {
            var sum = new Sums();
            foreach (var m in members) sum.Add(per[m.Id]);
            return sum.ToRow(o, parents.Contains(o.Id));
        }
        var self = orgs.Single(o => o.Id == focusId);
        var children = orgs.Where(o => o.ParentId == focusId)
            .Select(c => Row(c, orgs.Where(o => o.Path.StartsWith(c.Path, StringComparison.Ordinal)))).ToList();
        var ranked = Ranking.Rank(children, r => new RankKey(r.OnTimeRate, r.CompletionRate, r.Overdue, r.Organisation), (r, rank) => r with { Rank = rank });
        return new RollupDto(year, focusId, focusName, level.ToString(), parentId, [], ranked, Row(self, [self]), Row(self, orgs));
    }

    /// <summary>One plan's share of the roll-up: its leaf tasks by status and its owed and on-time reports.</summary>
    private sealed record PlanShare(IReadOnlyList<(PlanTaskStatus Status, int Count)> ByStatus, int Owed, int OnTime);

    /// <summary>The shares of <paramref name="plans"/> in two SQL commands (leaf tasks by plan and status; <see cref="RollupOnTime"/> by plan).</summary>
    private async Task<Dictionary<int, PlanShare>> PlanSharesAsync(IReadOnlyList<Plan> plans, DateOnly today, CancellationToken ct)
    {
        var ids = plans.Select(p => p.Id).ToList();
        var statuses = await (from t in db.Tasks
                where ids.Contains(t.PlanId) && !db.Tasks.Any(c => c.ParentId == t.Id)
                group t by new { t.PlanId, t.Status } into g
                select new { g.Key.PlanId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var onTime = await new RollupOnTime(db).ByPlanAsync(plans, today, ct);
        var byPlan = statuses.ToLookup(x => x.PlanId);
        return plans.ToDictionary(p => p.Id, p =>
        {
            var (owed, on) = onTime.GetValueOrDefault(p.Id);
            return new PlanShare(byPlan[p.Id].Select(x => (x.Status, x.Count)).ToList(), owed, on);
        });
    }

    private sealed record Org(int Id, string Name, string Path, int? ParentId, OrganisationLevel Level);

    private sealed class Sums
    {
        public List<RollupPlan> Plans { get; } = [];
        public Dictionary<PlanTaskStatus, int> Status { get; } = [];
        public int Owed, OnTime, Notices, Findings, OverdueFindings;

        public void Add(Sums o)
        {
            Plans.AddRange(o.Plans);
            foreach (var (k, v) in o.Status) Status[k] = Status.GetValueOrDefault(k) + v;
            (Owed, OnTime, Notices, Findings, OverdueFindings) = (Owed + o.Owed, OnTime + o.OnTime, Notices + o.Notices,
                Findings + o.Findings, OverdueFindings + o.OverdueFindings);
        }

        public RollupRow ToRow(Org o, bool hasChildren)
        {
            var tasks = Status.Values.Sum();
            var done = Status.GetValueOrDefault(PlanTaskStatus.Done);
            var overdue = Status.GetValueOrDefault(PlanTaskStatus.Overdue);
            var byStatus = Enum.GetValues<PlanTaskStatus>().ToDictionary(StatusNames.ToName, s => Status.GetValueOrDefault(s));
            return new RollupRow(0, o.Id, o.Name, o.Level.ToString(), hasChildren, Plans.Count, tasks, byStatus, overdue, Owed, OnTime,
                OnTimeRule.Rate(OnTime, Owed), done, tasks == 0 ? 0 : Math.Round((double)done / tasks, 3), Notices, Findings, OverdueFindings,
                Plans.OrderBy(p => p.Id).ToList());
        }
    }
}
