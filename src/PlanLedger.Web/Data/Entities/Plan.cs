namespace PlanLedger.Web.Data.Entities;

/// <summary>工作要点: an imported plan; a draft until the office publishes it as the year's ledger (台账).</summary>
public sealed class Plan : IVersioned
{
    /// <summary>Grows with every edit; sent back by pages and API to detect a stale write (409).</summary>
    public int Version { get; set; }
    public static readonly string[] Derived = [nameof(TaskCount)];
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string Title { get; set; } = "";
    public string? Issuer { get; set; }
    public int Year { get; set; }
    public string? DocNumber { get; set; }
    /// <summary>Issue or publication date written in the document (ISO yyyy-MM-dd), as the engine read it.</summary>
    public string? Date { get; set; }
    public PlanStatus Status { get; set; }
    public string SourceFileName { get; set; } = "";
    public string Format { get; set; } = "";
    /// <summary>SHA-256 (hex) of the uploaded file: the same file imported twice into one organisation is refused.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>The clean text the tasks' and targets' spans refer to, in its own table (<see cref="PlanSource"/>) so that
    /// reading a plan never reads its (often 100 KB) text; set it when adding a plan.</summary>
    public PlanSource? Source { get; set; }
    /// <summary>Day of the month on which the previous month's report is due (报送日).</summary>
    public int ReportDay { get; set; } = 5;
    public int TaskCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<PlanTask> Tasks { get; } = [];
}

public enum PlanStatus { Draft, Published }
