namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// An in-app notification for a unit (<see cref="UnitId"/>) or for an organisation's office (<see cref="OrganisationId"/>
/// with no unit): reminders of the hourly job, and every decision of the supervision loop (退回, 通过, 催办, 督办单 …).
/// E-mail and webhook copies are sent by the dispatcher (<see cref="DispatchedAt"/>).
/// </summary>
public sealed class Notification
{
    public int Id { get; set; }
    public int? UnitId { get; set; }
    public int? OrganisationId { get; set; }
    public int? TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public NotificationKind Kind { get; set; }
    public string Period { get; set; } = "";
    public string Message { get; set; } = "";
    /// <summary>The page the notification is about ("/Supervisions/4").</summary>
    public string? Link { get; set; }
    /// <summary>"unit|task|kind|period" for the reminder job's notifications (exist once); null for events.</summary>
    public string? DedupeKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>When the e-mail/webhook copies were sent (or found not configured); null while waiting.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }
    public int DispatchAttempts { get; set; }

    /// <summary>Where the notification leads: its <see cref="Link"/>, else the task page.</summary>
    public string Href => Link ?? $"/Tasks/{TaskId}";
}

public enum NotificationKind
{
    ReportDueSoon, ReportMissing, TaskOverdue,
    ReportReturned, ReportApproved, Urged,
    SupervisionIssued, SupervisionReturned, SupervisionClosed, SupervisionEscalated, SupervisionStopped,
    SupervisionReplied, EscalationProposed,
    ExtensionDecided, CloseOutDecided, RequestSubmitted, CloseOutUndone, LeaderComment,
    FindingNew, FindingReopened, BulletinPublished,
}
