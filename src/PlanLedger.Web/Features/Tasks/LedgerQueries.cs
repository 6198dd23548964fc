using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Data.EntityConfigurations;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Tasks;

public sealed record TargetDto(int Id, string Text, decimal Value, string Unit, string Op, decimal? Actual, int Version = 0);
public sealed record TaskDto(int Id, int PlanId, int? ParentId, string Path, string Label, string Heading, string Text,
    IReadOnlyList<string> Lead, IReadOnlyList<string> Support, string? Deadline, DateOnly? DueDate,
    IReadOnlyList<TargetDto> Targets, string Status, int Progress, int Order, int Level, int Version = 0);

/// <summary>Task filters of the ledger page (all optional).</summary>
public sealed record TaskFilter(int? UnitId = null, string? Status = null, string? Section = null, bool Overdue = false,
    string? Search = null, int Page = 1, int PageSize = 50);

public sealed record PlanAccess(Plan Plan, Resource Resource);

/// <summary>Reads plans and tasks with the authorisation rules applied; loads whole plans in three queries, never row by row.</summary>
public sealed class LedgerQueries(LedgerDbContext db)
{
    // The access check runs on every plan and task read: compiled once, so a request does not build, hash and look up
    // the LINQ expression tree again (docs/scale.md §20). Both still track the rows: editors change them.
    private sealed record PlanRow(Plan Plan, string Path);
    private sealed record TaskRow(PlanTask Task, Plan Plan, string Path);

    private static readonly CompiledPerProvider<Func<LedgerDbContext, int, Task<PlanRow?>>> PlanById = new(() => EF.CompileAsyncQuery(
        (LedgerDbContext db, int id) => db.Plans.Where(p => p.Id == id).Select(p => new PlanRow(p, p.Organisation!.Path)).FirstOrDefault()));

    private static readonly CompiledPerProvider<Func<LedgerDbContext, int, Task<TaskRow?>>> TaskById = new(() => EF.CompileAsyncQuery(
        (LedgerDbContext db, int id) => db.Tasks.Where(t => t.Id == id).Select(t => new TaskRow(t, t.Plan!, t.Plan!.Organisation!.Path)).FirstOrDefault()));

    /// <summary>The plan if <paramref name="me"/> may do <paramref name="action"/> on it, else 404/403.</summary>
    public async Task<Outcome<PlanAccess>> PlanAsync(CurrentUser me, int planId, LedgerAction action, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var row = await PlanById.For(db)(db, planId);
        if (row is null) return Failure.NotFound("计划不存在");
        var resource = new Resource(row.Plan.OrganisationId, row.Path, row.Plan.Status == PlanStatus.Draft);
        if (Problems.FromDecision(Access.Decide(me, action, resource)) is { } f) return f;
        return new PlanAccess(row.Plan, resource);
    }

    /// <summary>The task with its plan if allowed; for reporting, the task's unit links decide.</summary>
    public async Task<Outcome<(PlanTask Task, Plan Plan)>> TaskAsync(CurrentUser me, int taskId, LedgerAction action, CancellationToken ct = default)
    {
        var r = await TaskWithPathAsync(me, taskId, action, ct);
        if (r.Error is { } e) return e;
        return (r.Value.Task, r.Value.Plan);
    }

    /// <summary>As <see cref="TaskAsync"/>, with the path of the plan's organisation (read in the same query).</summary>
    public async Task<Outcome<(PlanTask Task, Plan Plan, string OrganisationPath)>> TaskWithPathAsync(CurrentUser me, int taskId, LedgerAction action,
        CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var row = await TaskById.For(db)(db, taskId);
        if (row is null) return Failure.NotFound("任务不存在");
        IReadOnlyCollection<int>? unitIds = null;
        if (action == LedgerAction.ReportOnTask)
            unitIds = await db.TaskUnits.Where(u => u.TaskId == taskId && u.UnitId != null).Select(u => u.UnitId!.Value).ToListAsync(ct);
        var resource = new Resource(row.Plan.OrganisationId, row.Path, row.Plan.Status == PlanStatus.Draft, unitIds);
        var decision = Access.Decide(me, action, resource);
        // A reporter who may read the plan but not report on this task gets 403, not 404.
        if (Problems.FromDecision(decision) is { } f) return f;
        return (row.Task, row.Plan, row.Path);
    }

    /// <summary>All tasks of a plan in document order with units and targets (three queries; two without <paramref name="targets"/>).</summary>
    public async Task<List<TaskDto>> TasksAsync(int planId, CancellationToken ct = default, bool targets = true)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync(ct);
        var units = await db.TaskUnits.AsNoTracking().Where(u => u.Task!.PlanId == planId).ToListAsync(ct);
        var goals = !targets ? new List<TaskTarget>() : await db.Targets.AsNoTracking().Where(t => t.Task!.PlanId == planId).OrderBy(t => t.Id).ToListAsync(ct);
        return Assemble(tasks, units, goals);
    }

    /// <summary>One page of a plan's tasks with filters, and the total count.</summary>
    public async Task<(List<TaskDto> Items, int Total)> PageAsync(int planId, TaskFilter f, DateOnly today, CancellationToken ct = default)
    {
        var q = Filter(db.Tasks.AsNoTracking().Where(t => t.PlanId == planId), f, today);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(f.PageSize, 1, 500);
        // A page past the end (or a huge number) shows the last page; the offset never overflows.
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var tasks = await q.OrderBy(t => t.Order).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var ids = tasks.Select(t => t.Id).ToList();
        var units = await db.TaskUnits.AsNoTracking().Where(u => ids.Contains(u.TaskId)).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => ids.Contains(t.TaskId)).OrderBy(t => t.Id).ToListAsync(ct);
        return (Assemble(tasks, units, targets), total);
    }

    public IQueryable<PlanTask> Filter(IQueryable<PlanTask> q, TaskFilter f, DateOnly today)
    {
        if (f.UnitId is { } unit) q = q.Where(t => db.TaskUnits.Any(u => u.TaskId == t.Id && u.UnitId == unit));
        if (StatusNames.TryParse(f.Status, out var status)) q = q.Where(t => t.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Section)) q = q.Where(t => t.Section == f.Section);
        if (f.Overdue) q = q.Where(t => t.ClosedAt == null && t.DueDate != null && t.DueDate < today);
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            q = q.Where(t => t.Heading.Contains(s) || t.Text.Contains(s) || t.LeadNames.Contains(s) || t.SupportNames.Contains(s));
        }
        return q;
    }

    private static List<TaskDto> Assemble(List<PlanTask> tasks, List<TaskUnit> units, List<TaskTarget> targets)
    {
        var byTask = units.ToLookup(u => u.TaskId);
        var targetsByTask = targets.ToLookup(t => t.TaskId);
        return tasks.Select(t => new TaskDto(t.Id, t.PlanId, t.ParentId, t.Path, t.Label, t.Heading, t.Text,
            byTask[t.Id].Where(u => u.Role == UnitRole.Lead).Select(u => u.Name).ToList(),
            byTask[t.Id].Where(u => u.Role == UnitRole.Support).Select(u => u.Name).ToList(),
            t.Deadline, t.DueDate,
            targetsByTask[t.Id].Select(x => new TargetDto(x.Id, x.Text, x.Value, x.Unit, x.Op, x.Actual, x.Version)).ToList(),
            StatusNames.ToName(t.Status), t.Progress, t.Order, t.Level, t.Version)).ToList();
    }
}
