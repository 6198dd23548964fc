using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class InspectionRoundEntityTypeConfiguration : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> b)
    {
        b.ToTable("InspectionRounds");
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Description).HasMaxLength(4000);
        b.Property(r => r.CreatedByName).HasMaxLength(100);
        b.Property(r => r.DrawnByName).HasMaxLength(100);
        b.Property(r => r.Seed).HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Ignore(r => r.Drawn);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.ScopeUnits).WithOne().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Inspectors).WithOne().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.DrawnVisits).WithOne().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.OrganisationId, r.DrawnAt });
    }
}

internal sealed class InspectionScopeUnitEntityTypeConfiguration : IEntityTypeConfiguration<InspectionScopeUnit>
{
    public void Configure(EntityTypeBuilder<InspectionScopeUnit> b)
    {
        b.ToTable("InspectionScopeUnits");
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.RoundId, s.UnitId }).IsUnique();
    }
}

internal sealed class InspectionInspectorEntityTypeConfiguration : IEntityTypeConfiguration<InspectionInspector>
{
    public void Configure(EntityTypeBuilder<InspectionInspector> b)
    {
        b.ToTable("InspectionInspectors");
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.RoundId, s.UserId }).IsUnique();
    }
}

internal sealed class InspectionVisitEntityTypeConfiguration : IEntityTypeConfiguration<InspectionVisit>
{
    public void Configure(EntityTypeBuilder<InspectionVisit> b)
    {
        b.ToTable("InspectionVisits");
        b.HasOne(v => v.Unit).WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Inspectors).WithOne().HasForeignKey(i => i.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.RoundId, v.UnitId }).IsUnique();
        b.HasIndex(v => v.UnitId);
    }
}

internal sealed class InspectionVisitInspectorEntityTypeConfiguration : IEntityTypeConfiguration<InspectionVisitInspector>
{
    public void Configure(EntityTypeBuilder<InspectionVisitInspector> b)
    {
        b.ToTable("InspectionVisitInspectors");
        b.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.VisitId, i.UserId }).IsUnique();
        b.HasIndex(i => i.UserId);
    }
}
