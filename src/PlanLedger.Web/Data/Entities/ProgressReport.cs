namespace PlanLedger.Web.Data.Entities;

/// <summary>进展情况: a unit's report on a task for one period (报送周期, "2026-05").</summary>
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
    public ReportStatus Status { get; set; }
    /// <summary>The office's comment when it returned (退回) the report.</summary>
    public string? ReviewComment { get; set; }
    public int SubmittedById { get; set; }
    public string SubmittedByName { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public List<ReportActual> Actuals { get; } = [];
    public List<Evidence> Evidence { get; } = [];
}

public enum ReportStatus { Submitted, Returned, Accepted }
