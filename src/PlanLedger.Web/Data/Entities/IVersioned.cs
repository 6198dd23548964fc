namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// A row people edit: <see cref="Version"/> grows by one with every change a person makes (see
/// <see cref="VersionInterceptor"/>) and is a concurrency token, so a write based on an older version changes nothing
/// and is answered 409 with the current values (optimistic concurrency, the same on SQLite and PostgreSQL).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
