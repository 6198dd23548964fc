using System.Text.Json.Serialization;
using PlanLedger.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Decisions;

public sealed record TaskEventDto(int Id, [property: JsonConverter(typeof(SnakeCaseEnum<TaskEventKind>))] TaskEventKind Kind, string Text,
    string By, DateTimeOffset At);
public sealed record RequestDto(int Id, int TaskId, string TaskPath, string TaskHeading, int UnitId, string Unit,
    [property: JsonConverter(typeof(SnakeCaseEnum<TaskRequestKind>))] TaskRequestKind Kind,
    [property: JsonConverter(typeof(SnakeCaseEnum<TaskRequestState>))] TaskRequestState State,
    string Reason, DateOnly? RequestedDueDate, DateOnly? PreviousDueDate, string RequestedBy, DateTimeOffset RequestedAt,
    string? DecisionComment, string? DecidedBy, DateTimeOffset? DecidedAt, int PlanId);
public sealed record CommentDto(int Id, int? TaskId, int? ReportId, int? NoticeId, string Author, string Text, DateTimeOffset CreatedAt);

/// <summary>
/// The office's decisions on a task — 销号 with a reason, 撤销销号, 常态落实 — and the unit's requests (延期申请,
/// 销号申请) with the office's decision on them; 领导批示. The rules are the entities' (<see cref="PlanTask"/>,
/// <see cref="TaskRequest"/>); each change runs in one transaction with the plan's roll-up and notifies the unit.
/// </summary>
public sealed class TaskDecisionService(LedgerDbContext db, LedgerQueries queries, ReportService reports, Notifier notifier,
    EvidenceStore files, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private DateTimeOffset Now => Micro(clock.GetUtcNow());
    /// <summary>Microsecond precision, as PostgreSQL stores it: a concurrency token must read back as written.</summary>
    private static DateTimeOffset Micro(DateTimeOffset t) => new(t.Ticks - t.Ticks % 10, t.Offset);

    /// <summary>销号: the office accepts completion with a reason; waiting reports are accepted with it.</summary>
    public async Task<Outcome<PlanTask>> CloseOutAsync(CurrentUser me, int taskId, string? reason, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.CloseOutTask, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (string.IsNullOrWhiteSpace(reason)) return Failure.BadRequest("请填写销号理由");
        if (reason.Trim().Length > 2000) return Failure.BadRequest("理由不超过 2000 字");
        if (plan.Status != PlanStatus.Published) return Failure.Conflict("计划尚未发布");
        if (task.Ongoing) return Failure.Conflict("常态落实任务不销号");
        if (task.ClosedAt is not null) return Failure.Conflict("任务已销号");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        await db.Entry(task).ReloadAsync(ct);
        if (Rule(() => task.CloseOut(reason, me.DisplayName, Now)) is { } f) return f;
        var submitted = await db.Reports.Where(x => x.TaskId == taskId && x.Status == ReportStatus.Submitted).ToListAsync(ct);
        foreach (var s in submitted) s.AcceptWithCloseOut(me.DisplayName, Now);
        db.TaskEvents.Add(new TaskEvent { TaskId = taskId, Kind = TaskEventKind.ClosedOut, Text = reason.Trim(), ByName = me.DisplayName, At = Now });
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
        await notifier.ToUnitsOfTaskAsync(taskId, NotificationKind.CloseOutDecided, $"任务已销号：{OfficeLabels.Name(task.Path, task.Heading)}。理由：{reason.Trim()}", ct: ct);
        if (await reports.SaveAsync(ct, "任务已被他人销号") is { } c) return c;
        await tx.CommitAsync(ct);
        return task;
    }

    /// <summary>撤销销号: the close-out is undone with a reason; progress returns to the reports'.</summary>
    public async Task<Outcome<PlanTask>> UndoCloseOutAsync(CurrentUser me, int taskId, string? reason, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.UndoCloseOut, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (string.IsNullOrWhiteSpace(reason)) return Failure.BadRequest("请填写撤销理由");
        if (reason.Trim().Length > 2000) return Failure.BadRequest("理由不超过 2000 字");
        if (task.ClosedAt is null) return Failure.Conflict("任务未销号");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        await db.Entry(task).ReloadAsync(ct);
        var latest = await db.Reports.Where(x => x.TaskId == task.Id && x.Drives && x.LiveKey != null)
            .OrderByDescending(x => x.Period).ThenByDescending(x => x.Id).Select(x => new { x.Period, x.Progress }).FirstOrDefaultAsync(ct);
        if (Rule(() => task.UndoCloseOut(latest?.Period, latest?.Progress)) is { } f) return f;
        db.TaskEvents.Add(new TaskEvent { TaskId = taskId, Kind = TaskEventKind.CloseOutUndone, Text = reason.Trim(), ByName = me.DisplayName, At = Now });
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
        await notifier.ToUnitsOfTaskAsync(taskId, NotificationKind.CloseOutUndone, $"撤销销号：{OfficeLabels.Name(task.Path, task.Heading)}。理由：{reason.Trim()}", ct: ct);
        if (await reports.SaveAsync(ct, "任务已被他人变更") is { } c) return c;
        await tx.CommitAsync(ct);
        return task;
    }

    /// <summary>常态落实: marks a task as a standing duty (reported on, never done), or back.</summary>
    public async Task<Outcome<PlanTask>> SetOngoingAsync(CurrentUser me, int taskId, bool ongoing, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.SetOngoing, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        await db.Entry(task).ReloadAsync(ct);
        if (Rule(() => task.SetOngoing(ongoing)) is { } f) return f;
        if (!ongoing) task.DueDate = StatusRules.DueDate(task.Deadline, plan.Year);
        db.TaskEvents.Add(new TaskEvent { TaskId = taskId, Kind = ongoing ? TaskEventKind.OngoingSet : TaskEventKind.OngoingCleared,
            Text = ongoing ? "设为常态落实" : "取消常态落实", ByName = me.DisplayName, At = Now });
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
        if (await reports.SaveAsync(ct, "任务已被他人变更") is { } c) return c;
        await tx.CommitAsync(ct);
        return task;
    }

    /// <summary>延期申请 / 销号申请 by a unit mapped onto the task; the office is told.</summary>
    public async Task<Outcome<RequestDto>> RequestAsync(CurrentUser me, int taskId, TaskRequestKind kind, string? reason, DateOnly? dueDate,
        IReadOnlyList<EvidenceUpload>? evidence = null, CancellationToken ct = default)
    {
        var access = await queries.TaskAsync(me, taskId, LedgerAction.ReportOnTask, ct);
        if (access.Error is { } e) return e;
        var (task, plan) = access.Value;
        var action = kind == TaskRequestKind.Extension ? LedgerAction.RequestExtension : LedgerAction.RequestCloseOut;
        var units = await db.TaskUnits.Where(u => u.TaskId == taskId && u.UnitId != null).Select(u => u.UnitId!.Value).ToListAsync(ct);
        var orgPath = await db.Organisations.Where(o => o.Id == plan.OrganisationId).Select(o => o.Path).FirstAsync(ct);
        if (Problems.FromDecision(Access.Decide(me, action, new Resource(plan.OrganisationId, orgPath, false, units))) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(reason)) return Failure.BadRequest("请填写申请理由");
        if (reason.Trim().Length > 2000) return Failure.BadRequest("理由不超过 2000 字");
        if (plan.Status != PlanStatus.Published) return Failure.Conflict("计划尚未发布");
        if (task.ClosedAt is not null) return Failure.Conflict("任务已销号");
        if (task.Ongoing) return Failure.Conflict("常态落实任务不需要延期或销号");
        if (kind == TaskRequestKind.Extension)
        {
            if (dueDate is not { } d) return Failure.BadRequest("请填写申请延期至的日期");
            if (d <= Today) return Failure.BadRequest("延期日期应晚于今天");
            if (task.DueDate is { } cur && d <= cur) return Failure.BadRequest("延期日期应晚于原完成时限");
        }
        if (await db.TaskRequests.AnyAsync(x => x.TaskId == taskId && x.UnitId == me.UnitId && x.Kind == kind && x.State == TaskRequestState.Pending, ct))
            return Failure.Conflict("已有待审批的同类申请");
        foreach (var f in evidence ?? [])
            if (files.Check(f) is { } refused) return refused;
        var req = new TaskRequest
        {
            TaskId = taskId, UnitId = me.UnitId!.Value, Kind = kind, Reason = reason.Trim(),
            RequestedDueDate = kind == TaskRequestKind.Extension ? dueDate : null, PreviousDueDate = task.DueDate,
            RequestedById = me.Id, RequestedByName = me.DisplayName, RequestedAt = Now,
        };
        var stored = new List<string>();
        try
        {
            foreach (var f in evidence ?? [])
            {
                var name = await files.SaveAsync(f, ct);
                stored.Add(name);
                req.Attachments.Add(new RequestAttachment { FileName = PlanLedger.Web.Features.Plans.PlanImporter.Clip(Path.GetFileName(f.FileName), 260)!,
                    ContentType = EvidenceStore.ContentType(f.FileName), Size = f.Length, StoredName = name, UploadedAt = Now });
            }
            db.TaskRequests.Add(req);
            notifier.ToOffice(plan.OrganisationId, NotificationKind.RequestSubmitted,
                $"{(kind == TaskRequestKind.Extension ? "延期申请" : "销号申请")}待审批：{OfficeLabels.Name(task.Path, task.Heading)}（{me.DisplayName}）", taskId, "/Requests");
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var s in stored) files.Delete(s);
            throw;
        }
        return (await Project(db.TaskRequests.AsNoTracking().Where(x => x.Id == req.Id)).ToListAsync(ct)).Single();
    }

    /// <summary>The office approves (the due date moves / the task is closed out) or refuses the request; the unit is told.</summary>
    public async Task<Outcome<RequestDto>> DecideAsync(CurrentUser me, int requestId, bool approve, string? comment, CancellationToken ct = default)
    {
        var req = await db.TaskRequests.FirstOrDefaultAsync(x => x.Id == requestId, ct);
        if (req is null) return Failure.NotFound("申请不存在");
        var r = await queries.TaskAsync(me, req.TaskId, LedgerAction.DecideRequest, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (!approve && string.IsNullOrWhiteSpace(comment)) return Failure.BadRequest("请填写驳回意见");
        if ((comment ?? "").Trim().Length > 2000) return Failure.BadRequest("意见不超过 2000 字");
        if (!TaskRequest.Allows(req.State, approve ? RequestStep.Approve : RequestStep.Refuse)) return Failure.Conflict("该申请已处理");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        await db.Entry(task).ReloadAsync(ct);
        var old = task.DueDate;
        if (Rule(() =>
            {
                if (approve) req.Approve(task, me.DisplayName, comment, Now);
                else req.Refuse(me.DisplayName, comment!, Now);
            }) is { } f) return f;
        var kindName = req.Kind == TaskRequestKind.Extension ? "延期申请" : "销号申请";
        if (approve && req.Kind == TaskRequestKind.Extension)
            db.TaskEvents.Add(new TaskEvent { TaskId = task.Id, Kind = TaskEventKind.Extended, ByName = me.DisplayName, At = Now,
                Text = $"完成时限 {old?.ToString("yyyy-MM-dd") ?? "—"} → {req.RequestedDueDate:yyyy-MM-dd}：{req.Reason}" });
        if (approve && req.Kind == TaskRequestKind.CloseOut)
        {
            db.TaskEvents.Add(new TaskEvent { TaskId = task.Id, Kind = TaskEventKind.ClosedOut, ByName = me.DisplayName, At = Now, Text = task.CloseReason ?? req.Reason });
            foreach (var s in await db.Reports.Where(x => x.TaskId == task.Id && x.Status == ReportStatus.Submitted).ToListAsync(ct))
                s.AcceptWithCloseOut(me.DisplayName, Now);
        }
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
        notifier.ToUnit(req.UnitId, req.Kind == TaskRequestKind.Extension ? NotificationKind.ExtensionDecided : NotificationKind.CloseOutDecided,
            $"{kindName}{(approve ? "已批准" : "未获批准")}：{OfficeLabels.Name(task.Path, task.Heading)}{(string.IsNullOrWhiteSpace(comment) ? "" : "。意见：" + comment.Trim())}",
            task.Id, $"/Tasks/{task.Id}");
        if (await reports.SaveAsync(ct, "该申请已被他人处理") is { } c) return c;
        await tx.CommitAsync(ct);
        return (await Project(db.TaskRequests.AsNoTracking().Where(x => x.Id == req.Id)).ToListAsync(ct)).Single();
    }

    /// <summary>The unit withdraws its pending request.</summary>
    public async Task<Outcome<RequestDto>> WithdrawRequestAsync(CurrentUser me, int requestId, CancellationToken ct = default)
    {
        var req = await db.TaskRequests.FirstOrDefaultAsync(x => x.Id == requestId, ct);
        if (req is null) return Failure.NotFound("申请不存在");
        var r = await queries.TaskAsync(me, req.TaskId, LedgerAction.ReadPlan, ct);
        if (r.Error is { } e) return e;
        var plan = r.Value.Plan;
        var orgPath = await db.Organisations.Where(o => o.Id == plan.OrganisationId).Select(o => o.Path).FirstAsync(ct);
        if (Problems.FromDecision(Access.Decide(me, LedgerAction.WithdrawRequest, new Resource(plan.OrganisationId, orgPath, false, [req.UnitId]))) is { } d) return d;
        if (Rule(() => req.Withdraw(me.DisplayName, Now)) is { } f) return f;
        if (await reports.SaveAsync(ct, "该申请已被处理") is { } c) return c;
        return (await Project(db.TaskRequests.AsNoTracking().Where(x => x.Id == req.Id)).ToListAsync(ct)).Single();
    }

    /// <summary>Requests the caller may see: the office its organisation's, a unit its own; pending first.</summary>
    public async Task<List<RequestDto>> RequestsAsync(CurrentUser me, int? taskId = null, string? state = null, CancellationToken ct = default)
    {
        var path = me.OrganisationPath;
        var q = db.TaskRequests.AsNoTracking().Where(x => x.Task!.Plan!.Organisation!.Path.StartsWith(path));
        if (me.Role == UserRole.Reporter) q = q.Where(x => x.UnitId == me.UnitId);
        if (taskId is { } t) q = q.Where(x => x.TaskId == t);
        if (Enum.TryParse<TaskRequestState>(state, true, out var s)) q = q.Where(x => x.State == s);
        return (await Project(q).ToListAsync(ct)).OrderBy(x => x.State == TaskRequestState.Pending ? 0 : 1).ThenByDescending(x => x.RequestedAt).ToList();
    }

    private static IQueryable<RequestDto> Project(IQueryable<TaskRequest> q) =>
        q.OrderByDescending(x => x.Id).Take(500).Select(x => new RequestDto(x.Id, x.TaskId, x.Task!.Path, x.Task.Heading, x.UnitId, x.Unit!.Name,
            x.Kind, x.State,
            x.Reason, x.RequestedDueDate, x.PreviousDueDate, x.RequestedByName, x.RequestedAt, x.DecisionComment, x.DecidedByName, x.DecidedAt, x.Task.PlanId));

    public async Task<List<TaskEventDto>> EventsAsync(int taskId, CancellationToken ct = default) =>
        (await db.TaskEvents.AsNoTracking().Where(x => x.TaskId == taskId).OrderByDescending(x => x.Id).ToListAsync(ct))
            .Select(x => new TaskEventDto(x.Id, x.Kind, x.Text, x.ByName, x.At)).ToList();

    /// <summary>领导批示 on a task or one of its reports; every unit of the task is told.</summary>
    public async Task<Outcome<CommentDto>> CommentAsync(CurrentUser me, int taskId, int? reportId, string? text, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.CommentAsLeader, ct);
        if (r.Error is { } e) return e;
        var (task, _) = r.Value;
        if (string.IsNullOrWhiteSpace(text)) return Failure.BadRequest("请填写批示内容");
        if (text.Trim().Length > 2000) return Failure.BadRequest("批示不超过 2000 字");
        if (reportId is { } rid && !await db.Reports.AnyAsync(x => x.Id == rid && x.TaskId == taskId, ct))
            return Failure.NotFound("填报不存在");
        var c = new LeaderComment { TaskId = taskId, ReportId = reportId, AuthorId = me.Id, AuthorName = me.DisplayName, Text = text.Trim(), CreatedAt = Now };
        db.LeaderComments.Add(c);
        await notifier.ToUnitsOfTaskAsync(taskId, NotificationKind.LeaderComment, $"领导批示（{me.DisplayName}）：{text.Trim()} —— {OfficeLabels.Name(task.Path, task.Heading)}", ct: ct);
        await db.SaveChangesAsync(ct);
        return new CommentDto(c.Id, c.TaskId, c.ReportId, c.NoticeId, c.AuthorName, c.Text, c.CreatedAt);
    }

    public async Task<List<CommentDto>> CommentsAsync(int taskId, CancellationToken ct = default) =>
        await db.LeaderComments.AsNoTracking().Where(c => c.TaskId == taskId).OrderByDescending(c => c.Id)
            .Select(c => new CommentDto(c.Id, c.TaskId, c.ReportId, c.NoticeId, c.AuthorName, c.Text, c.CreatedAt)).ToListAsync(ct);

    private static Failure? Rule(Action change)
    {
        try { change(); return null; }
        catch (RuleException x) { return Failure.Conflict(x.Message); }
    }
}
