using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Security;

/// <summary>
/// The one place where a change that matters for signing in ends the user's sessions: when a user's password, role,
/// organisation, unit or active state changes, a new security stamp is written with it (whichever code path made the
/// change), and the cached stamp is dropped once the change is saved.
/// </summary>
public sealed class UserStampInterceptor(SecurityStamps stamps) : SaveChangesInterceptor
{
    private readonly HashSet<int> _changed = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Rotate(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Rotate(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget();
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Forget();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    private void Rotate(DbContext? context)
    {
        if (context is null) return;
        foreach (var e in context.ChangeTracker.Entries<AppUser>())
        {
            if (e.State == EntityState.Deleted) { _changed.Add(e.Entity.Id); continue; }
            if (e.State != EntityState.Modified) continue;
            var stamp = e.Property(u => u.SecurityStamp);
            var sessionChange = AppUser.SessionProperties.Any(p => e.Property(p) is { IsModified: true } x && !Equals(x.OriginalValue, x.CurrentValue));
            if (sessionChange && Equals(stamp.OriginalValue, stamp.CurrentValue))
                e.Entity.SecurityStamp = AppUser.NewSecurityStamp();
            if (sessionChange || !Equals(stamp.OriginalValue, stamp.CurrentValue)) _changed.Add(e.Entity.Id);
        }
    }

    private void Forget()
    {
        foreach (var id in _changed) stamps.Invalidate(id);
        _changed.Clear();
    }
}
