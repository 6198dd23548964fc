using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data;

/// <summary>
/// Reads the global <see cref="DataVersion"/> with one primary-key command on a pooled connection of the ledger's
/// database — no DbContext — for the response cache's check on every request.
/// </summary>
public sealed class DataVersions(IOptions<LedgerOptions> options)
{
    private const string Sql = "SELECT \"Value\" FROM \"DataVersions\" WHERE \"Id\" = 1";
    private readonly string _db = string.IsNullOrWhiteSpace(options.Value.Db) ? LedgerDatabase.DefaultSqlitePath : options.Value.Db;
    private string? _connectionString;

    private DbConnection Connection()
    {
        if (LedgerDatabase.IsPostgres(_db))
            return new NpgsqlConnection(_connectionString ??= LedgerDatabase.PostgresConnectionString(_db));
        return new SqliteConnection(_connectionString ??=
            _db.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) ? _db : $"Data Source={_db}");
    }

    public async Task<long> CurrentAsync(CancellationToken ct)
    {
        await using var connection = Connection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
