using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.Entity).HasMaxLength(50);
        b.Property(a => a.EntityId).HasMaxLength(50);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.ActorOrganisationPath).HasMaxLength(400);
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.ActorOrganisationPath);
        b.HasIndex(a => new { a.Entity, a.EntityId });
    }
}
