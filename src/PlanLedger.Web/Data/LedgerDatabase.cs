using Microsoft.EntityFrameworkCore;

namespace PlanLedger.Web.Data;

/// <summary>Chooses the provider from the configured store: a PostgreSQL connection string or a SQLite file.</summary>
public static class LedgerDatabase
{
    public const string SqliteMigrations = "PlanLedger.Migrations.Sqlite";
    public const string PostgresMigrations = "PlanLedger.Migrations.Postgres";
    public const string DefaultSqlitePath = "./data/planledger.db";

    public static bool IsPostgres(string db) =>
        db.Contains("Host=", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured store, or the default SQLite file when none is configured.</summary>
    public static string Store(string? db) => string.IsNullOrWhiteSpace(db) ? DefaultSqlitePath : db;

    public static void Configure(DbContextOptionsBuilder options, string? db)
    {
        db = Store(db);
        if (IsPostgres(db))
        {
            options.UseNpgsql(PostgresConnectionString(db), o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            options.UseSqlite(SqliteConnectionString(db), o => o.MigrationsAssembly(SqliteMigrations));
            options.AddInterceptors(new SqliteBusyTimeout(), new SqliteWriteGate());
        }
    }

    /// <summary>
    /// Connections to the store for a read that goes around EF Core and changes no session state — the response cache's
    /// data version on every request: each call of the returned function gives a new, unopened one (its string is made
    /// once). On PostgreSQL they come from a pool of their own whose connections are not reset when they return (no
    /// <c>DISCARD ALL</c> before the next use) and keep their prepared statement (auto-prepared as every statement of
    /// the app, <see cref="PostgresConnectionString"/>), so the read is one round trip of an already planned statement.
    /// </summary>
    public static Func<System.Data.Common.DbConnection> ReadConnections(string? db)
    {
        db = Store(db);
        if (!IsPostgres(db))
        {
            var sqlite = SqliteConnectionString(db);
            return () => new Microsoft.Data.Sqlite.SqliteConnection(sqlite);
        }
        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString(db))
        {
            NoResetOnClose = true,
        }.ConnectionString;
        return () => new Npgsql.NpgsqlConnection(postgres);
    }

    /// <summary>A SQLite store given as a file path or as a whole connection string.</summary>
    public static string SqliteConnectionString(string db) =>
        db.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) ? db : $"Data Source={db}";

    /// <summary>
    /// The PostgreSQL connection string as the app uses it: JIT compilation off unless the string sets <c>jit</c> itself.
    /// The ledger's queries are short OLTP reads whose estimated cost on a province's tables crosses
    /// <c>jit_above_cost</c>; compiling them took a second per dashboard and saved nothing (docs/scale.md).
    /// And its statements prepared once they repeat (<c>Max Auto Prepare=64</c>, unless the string sets it): the same few
    /// dozen statements run on every request, each otherwise parsed and planned again — a report POST sends eight under
    /// the plan's lock (docs/scale.md §27). Npgsql keeps them across the pool's reset of a returned connection.
    /// </summary>
    public static string PostgresConnectionString(string db)
    {
        // Asked for every DbContext (every request): parsed once per configured string (one reference, swapped whole).
        if (_lastPostgres is { } last && last.Given == db) return last.Used;
        var used = WithAppDefaults(db);
        _lastPostgres = new PostgresString(db, used);
        return used;
    }

    private sealed record PostgresString(string Given, string Used);
    private static PostgresString? _lastPostgres;

    private static string WithAppDefaults(string db)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(db);
        if (b.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            b.Options = string.IsNullOrWhiteSpace(b.Options) ? "-c jit=off" : $"{b.Options} -c jit=off";
        if (!db.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !db.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            b.MaxAutoPrepare = 64;
            b.AutoPrepareMinUsages = 2;
        }
        return b.ConnectionString;
    }

    /// <summary>Creates the SQLite file's folder when needed.</summary>
    public static void EnsureFolder(string? db)
    {
        db = Store(db);
        if (IsPostgres(db)) return;
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(SqliteConnectionString(db)).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
