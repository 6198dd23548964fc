using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class UpperLinkEntityTypeConfiguration : IEntityTypeConfiguration<UpperLink>
{
    public void Configure(EntityTypeBuilder<UpperLink> b)
    {
        b.ToTable("UpperLinks");
        b.Property(l => l.CreatedByName).HasMaxLength(100);
        b.Property(l => l.UpdatedByName).HasMaxLength(100);
        b.HasOne(l => l.Plan).WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.UpperPlan).WithMany().HasForeignKey(l => l.UpperPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Pairs).WithOne(p => p.Link).HasForeignKey(p => p.UpperLinkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.PlanId).IsUnique();
        b.HasIndex(l => l.UpperPlanId);
    }
}

internal sealed class UpperTaskLinkEntityTypeConfiguration : IEntityTypeConfiguration<UpperTaskLink>
{
    public void Configure(EntityTypeBuilder<UpperTaskLink> b)
    {
        b.ToTable("UpperTaskLinks");
        b.Property(p => p.Decision).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.DecidedByName).HasMaxLength(100);
        b.HasOne(p => p.Task).WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.UpperTask).WithMany().HasForeignKey(p => p.UpperTaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.UpperLinkId, p.TaskId, p.UpperTaskId }).IsUnique();
        // one upper task per county task: the county task's id while confirmed, NULL otherwise
        b.HasIndex(p => p.ConfirmedTaskId).IsUnique();
        // the city's 下级落实 view reads the pairs of its own tasks
        b.HasIndex(p => new { p.UpperTaskId, p.Decision });
    }
}
