using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data;

/// <summary>
/// The one rule of <see cref="Plan.Revision"/>: every SaveChanges that adds, changes or removes a row a plan read shows
/// — the plan itself (publish, withdraw, archive, report day, title), its tasks, unit links, targets, reports and their
/// review, actuals and evidence, 督办单 and 催办 and findings tied to its tasks, task events, requests and comments,
/// cascade links, and a unit's rename or merge (which shows on every plan that links the unit) — runs, in the same
/// transaction and before the rows are written, one
/// <c>UPDATE "Plans" SET "Revision" = "Revision" + 1 WHERE "Id" IN (… the affected plans …)</c>.
/// A save that fails rolls the bump back with it; when the caller has no transaction, this interceptor opens one
/// (unless <see cref="AuditInterceptor"/>, registered before it, already did) and commits it after the save.
/// Notifications, audit rows, users and job runs are not plan content: they never bump it.
/// </summary>
public sealed class RevisionInterceptor : SaveChangesInterceptor
{
    private IDbContextTransaction? _own;

    /// <summary>What an entity's row belongs to, by the key that leads to its plan.</summary>
    private enum Owner { Plan, Task, Report, Notice, Finding, Unit }

    /// <summary>The owners of a changed row: (kind, name of the property holding the key). The mapping of the whole rule.</summary>
    private static (Owner Kind, string Property)[] Owners(object entity) => entity switch
    {
        Plan => [(Owner.Plan, nameof(Plan.Id))],
        PlanTask => [(Owner.Plan, nameof(PlanTask.PlanId))],
        UrgeRecord => [(Owner.Plan, nameof(UrgeRecord.PlanId))],
        UpperLink => [(Owner.Plan, nameof(UpperLink.PlanId))],
        TaskUnit => [(Owner.Task, nameof(TaskUnit.TaskId))],
        TaskTarget => [(Owner.Task, nameof(TaskTarget.TaskId))],
        ProgressReport => [(Owner.Task, nameof(ProgressReport.TaskId))],
        TaskEvent => [(Owner.Task, nameof(TaskEvent.TaskId))],
        TaskRequest => [(Owner.Task, nameof(TaskRequest.TaskId))],
        SupervisionTask => [(Owner.Task, nameof(SupervisionTask.TaskId))],
        FindingTask => [(Owner.Task, nameof(FindingTask.TaskId))],
        UpperTaskLink => [(Owner.Task, nameof(UpperTaskLink.TaskId)), (Owner.Task, nameof(UpperTaskLink.UpperTaskId))],
        LeaderComment => [(Owner.Task, nameof(LeaderComment.TaskId)), (Owner.Report, nameof(LeaderComment.ReportId)),
            (Owner.Notice, nameof(LeaderComment.NoticeId))],
        ReportActual => [(Owner.Report, nameof(ReportActual.ReportId))],
        Evidence => [(Owner.Report, nameof(Evidence.ReportId))],
        SupervisionNotice => [(Owner.Notice, nameof(SupervisionNotice.Id))],
        SupervisionUnit => [(Owner.Notice, nameof(SupervisionUnit.NoticeId))],
        SupervisionEvent => [(Owner.Notice, nameof(SupervisionEvent.NoticeId))],
        Finding => [(Owner.Finding, nameof(Finding.Id))],
        FindingEvent => [(Owner.Finding, nameof(FindingEvent.FindingId))],
        Unit => [(Owner.Unit, nameof(Unit.Id))],
        _ => [],
    };

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LedgerDbContext db && Affected(db) is { } plans)
        {
            if (db.Database.CurrentTransaction is null) _own = await db.Database.BeginTransactionAsync(cancellationToken);
            await plans.ExecuteUpdateAsync(s => s.SetProperty(p => p.Revision, p => p.Revision + 1), cancellationToken);
        }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LedgerDbContext db && Affected(db) is { } plans)
        {
            if (db.Database.CurrentTransaction is null) _own = db.Database.BeginTransaction();
            plans.ExecuteUpdate(s => s.SetProperty(p => p.Revision, p => p.Revision + 1));
        }
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (_own is { } tx)
        {
            _own = null;
            try { await tx.CommitAsync(cancellationToken); }
            finally { await tx.DisposeAsync(); }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_own is { } tx)
        {
            _own = null;
            try { tx.Commit(); }
            finally { tx.Dispose(); }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBack();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack();
        return Task.CompletedTask;
    }

    private void RollBack()
    {
        var tx = _own;
        _own = null;
        tx?.Dispose();
    }

    /// <summary>The plans whose revision this save changes, as one query (null: none).</summary>
    private static IQueryable<Plan>? Affected(LedgerDbContext db)
    {
        var keys = new Dictionary<Owner, HashSet<int>>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            // A new plan has no reader yet, a removed one no reader any more; a new unit is on no plan (a removed one
            // is: its links fall back to the name as written).
            if (e.Entity is Plan && e.State != EntityState.Modified || e.Entity is Unit && e.State == EntityState.Added) continue;
            if (e.State == EntityState.Modified && !e.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))) continue;
            foreach (var (kind, property) in Owners(e.Entity))
                foreach (var id in Keys(e, property))
                {
                    if (!keys.TryGetValue(kind, out var set)) keys[kind] = set = [];
                    set.Add(id);
                }
        }
        if (keys.Count == 0) return null;
        IQueryable<int>? ids = null;
        void Or(IQueryable<int> q) => ids = ids is null ? q : ids.Concat(q);
        foreach (var (kind, set) in keys)
        {
            var list = set.Order().ToList();
            Or(kind switch
            {
                Owner.Plan => db.Plans.Where(p => list.Contains(p.Id)).Select(p => p.Id),
                Owner.Task => db.Tasks.Where(t => list.Contains(t.Id)).Select(t => t.PlanId),
                Owner.Report => db.Reports.Where(r => list.Contains(r.Id)).Select(r => r.Task!.PlanId),
                Owner.Notice => db.SupervisionTasks.Where(s => list.Contains(s.NoticeId)).Select(s => s.Task!.PlanId),
                Owner.Finding => db.Set<FindingTask>().Where(f => list.Contains(f.FindingId)).Select(f => f.Task!.PlanId),
                _ => db.TaskUnits.Where(u => u.UnitId != null && list.Contains(u.UnitId.Value)).Select(u => u.Task!.PlanId),
            });
        }
        return db.Plans.Where(p => ids!.Contains(p.Id));
    }

    /// <summary>The key values of a changed row, before and after the change (a moved row changes two plans); keys of
    /// rows not written yet (a new task's id) are left out — the new row's own owner carries the change.</summary>
    private static IEnumerable<int> Keys(EntityEntry e, string property)
    {
        var p = e.Property(property);
        if (p.IsTemporary) yield break;
        if (p.CurrentValue is int now) yield return now;
        if (e.State != EntityState.Added && p.OriginalValue is int before && !Equals(p.CurrentValue, before)) yield return before;
    }
}
