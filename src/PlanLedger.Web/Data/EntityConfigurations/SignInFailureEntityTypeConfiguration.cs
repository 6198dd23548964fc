using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

internal sealed class SignInFailureEntityTypeConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.HasKey(f => f.NormalizedUserName);
        b.Property(f => f.NormalizedUserName).HasMaxLength(256); // Identity's user name length
        b.HasIndex(f => f.LastFailedAt); // pruning old rows
    }
}
