using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class SupervisionNoticeEntityTypeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> b)
    {
        b.ToTable("SupervisionNotices");
        b.Property(n => n.Number).HasMaxLength(40);
        b.Property(n => n.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(n => n.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(n => n.Reason).HasMaxLength(2000);
        b.Property(n => n.IssuedByName).HasMaxLength(100);
        b.Property(n => n.ReplyText).HasMaxLength(4000);
        b.Property(n => n.StopReason).HasMaxLength(2000);
        b.HasOne(n => n.Organisation).WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Tasks).WithOne().HasForeignKey(t => t.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Units).WithOne().HasForeignKey(t => t.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.History).WithOne().HasForeignKey(t => t.NoticeId).OnDelete(DeleteBehavior.Cascade);
        // 督办〔2026〕12号: numbers run per organisation and year; a concurrent issue that takes the same number retries.
        b.HasIndex(n => new { n.OrganisationId, n.Year, n.Sequence }).IsUnique();
        b.HasIndex(n => new { n.OrganisationId, n.State });
    }
}

internal sealed class SupervisionTaskEntityTypeConfiguration : IEntityTypeConfiguration<SupervisionTask>
{
    public void Configure(EntityTypeBuilder<SupervisionTask> b)
    {
        b.ToTable("SupervisionTasks");
        b.HasOne(t => t.Task).WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.TaskId, t.NoticeId }).IsUnique();
    }
}

internal sealed class SupervisionUnitEntityTypeConfiguration : IEntityTypeConfiguration<SupervisionUnit>
{
    public void Configure(EntityTypeBuilder<SupervisionUnit> b)
    {
        b.ToTable("SupervisionUnits");
        b.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.UnitId, t.NoticeId }).IsUnique();
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(t => t.ReplyText).HasMaxLength(4000);
    }
}

internal sealed class SupervisionEventEntityTypeConfiguration : IEntityTypeConfiguration<SupervisionEvent>
{
    public void Configure(EntityTypeBuilder<SupervisionEvent> b)
    {
        b.ToTable("SupervisionEvents");
        b.Property(e => e.Step).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.FromState).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ToState).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.ByName).HasMaxLength(100);
        b.Property(e => e.Text).HasMaxLength(4000);
        b.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupervisionAttachmentEntityTypeConfiguration : IEntityTypeConfiguration<SupervisionAttachment>
{
    public void Configure(EntityTypeBuilder<SupervisionAttachment> b)
    {
        b.ToTable("SupervisionAttachments");
        b.Property(a => a.FileName).HasMaxLength(260);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StoredName).HasMaxLength(100);
    }
}
