using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class TaskUnitEntityTypeConfiguration : IEntityTypeConfiguration<TaskUnit>
{
    public void Configure(EntityTypeBuilder<TaskUnit> b)
    {
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.Role).HasConversion<string>().HasMaxLength(10);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(u => new { u.UnitId, u.TaskId }).IsUnique();
        b.HasIndex(u => u.TaskId);
    }
}
