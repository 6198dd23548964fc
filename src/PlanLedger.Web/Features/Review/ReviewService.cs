using PlanLedger.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Review;

public sealed record ReviewFilter(int? PlanId = null, int? UnitId = null, string? Section = null, string? Period = null);
public sealed record ReviewItem(int ReportId, int TaskId, int PlanId, string? Unit, string Period, int Progress,
    DateTimeOffset SubmittedAt, int? UnitId, string TaskPath, string TaskHeading, string Section, string Text,
    string SubmittedBy, bool Drives, int Evidence);
public sealed record BulkResult(List<int> Done, List<BulkFailure> Failed);
public sealed record BulkFailure(int ReportId, int Status, string Title);

/// <summary>
/// 审核 — the office's decisions on reports: the 待审核 inbox, 通过 (approve) and 退回 (return), one by one and in bulk.
/// Each decision is a conditional update of the report (its status is a concurrency token): of two concurrent
/// decisions exactly one succeeds, the other is a 409. The unit is notified in the same transaction.
/// </summary>
public sealed class ReviewService(LedgerDbContext db, ReportService reports, Notifier notifier, TimeProvider clock)
{
    /// <summary>Reports waiting for the office's decision, oldest first: the plans of the caller's own organisation.</summary>
    public async Task<List<ReviewItem>> InboxAsync(CurrentUser me, ReviewFilter f, CancellationToken ct = default)
    {
        if (me.Role is not (UserRole.Admin or UserRole.Office)) return [];
        var q = db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted
            && r.Task!.Plan!.OrganisationId == me.OrganisationId && r.Task.Plan.Status == PlanStatus.Published);
        if (f.PlanId is { } p) q = q.Where(r => r.Task!.PlanId == p);
        if (f.UnitId is { } u) q = q.Where(r => r.UnitId == u);
        if (!string.IsNullOrWhiteSpace(f.Section)) q = q.Where(r => r.Task!.Section == f.Section);
        if (!string.IsNullOrWhiteSpace(f.Period)) q = q.Where(r => r.Period == f.Period);
        return await q.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(1000)
            .Select(r => new ReviewItem(r.Id, r.TaskId, r.Task!.PlanId, r.Unit != null ? r.Unit.Name : null, r.Period, r.Progress,
                r.SubmittedAt, r.UnitId, r.Task.Path, r.Task.Heading, r.Task.Section, r.Text, r.SubmittedByName, r.Drives, r.Evidence.Count))
            .ToListAsync(ct);
    }

    /// <summary>通过: the office accepts the report as filed; the unit is told.</summary>
    public async Task<Outcome<ReportDto>> ApproveAsync(CurrentUser me, int reportId, string? comment, CancellationToken ct = default)
    {
        var found = await reports.ReportForAsync(me, reportId, LedgerAction.ApproveReport, ct);
        if (found.Error is { } e) return e;
        var (report, task, plan) = found.Value;
        if ((comment ?? "").Trim().Length > 2000) return Failure.BadRequest("审核意见不超过 2000 字");
        if (!ProgressReport.Allows(report.Status, ReportAction.Approve)) return Failure.Conflict(AlreadyActed(report.Status));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        report.Approve(me.DisplayName, comment, clock.GetUtcNow());
        if (report.UnitId is { } unit)
            notifier.ToUnit(unit, NotificationKind.ReportApproved, $"{report.Period} 进展已审核通过：{OfficeLabels.Name(task.Path, task.Heading)}".Trim(), task.Id, $"/Tasks/{task.Id}", report.Period);
        if (await reports.SaveAsync(ct) is { } f) return f;
        await tx.CommitAsync(ct);
        return await reports.OneAsync(report.Id, ct);
    }

    /// <summary>退回: the office sends the report back with a comment; the task falls back to the unit's earlier reports.</summary>
    public async Task<Outcome<ReportDto>> ReturnAsync(CurrentUser me, int reportId, string? comment, CancellationToken ct = default)
    {
        var found = await reports.ReportForAsync(me, reportId, LedgerAction.ReturnReport, ct);
        if (found.Error is { } e) return e;
        var (report, task, plan) = found.Value;
        if (string.IsNullOrWhiteSpace(comment)) return Failure.BadRequest("请填写退回意见");
        if (comment.Trim().Length > 2000) return Failure.BadRequest("退回意见不超过 2000 字");
        if (!ProgressReport.Allows(report.Status, ReportAction.Return)) return Failure.Conflict(AlreadyActed(report.Status));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        report.Return(me.DisplayName, comment, clock.GetUtcNow());
        if (await reports.SaveAsync(ct) is { } f) return f;
        await reports.FallBackAsync(task, plan, ct);
        if (report.UnitId is { } unit)
            notifier.ToUnit(unit, NotificationKind.ReportReturned,
                $"{report.Period} 进展被退回：{OfficeLabels.Name(task.Path, task.Heading)}。退回意见：{comment.Trim()}", task.Id, $"/Tasks/{task.Id}", report.Period);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await reports.OneAsync(report.Id, ct);
    }

    /// <summary>Bulk 通过 / 退回: each report its own decision and transaction; those already acted on are listed as failed.</summary>
    public async Task<BulkResult> BulkAsync(CurrentUser me, IReadOnlyCollection<int> reportIds, bool approve, string? comment, CancellationToken ct = default)
    {
        var done = new List<int>();
        var failed = new List<BulkFailure>();
        foreach (var id in reportIds.Distinct().Take(500))
        {
            var r = approve ? await ApproveAsync(me, id, comment, ct) : await ReturnAsync(me, id, comment, ct);
            db.ChangeTracker.Clear();
            if (r.Error is { } e) failed.Add(new BulkFailure(id, e.Status, e.Title));
            else done.Add(id);
        }
        return new BulkResult(done, failed);
    }

    private static string AlreadyActed(ReportStatus s) => s switch
    {
        ReportStatus.Approved => "该填报已通过审核",
        ReportStatus.Returned => "该填报已退回",
        ReportStatus.Withdrawn => "该填报已由单位撤回",
        _ => "该填报已被处理",
    };
}
