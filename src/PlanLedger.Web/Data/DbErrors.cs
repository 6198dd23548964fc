using Microsoft.EntityFrameworkCore;

namespace PlanLedger.Web.Data;

/// <summary>Recognises the database refusing a write because a unique index already holds the value (both providers).</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == "23505",
        _ => false,
    };
}
