using Microsoft.Extensions.Options;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data;

/// <summary>
/// Reads the global <see cref="DataVersion"/> with one primary-key command on a pooled connection of the ledger's
/// database (<see cref="LedgerDatabase.Connection"/>) — no DbContext — for the response cache's check on every request.
/// </summary>
public sealed class DataVersions(IOptions<LedgerOptions> options)
{
    private const string Sql = "SELECT \"Value\" FROM \"DataVersions\" WHERE \"Id\" = 1";
    private readonly string _db = LedgerDatabase.Store(options.Value.Db);

    public async Task<long> CurrentAsync(CancellationToken ct)
    {
        await using var connection = LedgerDatabase.Connection(_db);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
