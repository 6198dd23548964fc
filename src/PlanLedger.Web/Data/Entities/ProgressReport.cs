using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 进展情况: a unit's report on a task for one period (报送周期, "2026-05"). Its states (docs/supervision.md, "报送"):
/// 已提交 submitted → 已通过 approved | 已退回 returned | 已撤回 withdrawn; a returned or withdrawn report is dead and the
/// unit files a new one. At most one live (submitted or approved) report per task, unit and period: <see cref="LiveKey"/>
/// carries a unique index. <see cref="Status"/> is a concurrency token, so every decision is a conditional update
/// (<c>… WHERE Status = 'submitted'</c>): of two concurrent decisions exactly one changes the row.
/// </summary>
public sealed class ProgressReport
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string Period { get; set; } = "";
    public int Progress { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The longest report text accepted (the column itself is unbounded text).</summary>
    public const int MaxTextLength = 20_000;
    public ReportStatus Status { get; private set; }
    /// <summary>"task|unit|period" while the report is live (submitted or approved), null once returned or withdrawn.</summary>
    public string? LiveKey { get; private set; }
    /// <summary>The lead unit's (or the office's) report drives the task's progress; a supporting unit reports its own part.</summary>
    public bool Drives { get; set; } = true;
    /// <summary>The office's comment when it returned (退回) or approved (通过) the report.</summary>
    public string? ReviewComment { get; private set; }
    public int SubmittedById { get; set; }
    public string SubmittedByName { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedByName { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public List<ReportActual> Actuals { get; } = [];
    public List<Evidence> Evidence { get; } = [];

    public bool Live => Status is ReportStatus.Submitted or ReportStatus.Approved;

    public static string Key(int taskId, int? unitId, string period) => $"{taskId}|{unitId ?? 0}|{period}";

    /// <summary>A new report, submitted (已提交).</summary>
    public static ProgressReport Submit(int taskId, int? unitId, string period, int progress, string text, bool drives,
        int byId, string byName, DateTimeOffset now) => new()
    {
        TaskId = taskId, UnitId = unitId, Period = period, Progress = progress, Text = text, Drives = drives,
        Status = ReportStatus.Submitted, LiveKey = Key(taskId, unitId, period),
        SubmittedById = byId, SubmittedByName = byName, SubmittedAt = now,
    };

    /// <summary>The transition table of a report: which action is allowed in which state.</summary>
    public static bool Allows(ReportStatus from, ReportAction action) => (from, action) switch
    {
        (ReportStatus.Submitted, ReportAction.Approve or ReportAction.Return or ReportAction.Withdraw or ReportAction.Edit) => true,
        _ => false,
    };

    /// <summary>通过: the office accepts the report as filed.</summary>
    public void Approve(string byName, string? comment, DateTimeOffset now)
    {
        Require(ReportAction.Approve);
        Status = ReportStatus.Approved;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReviewedAt = now;
        ReviewedByName = byName;
    }

    /// <summary>退回: the office sends the report back with a comment; the unit may then file again.</summary>
    public void Return(string byName, string comment, DateTimeOffset now)
    {
        Require(ReportAction.Return);
        if (string.IsNullOrWhiteSpace(comment)) throw new RuleException("请填写退回意见");
        Status = ReportStatus.Returned;
        LiveKey = null;
        ReviewComment = comment.Trim();
        ReviewedAt = now;
        ReviewedByName = byName;
    }

    /// <summary>撤回: the unit takes its report back before the office has acted.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        Require(ReportAction.Withdraw);
        Status = ReportStatus.Withdrawn;
        LiveKey = null;
        ReviewedAt = now;
    }

    /// <summary>The unit corrects its report before the office has acted; it stays submitted.</summary>
    public void Edit(int progress, string text, DateTimeOffset now)
    {
        Require(ReportAction.Edit);
        Progress = progress;
        Text = text;
        EditedAt = now;
    }

    /// <summary>销号 of the task accepts what is still waiting (the office has decided on the whole task).</summary>
    public void AcceptWithCloseOut(string byName, DateTimeOffset now)
    {
        if (Status != ReportStatus.Submitted) return;
        Approve(byName, "随任务销号通过", now);
    }

    private void Require(ReportAction action)
    {
        if (!Allows(Status, action))
            throw new RuleException(Status switch
            {
                ReportStatus.Approved => "该填报已通过审核，不能再变更",
                ReportStatus.Returned => "该填报已退回",
                ReportStatus.Withdrawn => "该填报已撤回",
                _ => "当前状态不允许此操作",
            });
    }
}

/// <summary>已提交, 已通过, 已退回, 已撤回 (API: submitted, approved, returned, withdrawn).</summary>
public enum ReportStatus { [Display(Name = "待审核")] Submitted, [Display(Name = "已退回")] Returned, [Display(Name = "已通过")] Approved, [Display(Name = "已撤回")] Withdrawn }

public enum ReportAction { Approve, Return, Withdraw, Edit }

/// <summary>A state rule of an entity refused the change: answered as 409 with this title.</summary>
public sealed class RuleException(string title) : InvalidOperationException(title);
