using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class JobRunEntityTypeConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasKey(j => j.Name);
        b.Property(j => j.Name).HasMaxLength(100);
        b.Property(j => j.Instance).HasMaxLength(200);
    }
}

internal sealed class DataProtectionKeyEntityTypeConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.Property(k => k.FriendlyName).HasMaxLength(200);
}
