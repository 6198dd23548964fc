using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class FindingEntityTypeConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTable("Findings");
        b.Property(f => f.Description).HasMaxLength(4000);
        b.Property(f => f.Requirement).HasMaxLength(4000);
        b.Property(f => f.RecordedByName).HasMaxLength(100);
        b.Property(f => f.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        b.Ignore(f => f.AwaitsRectification);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne(f => f.Round).WithMany().HasForeignKey(f => f.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Tasks).WithOne().HasForeignKey(t => t.FindingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Events).WithOne().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.RoundId, f.Number }).IsUnique();
        b.HasIndex(f => new { f.UnitId, f.Status });
        b.HasIndex(f => new { f.Status, f.Deadline });
    }
}

internal sealed class FindingTaskEntityTypeConfiguration : IEntityTypeConfiguration<FindingTask>
{
    public void Configure(EntityTypeBuilder<FindingTask> b)
    {
        b.ToTable("FindingTasks");
        b.HasOne(t => t.Task).WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.FindingId, t.TaskId }).IsUnique();
        b.HasIndex(t => t.TaskId);
    }
}

internal sealed class FindingEventEntityTypeConfiguration : IEntityTypeConfiguration<FindingEvent>
{
    public void Configure(EntityTypeBuilder<FindingEvent> b)
    {
        b.ToTable("FindingEvents");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Text).HasMaxLength(4000);
        b.Property(e => e.ByName).HasMaxLength(100);
        b.HasMany(e => e.Evidence).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.FindingId);
    }
}

internal sealed class FindingEvidenceEntityTypeConfiguration : IEntityTypeConfiguration<FindingEvidence>
{
    public void Configure(EntityTypeBuilder<FindingEvidence> b)
    {
        b.ToTable("FindingEvidence");
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.StoredName).HasMaxLength(100);
        b.HasIndex(e => e.EventId);
    }
}

internal sealed class InspectionBulletinEntityTypeConfiguration : IEntityTypeConfiguration<InspectionBulletin>
{
    public void Configure(EntityTypeBuilder<InspectionBulletin> b)
    {
        b.ToTable("InspectionBulletins");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Overview).HasMaxLength(20000);
        b.Property(x => x.GoodPractice).HasMaxLength(20000);
        b.Property(x => x.Findings).HasMaxLength(20000);
        b.Property(x => x.Requirements).HasMaxLength(20000);
        b.Property(x => x.PublishedByName).HasMaxLength(100);
        b.Ignore(x => x.Published);
        b.HasOne(x => x.Round).WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RoundId).IsUnique();
    }
}
