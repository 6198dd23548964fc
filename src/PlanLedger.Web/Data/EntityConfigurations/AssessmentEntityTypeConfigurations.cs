using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class AssessmentEntityTypeConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ConfirmedByName).HasMaxLength(200);
        b.Property(a => a.Inputs).HasMaxLength(Assessment.MaxJsonLength);
        b.Property(a => a.FrozenScheme).HasMaxLength(Assessment.MaxJsonLength);
        b.Property(a => a.FrozenResults).HasMaxLength(Assessment.MaxJsonLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.OrganisationId, a.Year, a.Version }).IsUnique();
        b.Ignore(a => a.IsCurrent);
    }
}

internal sealed class AssessmentSchemeEntityTypeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> b)
    {
        b.Property(a => a.UpdatedByName).HasMaxLength(200);
        b.Property(a => a.Definition).HasMaxLength(AssessmentScheme.MaxDefinitionLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.OrganisationId, a.Year }).IsUnique();
    }
}

internal sealed class DocumentDraftEntityTypeConfiguration : IEntityTypeConfiguration<DocumentDraft>
{
    public void Configure(EntityTypeBuilder<DocumentDraft> b)
    {
        b.Property(d => d.Kind).HasMaxLength(20);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.Text).HasMaxLength(DocumentDraft.MaxTextLength);
        b.Property(d => d.UpdatedByName).HasMaxLength(200);
        b.HasOne<Plan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.PlanId, d.Kind }).IsUnique();
    }
}

internal sealed class PublicPlanEntityTypeConfiguration : IEntityTypeConfiguration<PublicPlan>
{
    public void Configure(EntityTypeBuilder<PublicPlan> b)
    {
        b.Property(p => p.Token).HasMaxLength(40);
        b.Property(p => p.PublishedByName).HasMaxLength(200);
        b.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.Token).IsUnique();
        b.HasIndex(p => p.PlanId).IsUnique();
    }
}
