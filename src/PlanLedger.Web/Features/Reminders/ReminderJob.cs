using PlanLedger.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Reminders;

/// <summary>What one run did; <see cref="FailedPlans"/> are the plans whose pass failed (logged, the others went on).</summary>
public sealed record ReminderRun(int StatusChanges, int Notifications, IReadOnlyList<int>? FailedPlans = null);

/// <summary>
/// One pass of the reminder job: refreshes task statuses (marks overdue tasks), and creates in-app notifications
/// for each unit that files on a task — reports due within the next days, reports missing for the last due period,
/// tasks that became overdue. Idempotent: a notification exists once per unit, task, kind and period. Works plan by
/// plan, on the plans whose periods are still open only (<see cref="Open"/>): a past year's plan has nothing left to
/// remind of. The units that file are a task's lead units, and a supporting unit once it has filed on the task — never
/// the supporting units that only help (two notices per task and month that nobody acts on).
/// </summary>
public sealed class ReminderJob(LedgerDbContext db, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<ReminderJob>? log = null)
{
    public async Task<ReminderRun> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var plans = await Open(db.Plans.Where(p => p.Status == PlanStatus.Published && p.ArchivedAt == null), today).Select(p => p.Id).ToListAsync(ct);
        int changes = 0, created = 0;
        var failed = new List<int>();
        var messageLength = db.MaxLength<Notification>(nameof(Notification.Message));
        foreach (var planId in plans)
        {
            // One plan's failure (bad data, a lost connection) is logged and never stops the others' reminders.
            try
            {
                var (c, n) = await RunPlanAsync(planId, now, today, messageLength, ct);
                changes += c;
                created += n;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add(planId);
                log?.LogError(e, "Reminder pass failed for plan {PlanId}", planId);
            }
        }
        db.ChangeTracker.Clear();
        return new ReminderRun(changes, created, failed);
    }

    /// <summary>Plans with a period still open on <paramref name="today"/>: this year's and later, and last year's until its
    /// December report is due (the report day of January).</summary>
    public static IQueryable<Plan> Open(IQueryable<Plan> plans, DateOnly today) =>
        plans.Where(p => p.Year >= today.Year || (p.Year == today.Year - 1 && today.Month == 1 && p.ReportDay >= today.Day));

    private async Task<(int Changes, int Created)> RunPlanAsync(int planId, DateTimeOffset now, DateOnly today, int messageLength, CancellationToken ct)
    {
        int changes = 0, created = 0;
        {
            db.ChangeTracker.Clear();
            var plan = await db.Plans.FirstAsync(p => p.Id == planId, ct);
            // The whole plan: a section rolls up closed-out children too. Leaves first, then sections bottom-up.
            var all = await db.Tasks.Where(t => t.PlanId == planId).ToListAsync(ct);
            changes += all.RefreshStatuses(plan, today);
            // Nobody reports on a section: reminders concern open leaf tasks only.
            var sections = all.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
            var tasks = all.Where(t => t.ClosedAt == null && !sections.Contains(t.Id)).ToList();

            var published = plan.PublishedAt is { } pa ? DateOnly.FromDateTime(pa.UtcDateTime) : today;
            var missing = StatusRules.ExpectedPeriod(today, plan.ReportDay, published, plan.Year);
            string? dueSoon = null;
            var dueDay = new DateOnly(today.Year, today.Month, Math.Min(plan.ReportDay, DateTime.DaysInMonth(today.Year, today.Month)));
            var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            if (today <= dueDay && dueDay.DayNumber - today.DayNumber <= options.Value.ReminderDaysAhead
                && lastMonth.Year == plan.Year && published <= lastMonth.AddMonths(1).AddDays(-1))
                dueSoon = StatusRules.PeriodOf(lastMonth);

            var links = await db.TaskUnits.Where(u => u.UnitId != null && u.Task!.PlanId == planId && u.Task.ClosedAt == null
                    && (u.Role == UnitRole.Lead || db.Reports.Any(r => r.TaskId == u.TaskId && r.UnitId == u.UnitId)))
                .Select(u => new { u.TaskId, UnitId = u.UnitId!.Value }).Distinct().ToListAsync(ct);
            if (links.Count == 0) { await db.SaveChangesAsync(ct); return (changes, created); }
            var periods = new[] { missing, dueSoon }.OfType<string>().ToList();
            var reported = (await db.Reports.Where(r => r.Task!.PlanId == planId && periods.Contains(r.Period) && r.LiveKey != null)
                .Select(r => new { r.TaskId, r.UnitId, r.Period }).ToListAsync(ct))
                .Select(r => (r.TaskId, r.UnitId, r.Period)).ToHashSet();
            var existing = (await db.Notifications.Where(n => n.Task!.PlanId == planId && (periods.Contains(n.Period) || n.Kind == NotificationKind.TaskOverdue))
                .Where(n => n.DedupeKey != null && n.UnitId != null && n.TaskId != null)
                .Select(n => new { n.UnitId, n.TaskId, n.Kind, n.Period }).ToListAsync(ct))
                .Select(n => (n.UnitId!.Value, n.TaskId!.Value, n.Kind, n.Period)).ToHashSet();
            var openTasks = tasks.ToDictionary(t => t.Id);

            void Add(int unitId, PlanTask task, NotificationKind kind, string period, string message)
            {
                if (!existing.Add((unitId, task.Id, kind, period))) return;
                // The message quotes the task's heading (up to 1,000 characters itself): cut to fit the column.
                db.Notifications.Add(new Notification { UnitId = unitId, TaskId = task.Id, Kind = kind, Period = period,
                    Message = TextRules.Fit(message, messageLength), CreatedAt = now, DedupeKey = $"{unitId}|{task.Id}|{kind}|{period}", Link = $"/Tasks/{task.Id}" });
                created++;
            }
            bool Reported(int taskId, int unitId, string period) =>
                reported.Contains((taskId, unitId, period)) || reported.Contains((taskId, null, period));

            foreach (var link in links)
            {
                if (!openTasks.TryGetValue(link.TaskId, out var task)) continue;
                var name = $"{OfficeLabels.Name(task.Path, task.Heading)}".Trim();
                if (missing is not null && !Reported(link.TaskId, link.UnitId, missing) && task.Status != PlanTaskStatus.Overdue)
                    Add(link.UnitId, task, NotificationKind.ReportMissing, missing, $"{missing} 进展未报送：{name}");
                if (dueSoon is not null && !Reported(link.TaskId, link.UnitId, dueSoon))
                    Add(link.UnitId, task, NotificationKind.ReportDueSoon, dueSoon, $"{dueSoon} 进展请于 {dueDay:yyyy-MM-dd} 前报送：{name}");
                // Once per task and unit: keyed by the month of the due date.
                if (task.Status == PlanTaskStatus.Overdue && task.DueDate is { } due)
                    Add(link.UnitId, task, NotificationKind.TaskOverdue, StatusRules.PeriodOf(due), $"任务已逾期（时限 {task.Deadline}）：{name}");
            }
            await db.SaveChangesAsync(ct);
        }
        return (changes, created);
    }
}
