namespace PlanLedger.Web.Data.Entities;

/// <summary>One recorded change: who, when (UTC), which entity, what, and the values before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>The organisation path of the person who made the change (null for the system): who may read the entry.</summary>
    public string? ActorOrganisationPath { get; set; }
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>added, modified, deleted.</summary>
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}
