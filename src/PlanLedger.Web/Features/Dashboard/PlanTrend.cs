using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>
/// The plan dashboard's progress trend (<see cref="TrendPoint"/>), summed in SQL in one command: for each month end, every
/// leaf task counts 100 when closed out before it, else the progress of its latest live driving report of a period up to
/// that month (latest period, then latest filed — as <c>ReportService.FallBackAsync</c> picks it), else 0. One index seek
/// on <c>ProgressReports (TaskId, Period)</c> per leaf task and month; no report is loaded.
/// </summary>
public sealed class PlanTrend(LedgerDbContext db)
{
    /// <summary>The sum of the leaf tasks' progress at the end of each of <paramref name="months"/>, by period.</summary>
    public async Task<Dictionary<string, int>> ProgressSumsAsync(int planId, IReadOnlyList<(string Period, DateTimeOffset End)> months, CancellationToken ct)
    {
        if (months.Count == 0) return [];
        var leaves = db.Tasks.Where(t => t.PlanId == planId && !db.Tasks.Any(c => c.ParentId == t.Id));
        IQueryable<MonthProgress>? all = null;
        for (var i = 0; i < months.Count; i++)
        {
            var (month, period, end) = (i, months[i].Period, months[i].End);
            var part = leaves.Select(t => new MonthProgress
            {
                Month = month,
                Progress = t.ClosedAt != null && t.ClosedAt < end ? 100
                    : db.Reports.Where(r => r.TaskId == t.Id && r.LiveKey != null && r.Drives && string.Compare(r.Period, period) <= 0)
                        .OrderByDescending(r => r.Period).ThenByDescending(r => r.Id).Select(r => (int?)r.Progress).FirstOrDefault() ?? 0,
            });
            all = all is null ? part : all.Concat(part);
        }
        var rows = await all!.GroupBy(x => x.Month).Select(g => new { g.Key, Sum = g.Sum(x => x.Progress) }).ToListAsync(ct);
        return rows.ToDictionary(r => months[r.Key].Period, r => r.Sum);
    }

    private sealed class MonthProgress
    {
        public int Month { get; init; }
        public int Progress { get; init; }
    }
}
