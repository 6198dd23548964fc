using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class UnitEntityTypeConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.Aliases).HasMaxLength(1000);
        b.Property(u => u.Email).HasMaxLength(500);
        b.Property(u => u.WebhookUrl).HasMaxLength(500);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.OrganisationId, u.Name });
    }
}
