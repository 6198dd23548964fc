using Microsoft.EntityFrameworkCore;

namespace PlanLedger.Web.Data;

/// <summary>
/// A compiled EF query, compiled once per database provider: a compiled query keeps the SQL of the provider it was
/// first run on, and one process may hold contexts of both (the test suite runs every class on SQLite and PostgreSQL).
/// </summary>
public sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private TQuery? _sqlite, _postgres;

    public TQuery For(DbContext db) => db.Database.IsSqlite() ? _sqlite ??= compile() : _postgres ??= compile();
}
