using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class PlanEntityTypeConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Title).HasMaxLength(500);
        b.Property(p => p.Issuer).HasMaxLength(200);
        b.Property(p => p.DocNumber).HasMaxLength(100);
        b.Property(p => p.Date).HasMaxLength(10);
        b.Property(p => p.SourceFileName).HasMaxLength(260);
        b.Property(p => p.Format).HasMaxLength(10);
        b.Property(p => p.Sha256).HasMaxLength(64);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.OrganisationId, p.Sha256 }).IsUnique();
        b.HasIndex(p => new { p.OrganisationId, p.Year });
        b.HasOne(p => p.Source).WithOne().HasForeignKey<PlanSource>(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanSourceEntityTypeConfiguration : IEntityTypeConfiguration<PlanSource>
{
    public void Configure(EntityTypeBuilder<PlanSource> b)
    {
        b.ToTable("PlanSources");
        b.HasKey(s => s.PlanId);
        b.Property(s => s.PlanId).ValueGeneratedNever();
    }
}
