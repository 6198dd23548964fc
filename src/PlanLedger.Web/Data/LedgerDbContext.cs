using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data;

/// <summary>The ledger database: one model for SQLite and PostgreSQL (migrations live in one assembly per provider).</summary>
public sealed class LedgerDbContext : IdentityDbContext<AppUser, IdentityRole<int>, int>, IDataProtectionKeyContext
{
    /// <summary>
    /// No automatic savepoints: EF would wrap every SaveChanges inside a transaction in <c>SAVEPOINT</c> … <c>RELEASE</c>
    /// — two round trips per save, four for a save with its audit rows, all while the writer holds the plan's lock
    /// (docs/scale.md §27). Nothing here goes on in a transaction after a failed save: every caller answers and the
    /// transaction rolls back as a whole.
    /// </summary>
    public LedgerDbContext(DbContextOptions<LedgerDbContext> options) : base(options) => Database.AutoSavepointsEnabled = false;

    /// <summary>The data-protection key ring (cookies, antiforgery, bearer tokens), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    /// <summary>When each background job last ran, so that several instances run it once per schedule.</summary>
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    /// <summary>The data version every write moves (<see cref="DataVersionInterceptor"/>), read by the response cache.</summary>
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    /// <summary>Set while <see cref="LedgerApp.InitializeAsync(IServiceProvider, TextWriter?)"/> migrates: the schema's own
    /// commands (the version's table may not exist yet) move no data version.</summary>
    internal bool Migrating { get; set; }
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanSource> PlanSources => Set<PlanSource>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<TaskUnit> TaskUnits => Set<TaskUnit>();
    public DbSet<TaskTarget> Targets => Set<TaskTarget>();
    public DbSet<ProgressReport> Reports => Set<ProgressReport>();
    public DbSet<ReportActual> ReportActuals => Set<ReportActual>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<InspectionRound> InspectionRounds => Set<InspectionRound>();
    public DbSet<InspectionVisit> InspectionVisits => Set<InspectionVisit>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<FindingEvent> FindingEvents => Set<FindingEvent>();
    public DbSet<FindingEvidence> FindingEvidence => Set<FindingEvidence>();
    public DbSet<InspectionBulletin> InspectionBulletins => Set<InspectionBulletin>();
    public DbSet<AssessmentScheme> AssessmentSchemes => Set<AssessmentScheme>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<DocumentDraft> DocumentDrafts => Set<DocumentDraft>();
    public DbSet<PublicPlan> PublicPlans => Set<PublicPlan>();
    public DbSet<SupervisionNotice> Supervisions => Set<SupervisionNotice>();
    public DbSet<SupervisionTask> SupervisionTasks => Set<SupervisionTask>();
    public DbSet<SupervisionUnit> SupervisionUnits => Set<SupervisionUnit>();
    public DbSet<SupervisionEvent> SupervisionEvents => Set<SupervisionEvent>();
    public DbSet<SupervisionAttachment> SupervisionAttachments => Set<SupervisionAttachment>();
    public DbSet<TaskRequest> TaskRequests => Set<TaskRequest>();
    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();
    public DbSet<TaskEvent> TaskEvents => Set<TaskEvent>();
    public DbSet<LeaderComment> LeaderComments => Set<LeaderComment>();
    public DbSet<UrgeRecord> UrgeRecords => Set<UrgeRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LedgerDbContext).Assembly);
        // Optimistic concurrency: every edited row carries a version that each UPDATE checks.
        foreach (var e in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            builder.Entity(e.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: store UTC ticks so that ordering and range filters run in SQL.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
