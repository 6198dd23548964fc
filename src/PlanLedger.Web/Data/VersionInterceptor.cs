using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data;

/// <summary>
/// Adds one to <see cref="IVersioned.Version"/> of every row a person changed (derived values such as a task's status
/// or progress excepted), whatever code path changed it. The version is a concurrency token: the UPDATE only matches
/// the version that was read, so of two writes based on one version exactly one succeeds.
/// </summary>
public sealed class VersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static string[] Derived(object entity) => entity switch
    {
        PlanTask => PlanTask.Derived,
        Plan => Plan.Derived,
        TaskTarget => TaskTarget.Derived,
        AppUser => AppUser.Derived,
        _ => [],
    };

    private static void Bump(DbContext? context)
    {
        if (context is null) return;
        foreach (var e in context.ChangeTracker.Entries<IVersioned>())
        {
            if (e.State != EntityState.Modified) continue;
            var version = e.Property(x => x.Version);
            if (version.IsModified && !Equals(version.OriginalValue, version.CurrentValue)) continue;
            var derived = Derived(e.Entity);
            var edited = e.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version)
                && !derived.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue));
            if (edited) e.Entity.Version = version.OriginalValue + 1;
        }
    }
}
