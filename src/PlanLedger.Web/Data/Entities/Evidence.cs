namespace PlanLedger.Web.Data.Entities;

/// <summary>An evidence file attached to a report; the bytes live under the data folder, not in the database.</summary>
public sealed class Evidence
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public ProgressReport? Report { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Relative path under the files folder (random name, never the user's file name).</summary>
    public string StoredName { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
