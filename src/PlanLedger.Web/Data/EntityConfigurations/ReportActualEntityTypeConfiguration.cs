using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class ReportActualEntityTypeConfiguration : IEntityTypeConfiguration<ReportActual>
{
    public void Configure(EntityTypeBuilder<ReportActual> b)
    {
        b.Property(a => a.Value).HasPrecision(18, 4);
        b.HasOne<TaskTarget>().WithMany().HasForeignKey(a => a.TargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.ReportId);
    }
}
