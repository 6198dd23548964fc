using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class ProgressReportEntityTypeConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("ProgressReports");
        b.Property(r => r.Period).HasMaxLength(7);
        b.Property(r => r.SubmittedByName).HasMaxLength(100);
        b.Property(r => r.ReviewComment).HasMaxLength(2000);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(r => r.LiveKey).HasMaxLength(40);
        b.Property(r => r.ReviewedByName).HasMaxLength(100);
        // One live (submitted or approved) report per task, unit and period; NULL (returned, withdrawn) repeats freely.
        b.HasIndex(r => r.LiveKey).IsUnique();
        b.HasOne(r => r.Task).WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Actuals).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Evidence).WithOne(e => e.Report).HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.TaskId, r.Period });
        b.HasIndex(r => new { r.UnitId, r.Period });
        // 待审核 counts and inbox: the few submitted reports among millions of approved ones.
        b.HasIndex(r => new { r.Status, r.TaskId });
    }
}
