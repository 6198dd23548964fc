namespace PlanLedger.Web.Data.Entities;

/// <summary>An in-app reminder for a unit: a report due soon or missing, a task that became overdue, or an inspection matter
/// (a new or reopened finding, a published bulletin — these carry no task, but a <see cref="Link"/>).</summary>
public sealed class Notification
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int? TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public NotificationKind Kind { get; set; }
    public string Period { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>Where the notification leads when it is not about a task (a finding, a bulletin); null → the task page.</summary>
    public string? Link { get; set; }

    public string Href => Link ?? $"/Tasks/{TaskId}";
}

public enum NotificationKind { ReportDueSoon, ReportMissing, TaskOverdue, FindingNew, FindingReopened, BulletinPublished }
