using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.EntityConfigurations;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>A target of a recurring task beside last year's target of the same measure (paired by 单位 such as 处/人次, in order).</summary>
public sealed record RecurringTarget(string Text, decimal Value, string Unit, decimal? Actual, decimal? PreviousValue, decimal? PreviousActual);
/// <summary>A task of this year that continues one of last year's (上年对照 confirmed, or 结转), with both years' state.</summary>
public sealed record RecurringTask(int TaskId, string Heading, string Status, int Progress, int PreviousTaskId, int PreviousYear,
    string PreviousHeading, string PreviousStatus, int PreviousProgress, bool CarriedOver, IReadOnlyList<RecurringTarget> Targets);

/// <summary>年度对比: the recurring tasks of some plans — targets and actuals this year against last year's.</summary>
public sealed class YearComparison(LedgerDbContext db)
{
    /// <summary>For each of <paramref name="planIds"/>, the plans holding last year's side of its recurring tasks — their
    /// changes show in 年度对比 too (one query for all; a plan without such tasks has an empty list).</summary>
    public async Task<Dictionary<int, List<int>>> PreviousPlansByPlanAsync(IReadOnlyList<int> planIds, CancellationToken ct = default)
    {
        var pairs = planIds.Count == 0 ? [] : await (from t in db.Tasks
                where planIds.Contains(t.PlanId) && t.PreviousTaskId != null
                join p in db.Tasks on t.PreviousTaskId equals (int?)p.Id
                select new { t.PlanId, Previous = p.PlanId }).Distinct().ToListAsync(ct);
        var of = pairs.ToLookup(x => x.PlanId, x => x.Previous);
        return planIds.ToDictionary(id => id, id => of[id].Order().ToList());
    }

    /// <summary>The recurring tasks of each of <paramref name="planIds"/> that has any, in the plan's order.</summary>
    public async Task<Dictionary<int, List<RecurringTask>>> RecurringByPlanAsync(IReadOnlyList<int> planIds, CancellationToken ct = default)
    {
        if (planIds.Count == 0) return [];
        var tasks = await db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && t.PreviousTaskId != null)
            .OrderBy(t => t.PlanId).ThenBy(t => t.Order)
            .Select(t => new { t.Id, t.PlanId, t.Heading, t.Status, t.Progress, Prev = t.PreviousTaskId!.Value, t.CarriedOver }).ToListAsync(ct);
        if (tasks.Count == 0) return [];
        var prevIds = tasks.Select(t => t.Prev).ToList();
        var prev = await db.Tasks.AsNoTracking().Where(t => prevIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Heading, t.Status, t.Progress, t.Plan!.Year }).ToDictionaryAsync(t => t.Id, ct);
        var all = tasks.Select(t => t.Id).Concat(prevIds).ToList();
        var targets = (await db.Targets.AsNoTracking().Where(x => all.Contains(x.TaskId)).OrderBy(x => x.Id).ToListAsync(ct)).ToLookup(x => x.TaskId);
        return tasks.Where(t => prev.ContainsKey(t.Prev)).GroupBy(t => t.PlanId).ToDictionary(g => g.Key, g => g.Select(t =>
        {
            var p = prev[t.Prev];
            var old = targets[t.Prev].ToList();
            var rows = targets[t.Id].Select(x =>
            {
                var match = old.FirstOrDefault(o => o.Unit == x.Unit);
                if (match is not null) old.Remove(match);
                return new RecurringTarget(x.Text, x.Value, x.Unit, x.Actual, match?.Value, match?.Actual);
            }).ToList();
            return new RecurringTask(t.Id, t.Heading, StatusNames.ToName(t.Status), t.Progress, t.Prev, p.Year, p.Heading,
                StatusNames.ToName(p.Status), p.Progress, t.CarriedOver, rows);
        }).ToList());
    }
}
