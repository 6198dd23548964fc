namespace PlanLedger.Web;

/// <summary>Settings (section "PlanLedger"; PLANLEDGER_DB and PLANLEDGER_ADMIN_PASSWORD override).</summary>
public sealed class LedgerOptions
{
    /// <summary>A SQLite file path or "Data Source=…", or a PostgreSQL connection string ("Host=…").</summary>
    public string? Db { get; set; }
    /// <summary>Folder for evidence files and data-protection keys (default ./data).</summary>
    public string DataDirectory { get; set; } = "./data";
    public string? AdminPassword { get; set; }
    /// <summary>Name of the organisation created on first start.</summary>
    public string OrganisationName { get; set; } = "本级教育局";
    public long MaxUploadBytes { get; set; } = 32L * 1024 * 1024;
    public long MaxEvidenceBytes { get; set; } = 10L * 1024 * 1024;
    /// <summary>How often the reminder job runs.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Reports due within this many days are announced to the unit.</summary>
    public int ReminderDaysAhead { get; set; } = 5;
    /// <summary>How long an API bearer token lives (it also ends at once when the user's security stamp changes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>
    /// How long a user's security stamp, once read, is trusted by the per-request session check. Changes made by this
    /// server end sessions at once; this bounds the delay for changes made by another server process.
    /// </summary>
    public TimeSpan SessionStampCacheFor { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How often files without rows and rows without files are cleaned up (zero: never).</summary>
    public TimeSpan EvidenceCleanupInterval { get; set; } = TimeSpan.FromHours(6);
    /// <summary>A file without a row younger than this is an upload in progress and is left alone.</summary>
    public TimeSpan EvidenceOrphanGrace { get; set; } = TimeSpan.FromHours(1);
    public string FilesDirectory => Path.Combine(DataDirectory, "files");
}
