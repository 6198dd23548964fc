using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Notifications;

/// <summary>
/// Tells <see cref="UnreadCounts"/> when a save changed what an unread count counts: a notification added or deleted,
/// or its read mark or recipient changed (not the dispatcher's delivery columns). Told after the save and again when
/// the transaction around it commits, so a page view between the two cannot keep the count of before the commit.
/// The flag survives a nested save: the audit writes its rows with a second SaveChanges from inside the first one's
/// SavedChanges, which runs SavingChanges here again, with no notification in it.
/// </summary>
public sealed class UnreadCountInterceptor(UnreadCounts counts) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _saving, _pending;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _saving |= Affects(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _saving |= Affects(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _saving = false;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _saving = false;
        return Task.CompletedTask;
    }

    private void Saved(DbContext? context)
    {
        if (!_saving) return;
        _saving = false;
        counts.Changed();
        // Inside a caller's transaction the rows are not visible to other connections yet: once more at the commit.
        if (context?.Database.CurrentTransaction is not null) _pending = true;
    }

    private static bool Affects(DbContext? context)
    {
        if (context is null) return false;
        foreach (var e in context.ChangeTracker.Entries<Notification>())
        {
            if (e.State is EntityState.Added or EntityState.Deleted) return true;
            if (e.State == EntityState.Modified && (e.Property(n => n.ReadAt).IsModified || e.Property(n => n.UnitId).IsModified
                || e.Property(n => n.OrganisationId).IsModified)) return true;
        }
        return false;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = false;
        return Task.CompletedTask;
    }

    private void Committed()
    {
        if (!_pending) return;
        _pending = false;
        counts.Changed();
    }
}
