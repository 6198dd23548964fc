using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 延期申请 (a later due date) or 销号申请 (close-out, with evidence) from a unit; the office decides. States
/// (docs/supervision.md, "申请"): 待审批 pending → 已批准 approved | 已驳回 refused (退回); the unit may withdraw a
/// pending request. <see cref="State"/> is a concurrency token: one decision per request.
/// </summary>
public sealed class TaskRequest
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public TaskRequestKind Kind { get; set; }
    public TaskRequestState State { get; private set; }
    public string Reason { get; set; } = "";
    /// <summary>Extension: the due date asked for, and the one the task had when asked.</summary>
    public DateOnly? RequestedDueDate { get; set; }
    public DateOnly? PreviousDueDate { get; set; }
    public int RequestedById { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecisionComment { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public List<RequestAttachment> Attachments { get; } = [];

    public static bool Allows(TaskRequestState from, RequestStep step) =>
        from == TaskRequestState.Pending && step is RequestStep.Approve or RequestStep.Refuse or RequestStep.Withdraw;

    /// <summary>The office approves: an extension moves the task's due date, a close-out closes the task out.</summary>
    public void Approve(PlanTask task, string byName, string? comment, DateTimeOffset now)
    {
        Require(RequestStep.Approve);
        if (Kind == TaskRequestKind.Extension) task.Extend(RequestedDueDate!.Value);
        else task.CloseOut(string.IsNullOrWhiteSpace(comment) ? $"同意销号申请：{Reason}" : comment.Trim(), byName, now);
        Decide(TaskRequestState.Approved, byName, comment, now);
    }

    /// <summary>The office refuses (延期) or returns (销号) the request, with a comment.</summary>
    public void Refuse(string byName, string comment, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new ArgumentException("comment");
        Require(RequestStep.Refuse);
        Decide(TaskRequestState.Refused, byName, comment, now);
    }

    public void Withdraw(string byName, DateTimeOffset now)
    {
        Require(RequestStep.Withdraw);
        Decide(TaskRequestState.Withdrawn, byName, null, now);
    }

    private void Decide(TaskRequestState to, string byName, string? comment, DateTimeOffset now)
    {
        State = to;
        DecidedByName = byName;
        DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedAt = now;
    }

    private void Require(RequestStep step)
    {
        if (!Allows(State, step)) throw new RuleException("该申请已处理");
    }
}

public sealed class RequestAttachment
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StoredName { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>延期申请 extension, 销号申请 close-out.</summary>
public enum TaskRequestKind { [Display(Name = "延期申请")] Extension, [Display(Name = "销号申请")] CloseOut }

/// <summary>待审批 pending, 已批准 approved, 已驳回 refused, 已撤回 withdrawn.</summary>
public enum TaskRequestState { [Display(Name = "待审批")] Pending, [Display(Name = "已批准")] Approved, [Display(Name = "已驳回")] Refused, [Display(Name = "已撤回")] Withdrawn }

public enum RequestStep { Approve, Refuse, Withdraw }
