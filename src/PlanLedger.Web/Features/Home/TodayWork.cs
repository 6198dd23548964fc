using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Review;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Home;

public sealed record LatePlan(int PlanId, string Title, string Period, int Units);
public sealed record TodayWork(int ToReview, IReadOnlyList<LatePlan> Late, int NoticesNearDeadline, int NoticesOverdue, int NoticesReplied,
    int RequestsWaiting, int Unread);

/// <summary>How many units are late on one plan for one period (what 今日工作 keeps per plan revision).</summary>
public sealed record LateUnits(int Count);

/// <summary>How many of one plan's reports wait for the office's review (what 今日工作 keeps per plan revision).</summary>
public sealed record ReviewCount(int Count);

/// <summary>今日工作 of the office home: reports to review, units late this period, notices near or past their reply deadline, requests waiting.</summary>
public sealed class TodayWorkService(LedgerDbContext db, PeriodService periods, Plans.PlanReadCache cache, TimeProvider clock)
{
    public async Task<TodayWork> ForAsync(CurrentUser me, CancellationToken ct = default)
    {
        var org = me.OrganisationId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var published = await db.Plans.AsNoTracking().Where(p => p.OrganisationId == org && p.Status == PlanStatus.Published)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Id).ToListAsync(ct);
        // Reports waiting for the office's review, counted per plan and kept per plan revision (filing, approving or
        // returning a report bumps it): a province office's queue of thousands is not joined and counted on every view.
        var waiting = await cache.GetEachAsync("to-review", published, _ => "", async missing =>
        {
            var ids = missing.Select(p => p.Id).ToList();
            var counts = await db.Reports.Where(r => r.Status == ReportStatus.Submitted && ids.Contains(r.Task!.PlanId))
                .GroupBy(r => r.Task!.PlanId).Select(g => new { PlanId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.PlanId, x => x.Count, ct);
            return missing.ToDictionary(p => p.Id, p => new ReviewCount(counts.GetValueOrDefault(p.Id)));
        }, _ => 32);
        var toReview = waiting.Values.Sum(c => c.Count);
        var late = new List<LatePlan>();
        var plans = published.Where(p => p.ArchivedAt == null).Take(10).ToList();
        foreach (var p in plans)
        {
            var period = StatusRules.ExpectedPeriod(today, p.ReportDay, p.PublishedAt is { } pa ? DateOnly.FromDateTime(pa.UtcDateTime) : null, p.Year);
            if (period is null) continue;
            // The office's own published plan (no access check needed): its late units are plan content, kept per
            // revision and period (a report filed or a task closed bumps the revision).
            var missing = await cache.GetAsync("period-missing", p, async () => new LateUnits((await periods.MissingOfAsync(p, period, ct)).Count),
                _ => 32, period);
            if (missing.Count > 0) late.Add(new LatePlan(p.Id, p.Title, period, missing.Count));
        }
        var open = db.Supervisions.Where(n => n.OrganisationId == org && (n.State == SupervisionState.Issued || n.State == SupervisionState.Acknowledged));
        var soon = today.AddDays(3);
        var near = await open.CountAsync(n => n.ReplyBy >= today && n.ReplyBy <= soon, ct);
        var overdue = await open.CountAsync(n => n.ReplyBy < today, ct);
        var replied = await db.Supervisions.CountAsync(n => n.OrganisationId == org && n.State == SupervisionState.Replied, ct);
        var requests = await db.TaskRequests.CountAsync(r => r.State == TaskRequestState.Pending && r.Task!.Plan!.OrganisationId == org, ct);
        var unread = await Notifications.NotificationsApi.Mine(db, me).CountAsync(n => n.ReadAt == null, ct);
        return new TodayWork(toReview, late, near, overdue, replied, requests, unread);
    }
}
