using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class PlanTaskEntityTypeConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("PlanTasks");
        b.Property(t => t.Path).HasMaxLength(200);
        b.Property(t => t.Label).HasMaxLength(50);
        b.Property(t => t.Section).HasMaxLength(50);
        b.Property(t => t.Heading).HasMaxLength(1000);
        b.Property(t => t.Deadline).HasMaxLength(100);
        b.Property(t => t.LeadNames).HasMaxLength(1000);
        b.Property(t => t.SupportNames).HasMaxLength(1000);
        b.Property(t => t.LastReportPeriod).HasMaxLength(7);
        b.Property(t => t.Status).HasConversion(StatusNames.Converter).HasMaxLength(20);
        b.Property(t => t.ClosedAt).IsConcurrencyToken();
        b.Property(t => t.CloseReason).HasMaxLength(2000);
        b.Property(t => t.PairedRow).HasMaxLength(PlanTask.MaxPairedRowLength);
        b.Property(t => t.ClosedByName).HasMaxLength(100);
        b.Property(t => t.Source).HasConversion<string>().HasMaxLength(30);
        b.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.NoAction);
        b.HasMany(t => t.Units).WithOne(u => u.Task).HasForeignKey(u => u.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Targets).WithOne(x => x.Task).HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.PlanId, t.Order });
        b.HasIndex(t => new { t.PlanId, t.Status });
        b.HasIndex(t => new { t.PlanId, t.DueDate });
        b.HasIndex(t => new { t.PlanId, t.Section });
        b.HasIndex(t => t.ParentId);
        // no foreign key: last year's plan may be removed (archived) without touching this year's
        b.HasIndex(t => t.PreviousTaskId);
        // A plan's sections (ParentId IS NULL): without it SQLite walks the ParentId index's NULLs of every plan (docs/scale.md).
        b.HasIndex(t => new { t.PlanId, t.ParentId });
    }
}
