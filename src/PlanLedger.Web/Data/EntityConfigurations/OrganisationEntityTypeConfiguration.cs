using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class OrganisationEntityTypeConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Path).HasMaxLength(400);
        b.Property(o => o.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.TimeZone).HasMaxLength(64);
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.Path);
    }
}
