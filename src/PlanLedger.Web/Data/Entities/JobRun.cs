namespace PlanLedger.Web.Data.Entities;

/// <summary>The last run of a background job (reminders, escalation, evidence cleanup) across all instances: written
/// under the job's advisory lock, read to skip a schedule another instance has already served.</summary>
public sealed class JobRun
{
    public string Name { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Which instance ran it (host name and process id).</summary>
    public string Instance { get; set; } = "";
}
