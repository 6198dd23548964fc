using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class TaskTargetEntityTypeConfiguration : IEntityTypeConfiguration<TaskTarget>
{
    public void Configure(EntityTypeBuilder<TaskTarget> b)
    {
        b.ToTable("TaskTargets");
        b.Property(t => t.Text).HasMaxLength(500);
        b.Property(t => t.Unit).HasMaxLength(50);
        b.Property(t => t.Op).HasMaxLength(2);
        b.Property(t => t.Value).HasPrecision(18, 4);
        b.Property(t => t.Actual).HasPrecision(18, 4);
        b.HasIndex(t => t.TaskId);
    }
}
