using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class TaskRequestEntityTypeConfiguration : IEntityTypeConfiguration<TaskRequest>
{
    public void Configure(EntityTypeBuilder<TaskRequest> b)
    {
        b.ToTable("TaskRequests");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.Property(r => r.RequestedByName).HasMaxLength(100);
        b.Property(r => r.DecidedByName).HasMaxLength(100);
        b.Property(r => r.DecisionComment).HasMaxLength(2000);
        b.HasOne(r => r.Task).WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.TaskId, r.State });
    }
}

internal sealed class RequestAttachmentEntityTypeConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> b)
    {
        b.ToTable("RequestAttachments");
        b.Property(a => a.FileName).HasMaxLength(260);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StoredName).HasMaxLength(100);
    }
}

internal sealed class TaskEventEntityTypeConfiguration : IEntityTypeConfiguration<TaskEvent>
{
    public void Configure(EntityTypeBuilder<TaskEvent> b)
    {
        b.ToTable("TaskEvents");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Text).HasMaxLength(2000);
        b.Property(e => e.ByName).HasMaxLength(100);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.TaskId);
    }
}

internal sealed class LeaderCommentEntityTypeConfiguration : IEntityTypeConfiguration<LeaderComment>
{
    public void Configure(EntityTypeBuilder<LeaderComment> b)
    {
        b.ToTable("LeaderComments");
        b.Property(c => c.AuthorName).HasMaxLength(100);
        b.Property(c => c.Text).HasMaxLength(2000);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<SupervisionNotice>().WithMany().HasForeignKey(c => c.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.TaskId);
        b.HasIndex(c => c.NoticeId);
    }
}

internal sealed class UrgeRecordEntityTypeConfiguration : IEntityTypeConfiguration<UrgeRecord>
{
    public void Configure(EntityTypeBuilder<UrgeRecord> b)
    {
        b.ToTable("UrgeRecords");
        b.Property(u => u.Period).HasMaxLength(7);
        b.Property(u => u.ByName).HasMaxLength(100);
        b.HasOne<Plan>().WithMany().HasForeignKey(u => u.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Cascade);
        // 催办 at most once a day per unit and period.
        b.HasIndex(u => new { u.PlanId, u.UnitId, u.Period, u.Day }).IsUnique();
    }
}
