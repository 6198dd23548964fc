using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PlanLedger.Web.Data;

namespace PlanLedger.Migrations.Postgres;

/// <summary>Used by <c>dotnet ef migrations add … --project src/PlanLedger.Migrations.Postgres</c>.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LedgerDbContext>
{
    public LedgerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LedgerDbContext>();
        LedgerDatabase.Configure(options, "Host=localhost;Database=planledger_design;Username=planledger;Password=planledger");
        return new LedgerDbContext(options.Options);
    }
}
