using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PlanLedger.Web.Data;

namespace PlanLedger.Migrations.Sqlite;

/// <summary>Used by <c>dotnet ef migrations add … --project src/PlanLedger.Migrations.Sqlite</c>.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LedgerDbContext>
{
    public LedgerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LedgerDbContext>();
        LedgerDatabase.Configure(options, "Data Source=design-time.db");
        return new LedgerDbContext(options.Options);
    }
}
