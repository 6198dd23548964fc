namespace PlanLedger.Web;

/// <summary>Settings (section "PlanLedger"; PLANLEDGER_DB and PLANLEDGER_ADMIN_PASSWORD override).</summary>
public sealed class LedgerOptions
{
    /// <summary>A SQLite file path or "Data Source=…", or a PostgreSQL connection string ("Host=…").</summary>
    public string? Db { get; set; }
    /// <summary>Folder for evidence files (default ./data; data-protection keys live in the database).</summary>
    public string DataDirectory { get; set; } = "./data";
    public string? AdminPassword { get; set; }
    /// <summary>Name of the organisation created on first start.</summary>
    public string OrganisationName { get; set; } = "本级教育局";
    /// <summary>Largest upload the import accepts (default 20 MB; larger → 413).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;
    /// <summary>Most items (tasks, sections, measures) one imported document may have (default 2,000; more → 422).</summary>
    public int MaxImportItems { get; set; } = 2000;
    /// <summary>The parse worker: a path to planledger.dll or an executable; null = beside the application; "off" = in-process.</summary>
    public string? ParseWorker { get; set; }
    /// <summary>Wall-clock limit of one import's parse (default 60 s).</summary>
    public TimeSpan ParseWallTime { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>CPU-time limit of one import's parse (default 30 s).</summary>
    public TimeSpan ParseCpuTime { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>GC heap limit of the parse worker (default 1 GiB).</summary>
    public long ParseMemoryBytes { get; set; } = 1L << 30;
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
    /// <summary>
    /// How long the menu's unread-notification count of a unit or office, once counted, is shown without counting again
    /// (zero: counted on every page). Notifications written or read through this server show at once; this bounds the
    /// delay for those of another server process on the same database.
    /// </summary>
    public TimeSpan UnreadCountCacheFor { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How long an organisation's 下级汇总 (roll-up) figures, once computed, are served as they are (zero: never kept).</summary>
    public TimeSpan RollupCacheFor { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>The most memory (MB, estimated) the whole-plan read cache of one instance holds (<c>PlanReadCache</c>; 0: no cache).</summary>
    public int PlanCacheMegabytes { get; set; } = 256;
    /// <summary>
    /// How long a signed-in GET's whole response, kept under the data version every write moves, may be served again
    /// (zero: never kept; <c>Features/Shared/WholeResponseCache.cs</c>). A write anywhere shows at once; this bounds what moves
    /// without a write — the clock, and the few-second caches of another instance's writes.
    /// </summary>
    public TimeSpan ResponseCacheFor { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// The longest the data-version read behind that cache may take (<c>Data/DataVersions.cs</c>): past it the read gives
    /// up and requests are answered without the cache, so a locked or hung database holds no page for the 30 s of a
    /// default command timeout.
    /// </summary>
    public TimeSpan DataVersionReadTimeout { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>The most memory (MB) the whole-response cache of one instance holds.</summary>
    public int ResponseCacheMegabytes { get; set; } = 64;
    /// <summary>How often files without rows and rows without files are cleaned up (zero: never).</summary>
    public TimeSpan EvidenceCleanupInterval { get; set; } = TimeSpan.FromHours(6);
    /// <summary>A file without a row younger than this is an upload in progress and is left alone.</summary>
    public TimeSpan EvidenceOrphanGrace { get; set; } = TimeSpan.FromHours(1);
    /// <summary>The IANA time zone times are shown in when an organisation sets none (default Asia/Shanghai).</summary>
    public string TimeZone { get; set; } = Features.Shared.Shanghai.DefaultId;
    /// <summary>Folder of the evidence files (default DataDirectory/files). Several instances must share it (one network
    /// folder mounted on every instance), as they share the database.</summary>
    public string FilesDirectory
    {
        get => string.IsNullOrWhiteSpace(_filesDirectory) ? Path.Combine(DataDirectory, "files") : _filesDirectory;
        set => _filesDirectory = value;
    }
    private string? _filesDirectory;
}
