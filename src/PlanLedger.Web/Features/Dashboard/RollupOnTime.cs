using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>
/// Owed and on-time report counts (<see cref="OnTimeRule"/>) in one SQL command that reads each unit–task link once — per
/// plan for the roll-up, per unit for one plan's dashboard (<see cref="SupervisionStats"/>, hence the year
/// dashboard): plans that owe the same periods form a group (a province's plans of a year are one), and for each link of
/// a leaf task of the group the command adds up, in SQL, the periods the task owes (one <c>CASE</c> per period) and counts
/// the distinct periods with a live report by the unit (or by nobody in particular) filed by that period's report day
/// while the task owed it — one index seek per link on <c>ProgressReports (TaskId, Period)</c> instead of one per link and
/// period. The counts are then summed per plan or per unit in the same command.
/// </summary>
public sealed class RollupOnTime(LedgerDbContext db)
{
    /// <summary>Owed and on time per plan of <paramref name="plans"/> (the roll-up's per-plan shares).</summary>
    public async Task<Dictionary<int, (int Owed, int OnTime)>> ByPlanAsync(IReadOnlyList<Plan> plans, DateOnly today, CancellationToken ct)
    {
        if (LinkCounts(plans, today) is not { } all) return [];
        var rows = await all.GroupBy(x => x.PlanId)
            .Select(g => new { g.Key, Owed = g.Sum(x => x.Owed), OnTime = g.Sum(x => x.OnTime) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.Owed, r.OnTime));
    }

    /// <summary>Owed and on time per unit linked to a leaf task of <paramref name="plan"/> (the plan dashboard's 按时报送率).</summary>
    public Task<Dictionary<int, (int Owed, int OnTime)>> ByUnitAsync(Plan plan, DateOnly today, CancellationToken ct) =>
        ByUnitAsync([plan], today, ct);

    /// <summary>Owed and on time per unit over all of <paramref name="plans"/> (the year dashboard: one command for a year's plans).</summary>
    public async Task<Dictionary<int, (int Owed, int OnTime)>> ByUnitAsync(IReadOnlyList<Plan> plans, DateOnly today, CancellationToken ct)
    {
        if (LinkCounts(plans, today) is not { } all) return [];
        var rows = await all.GroupBy(x => x.UnitId)
            .Select(g => new { g.Key, Owed = g.Sum(x => x.Owed), OnTime = g.Sum(x => x.OnTime) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.Owed, r.OnTime));
    }

    /// <summary>Owed and on time per plan and unit of <paramref name="plans"/> (the year dashboard's per-plan parts: one
    /// command for all the plans whose parts are not kept yet).</summary>
    public async Task<Dictionary<(int PlanId, int UnitId), (int Owed, int OnTime)>> ByPlanAndUnitAsync(IReadOnlyList<Plan> plans, DateOnly today,
        CancellationToken ct)
    {
        if (LinkCounts(plans, today) is not { } all) return [];
        var rows = await all.GroupBy(x => new { x.PlanId, x.UnitId })
            .Select(g => new { g.Key.PlanId, g.Key.UnitId, Owed = g.Sum(x => x.Owed), OnTime = g.Sum(x => x.OnTime) }).ToListAsync(ct);
        return rows.ToDictionary(r => (r.PlanId, r.UnitId), r => (r.Owed, r.OnTime));
    }

    /// <summary>One row per unit–leaf-task link of <paramref name="plans"/> with its owed and on-time counts; null when nothing is due yet.</summary>
    private IQueryable<LinkCount>? LinkCounts(IReadOnlyList<Plan> plans, DateOnly today)
    {
        var groups = plans.Select(p => (Plan: p, Due: OnTimeRule.DuePeriods(p, today))).Where(x => x.Due.Count > 0)
            .GroupBy(x => string.Join(";", x.Due))
            .Select(g => (Due: g.First().Due, Ids: g.Select(x => x.Plan.Id).ToList())).ToList();
        IQueryable<LinkCount>? all = null;
        foreach (var (due, ids) in groups)
        {
            var links = from u in db.TaskUnits
                join t in db.Tasks on u.TaskId equals t.Id
                where u.UnitId != null && ids.Contains(t.PlanId) && !db.Tasks.Any(c => c.ParentId == t.Id)
                select new Link { PlanId = t.PlanId, UnitId = u.UnitId!.Value, Task = t };
            var part = links.Select(Counts(due));
            all = all is null ? part : all.Concat(part);
        }
        return all;
    }

