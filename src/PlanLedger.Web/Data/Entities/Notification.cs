namespace PlanLedger.Web.Data.Entities;

/// <summary>An in-app reminder for a unit: a report due soon or missing, or a task that became overdue.</summary>
public sealed class Notification
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public NotificationKind Kind { get; set; }
    public string Period { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

public enum NotificationKind { ReportDueSoon, ReportMissing, TaskOverdue }
