using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Data;

/// <summary>
/// Records every change to plans, tasks, targets, reports, units, organisations and users as an
/// <see cref="AuditEntry"/> (who, when in UTC, entity, action, changed values before/after as JSON).
/// The one place auditing happens: every SaveChanges passes through here. The audit rows are written in the same
/// database transaction as the change (the caller's, or one opened here): if they cannot be written, the change
/// is rolled back too and <see cref="AuditWriteException"/> is thrown — no change without its audit row.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? _own;

    private static readonly HashSet<Type> Audited =
    [
        typeof(Plan), typeof(PlanTask), typeof(TaskTarget), typeof(TaskUnit), typeof(ProgressReport),
        typeof(Evidence), typeof(Unit), typeof(Organisation), typeof(AppUser),
        // Inspections (督导): rounds and their draw, findings and their steps, bulletins.
        typeof(InspectionRound), typeof(InspectionScopeUnit), typeof(InspectionInspector), typeof(InspectionVisit),
        typeof(InspectionVisitInspector), typeof(Finding), typeof(FindingTask), typeof(FindingEvent), typeof(FindingEvidence),
        typeof(InspectionBulletin),
        typeof(AssessmentScheme), typeof(Assessment), typeof(DocumentDraft), typeof(PublicPlan),
        // supervision
        typeof(SupervisionNotice), typeof(SupervisionTask), typeof(SupervisionUnit), typeof(SupervisionEvent),
        typeof(SupervisionAttachment), typeof(TaskRequest), typeof(RequestAttachment), typeof(TaskEvent),
        typeof(LeaderComment), typeof(UrgeRecord),
        // 对接上级计划
        typeof(UpperLink), typeof(UpperTaskLink),
    ];

    private static readonly HashSet<string> Hidden =
    [
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp),
        nameof(AppUser.ConcurrencyStamp), nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName),
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd),
        nameof(Plan.Revision), // the read cache's bookkeeping (RevisionInterceptor), not an edit
    ];

    private List<(EntityEntry Entry, string Action, string? Before, string? After)>? _pending;
    private bool _writing;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        if (_pending is { Count: > 0 } && eventData.Context!.Database.CurrentTransaction is null)
            _own = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        if (_pending is { Count: > 0 } && eventData.Context!.Database.CurrentTransaction is null)
            _own = eventData.Context.Database.BeginTransaction();
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (!Flush(eventData.Context)) return result;
        try
        {
            try { await eventData.Context!.SaveChangesAsync(cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException) { throw new AuditWriteException(e); }
            finally { _writing = false; }
            if (_own is { } tx) await tx.CommitAsync(cancellationToken);
        }
        finally { await EndOwnAsync(); }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (!Flush(eventData.Context)) return result;
        try
        {
            try { eventData.Context!.SaveChanges(); }
            catch (Exception e) when (e is not OperationCanceledException) { throw new AuditWriteException(e); }
            finally { _writing = false; }
            _own?.Commit();
        }
        finally { EndOwnAsync().AsTask().GetAwaiter().GetResult(); }
        return result;
    }

    /// <summary>Disposes the transaction opened here (rolling it back unless it was committed).</summary>
    private async ValueTask EndOwnAsync()
    {
        var tx = _own;
        _own = null;
        if (tx is not null) await tx.DisposeAsync();
    }

    private void Capture(DbContext? context)
    {
        if (context is null || _writing) return;
        var entries = context.ChangeTracker.Entries()
            .Where(e => Audited.Contains(e.Metadata.ClrType) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        // An import adds a plan with hundreds of tasks: the plan's own entry records it, not each row.
        var planAdded = entries.Any(e => e.Entity is Plan && e.State == EntityState.Added);
        _pending = [];
        foreach (var e in entries)
        {
            if (planAdded && e.State == EntityState.Added && e.Entity is PlanTask or TaskTarget or TaskUnit) continue;
            switch (e.State)
            {
                case EntityState.Added:
                    _pending.Add((e, "added", null, null));
                    break;
                case EntityState.Deleted:
                    _pending.Add((e, "deleted", Json(e, p => p.OriginalValue, all: true), null));
                    break;
                default:
                    var changed = e.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count == 0 || changed.All(p => Hidden.Contains(p.Metadata.Name))) continue;
                    _pending.Add((e, "modified", Json(e, p => p.OriginalValue, all: false), Json(e, p => p.CurrentValue, all: false)));
                    break;
            }
        }
    }

    private bool Flush(DbContext? context)
    {
        if (context is null || _writing || _pending is not { Count: > 0 }) return false;
        var now = clock.GetUtcNow();
        foreach (var (entry, action, before, after) in _pending)
        {
            var id = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            context.Add(new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                ActorOrganisationPath = actor.OrganisationPath,
                Entity = entry.Metadata.ClrType.Name,
                EntityId = id,
                Action = action,
                Before = before,
                After = action == "added" ? Json(entry, p => p.CurrentValue, all: true) : after,
            });
        }
        _pending = null;
        _writing = true;
        return true;
    }

    /// <summary>The change (or its audit rows) failed: nothing of it stays (the transaction opened here is rolled back).</summary>
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (_writing) return; // the audit write itself: the outer save reports it
        _pending = null;
        EndOwnAsync().AsTask().GetAwaiter().GetResult();
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_writing) return;
        _pending = null;
        await EndOwnAsync();
    }

    private static string Json(EntityEntry e, Func<PropertyEntry, object?> value, bool all)
    {
        var dict = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            if (Hidden.Contains(p.Metadata.Name)) continue;
            if (!all && !p.IsModified) continue;
            var v = value(p);
            dict[p.Metadata.Name] = v is Enum ? v.ToString() : v;
        }
        return JsonSerializer.Serialize(dict, AuditJson.Options);
    }
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

/// <summary>The audit rows of a change could not be written; the change was rolled back with them.</summary>
public sealed class AuditWriteException(Exception inner)
    : Exception("操作日志写入失败，修改未保存", inner);
