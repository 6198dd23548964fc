using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class DataVersionEntityTypeConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new DataVersion { Id = DataVersion.Global, Value = 0 });
    }
}