    private sealed class Link
    {
        public int PlanId { get; init; }
        public int UnitId { get; init; }
        public PlanTask Task { get; init; } = null!;
    }

    private sealed class LinkCount
    {
        public int PlanId { get; init; }
        public int UnitId { get; init; }
        public int Owed { get; init; }
        public int OnTime { get; init; }
    }

    /// <summary>
    /// <c>l => new LinkCount { PlanId, UnitId, Owed = Σ owes(period), OnTime = reports of the task by the unit (or nobody),
    /// live, for a period owed and filed by its report day: distinct periods }</c>, built from <see cref="OnTimeRule"/>'s expressions.
    /// </summary>
    private Expression<Func<Link, LinkCount>> Counts(IReadOnlyList<DuePeriod> due)
    {
        var l = Expression.Parameter(typeof(Link), "l");
        var task = Expression.Property(l, nameof(Link.Task));
        Expression Owes(DuePeriod p) => Bind(OnTimeRule.Owes(p), task);
        Expression owed = due.Select(p => (Expression)Expression.Condition(Owes(p), Expression.Constant(1), Expression.Constant(0)))
            .Aggregate(Expression.Add);

        var r = Expression.Parameter(typeof(ProgressReport), "r");
        Expression filed = due.Select(p => (Expression)Expression.AndAlso(Bind(OnTimeRule.FiledOnTime(p), r), Owes(p))).Aggregate(Expression.OrElse);
        // OnTimeRule.ByUnit (the unit's own report or nobody's) written as COALESCE(r.UnitId, unit) = unit: with an OR,
        // PostgreSQL ANDs a bitmap of IX_ProgressReports_UnitId_Period (≈ 900 rows per link) into the (TaskId, Period) seek
        // — 27.6 ms against 9.3 ms for a plan at province scale (docs/scale.md §13).
        Expression<Func<ProgressReport, Link, bool>> mine = (x, link) => x.TaskId == link.Task.Id && (x.UnitId ?? link.UnitId) == link.UnitId;
        var match = Expression.AndAlso(new Replace(mine.Parameters[0], r).Visit(new Replace(mine.Parameters[1], l).Visit(mine.Body))!, filed);
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(ProgressReport)], ((IQueryable<ProgressReport>)db.Reports).Expression,
            Expression.Quote(Expression.Lambda<Func<ProgressReport, bool>>(match, r)));
        Expression<Func<ProgressReport, string>> period = x => x.Period;
        var periods = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(ProgressReport), typeof(string)], where, Expression.Quote(period));
        var distinct = Expression.Call(typeof(Queryable), nameof(Queryable.Distinct), [typeof(string)], periods);
        var onTime = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(string)], distinct);

        var body = Expression.MemberInit(Expression.New(typeof(LinkCount)),
            Expression.Bind(typeof(LinkCount).GetProperty(nameof(LinkCount.PlanId))!, Expression.Property(l, nameof(Link.PlanId))),
            Expression.Bind(typeof(LinkCount).GetProperty(nameof(LinkCount.UnitId))!, Expression.Property(l, nameof(Link.UnitId))),
            Expression.Bind(typeof(LinkCount).GetProperty(nameof(LinkCount.Owed))!, owed),
            Expression.Bind(typeof(LinkCount).GetProperty(nameof(LinkCount.OnTime))!, onTime));
        return Expression.Lambda<Func<Link, LinkCount>>(body, l);
    }

    /// <summary>The body of <paramref name="rule"/> applied to <paramref name="argument"/>.</summary>
    private static Expression Bind<T>(Expression<Func<T, bool>> rule, Expression argument) => new Replace(rule.Parameters[0], argument).Visit(rule.Body)!;

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
