using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class NotificationEntityTypeConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Period).HasMaxLength(7);
        b.Property(n => n.Message).HasMaxLength(1000);
        b.Property(n => n.Link).HasMaxLength(200);
        b.Ignore(n => n.Href);
        b.Property(n => n.DedupeKey).HasMaxLength(100);
        b.Property(n => n.DispatchAttempts).IsConcurrencyToken();
        b.HasOne(n => n.Task).WithMany().HasForeignKey(n => n.TaskId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => n.DedupeKey).IsUnique();
        b.HasIndex(n => new { n.UnitId, n.ReadAt });
        b.HasIndex(n => new { n.OrganisationId, n.ReadAt });
        b.HasIndex(n => n.DispatchedAt);
    }
}
