using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <remarks><paramref name="Version"/>: the task's version as read (null: not checked); an older one is 409.</remarks>
public sealed record TaskEdit(string Heading, string Text, string? Deadline, DateOnly? DueDate, int? Version = null);
public sealed record TargetEdit(string Text, decimal Value, string Unit, string Op, int? Version = null);

/// <summary>The review step: the office corrects what the engine got wrong, then publishes the plan.</summary>
public sealed class PlanEditor(LedgerDbContext db, LedgerQueries queries, TimeProvider clock, Notifications.UnreadCounts unreadCounts)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<Outcome<(PlanTask Task, Plan Plan)>> EditableTask(CurrentUser me, int taskId, CancellationToken ct) =>
        await queries.TaskAsync(me, taskId, LedgerAction.EditPlan, ct);

    public async Task<Outcome<Plan>> PublishAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tasks = await db.Tasks.Where(t => t.PlanId == planId).ToListAsync(ct);
        // An empty plan is refused (409); the checklist's other findings only warn (PublishChecklist).
        try { plan.Publish(tasks.Count, clock.GetUtcNow()); }
        catch (RuleException x) { return Failure.Conflict(x.Message); }
        // 长期坚持/常态化: standing duties are reported on and never closed out (常态落实).
        foreach (var t in tasks.Where(t => PlanTask.IsStandingDeadline(t.Deadline) && t.DueDate is null)) t.Ongoing = true;
        tasks.RefreshStatuses(plan, Today);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>
    /// Deletes a draft (a wrong import, to be redone) with its tasks, targets and unit links in one transaction;
    /// the plan's audit entry records it. A published plan is never deleted (409).
    /// </summary>
    public async Task<Outcome<Plan>> DeleteDraftAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.DeletePlan, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        if (plan.Status == PlanStatus.Published) return Failure.Conflict("已发布的计划不能删除");
        if (await db.Reports.AnyAsync(r => r.Task!.PlanId == planId, ct))
            return Failure.Conflict("该计划已有填报，不能删除");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Notifications.Where(n => n.Task!.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.Targets.Where(x => x.Task!.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.TaskUnits.Where(x => x.Task!.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.Tasks.Where(t => t.PlanId == planId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ParentId, (int?)null), ct);
        await db.Tasks.Where(t => t.PlanId == planId).ExecuteDeleteAsync(ct);
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        unreadCounts.Changed(); // the draft's notifications went with it
        return plan;
    }

    /// <summary>Sets the day of the month on which last month's report is due (1–28); statuses follow.</summary>
    public async Task<Outcome<Plan>> SetReportDayAsync(CurrentUser me, int planId, int day, CancellationToken ct = default, int? version = null)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        if (day is < 1 or > 28) return Failure.BadRequest("报送日应为 1–28");
        var plan = access.Value!.Plan;
        if (Concurrency.Check(plan, version, TaskView.Of) is { } stale) return stale;
        plan.ReportDay = day;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (await db.Tasks.Where(t => t.PlanId == planId).ToListAsync(ct)).RefreshStatuses(plan, Today);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    public async Task<Outcome<PlanTask>> UpdateTaskAsync(CurrentUser me, int taskId, TaskEdit edit, CancellationToken ct = default)
    {
        var r = await EditableTask(me, taskId, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (ReviewRules.Refuse(ReviewRules.Task(edit.Heading, edit.Text, edit.Deadline)) is { } bad) return bad;
        if (Concurrency.Check(task, edit.Version, TaskView.Of, Concurrency.TaskTitle) is { } stale) return stale;
        task.Text = edit.Text.Trim();
        task.Heading = edit.Heading.Trim();
        task.Deadline = string.IsNullOrWhiteSpace(edit.Deadline) ? null : edit.Deadline.Trim();
        task.DueDate = edit.DueDate ?? StatusRules.DueDate(task.Deadline, plan.Year);
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
        if (await db.SaveAsync(task, TaskView.Of, ct, Concurrency.TaskTitle) is { } lost) return lost;
        return task;
    }

    /// <summary>Moves a task (with its sub-items) under another task of the same plan, or to the top level.</summary>
    public async Task<Outcome<PlanTask>> MoveAsync(CurrentUser me, int taskId, int? newParentId, CancellationToken ct = default)
    {
        var r = await EditableTask(me, taskId, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        var all = await db.Tasks.Where(t => t.PlanId == task.PlanId).ToListAsync(ct);
        var byId = all.ToDictionary(t => t.Id);
        if (newParentId is { } pid)
        {
            if (!byId.TryGetValue(pid, out var parent)) return Failure.BadRequest("目标条目不在本计划中");
            for (var p = parent; p is not null; p = p.ParentId is { } x ? byId[x] : null)
                if (p.Id == task.Id) return Failure.BadRequest("不能移动到自身的下级");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        task.ParentId = newParentId;
        task.Parent = newParentId is { } np ? byId[np] : null;
        Renumber(all);
        all.RefreshStatuses(plan, Today);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }

    /// <summary>Merges a task into another: text, targets, units and sub-items move over; the task is removed.</summary>
    public async Task<Outcome<PlanTask>> MergeAsync(CurrentUser me, int taskId, int intoId, CancellationToken ct = default)
    {
        var r = await EditableTask(me, taskId, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        var into = await db.Tasks.FirstOrDefaultAsync(t => t.Id == intoId && t.PlanId == task.PlanId, ct);
        if (into is null || into.Id == task.Id) return Failure.BadRequest("合并目标无效");
        if (await db.Reports.AnyAsync(x => x.TaskId == task.Id, ct))
            return Failure.Conflict("已有填报的任务不能合并");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var merged = string.Join("", new[] { task.Heading, task.Text }.Where(s => !string.IsNullOrWhiteSpace(s)));
        into.Text = string.IsNullOrWhiteSpace(into.Text) ? merged : into.Text + "\n" + merged;
        // Tracked changes, not bulk updates: each moved target and unit link gets its audit row.
        foreach (var target in await db.Targets.Where(x => x.TaskId == task.Id).ToListAsync(ct)) target.TaskId = into.Id;
        // A unit linked to both stays linked once (to the task merged into).
        var intoUnits = (await db.TaskUnits.Where(x => x.TaskId == into.Id && x.UnitId != null).Select(x => x.UnitId).ToListAsync(ct)).ToHashSet();
        foreach (var link in await db.TaskUnits.Where(x => x.TaskId == task.Id).ToListAsync(ct))
            if (link.UnitId is not null && !intoUnits.Add(link.UnitId)) db.TaskUnits.Remove(link); else link.TaskId = into.Id;
        var all = await db.Tasks.Where(t => t.PlanId == task.PlanId).ToListAsync(ct);
        foreach (var child in all.Where(t => t.ParentId == task.Id)) child.ParentId = into.Id;
        db.Tasks.Remove(task);
        all.Remove(task);
        Renumber(all);
        foreach (var child in all.Where(t => t.ParentId == into.Id)) child.Parent = into;
        all.RefreshStatuses(plan, Today);
        plan.TaskCount = all.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return into;
    }

    public async Task<Outcome<TaskTarget>> AddTargetAsync(CurrentUser me, int taskId, TargetEdit edit, CancellationToken ct = default)
    {
        var r = await EditableTask(me, taskId, ct);
        if (r.Error is { } e) return e;
        if (Validate(edit) is { } bad) return bad;
        var target = new TaskTarget { TaskId = taskId, Text = edit.Text.Trim(), Value = edit.Value, Unit = edit.Unit.Trim(), Op = edit.Op };
        db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        return target;
    }

    public async Task<Outcome<TaskTarget>> UpdateTargetAsync(CurrentUser me, int targetId, TargetEdit? edit, CancellationToken ct = default, int? version = null)
    {
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == targetId, ct);
        if (target is null) return Failure.NotFound();
        var r = await EditableTask(me, target.TaskId, ct);
        if (r.Error is { } e) return e;
        if (Concurrency.Check(target, edit?.Version ?? version, TaskView.Of) is { } stale) return stale;
        if (edit is null)
        {
            db.Targets.Remove(target);
        }
        else
        {
            if (Validate(edit) is { } bad) return bad;
            (target.Text, target.Value, target.Unit, target.Op) = (edit.Text.Trim(), edit.Value, edit.Unit.Trim(), edit.Op);
        }
        if (await db.SaveAsync(target, TaskView.Of, ct) is { } lost) return lost;
        return target;
    }

    /// <summary>Maps a unit name as written onto a unit of the directory (or clears the mapping).</summary>
    public async Task<Outcome<TaskUnit>> MapUnitAsync(CurrentUser me, int taskUnitId, int? unitId, CancellationToken ct = default)
    {
        var link = await db.TaskUnits.FirstOrDefaultAsync(u => u.Id == taskUnitId, ct);
        if (link is null) return Failure.NotFound();
        var r = await EditableTask(me, link.TaskId, ct);
        if (r.Error is { } e) return e;
        if (unitId is { } uid && !await db.Units.AnyAsync(u => u.Id == uid && u.OrganisationId == r.Value.Plan.OrganisationId && u.MergedIntoId == null, ct))
            return Failure.BadRequest("单位不存在");
        if (unitId is { } id)
        {
            try { TaskUnit.EnsureNotLinked(await db.TaskUnits.Where(x => x.TaskId == link.TaskId).ToListAsync(ct), id, link.Id); }
            catch (RuleException x) { return Failure.Conflict(x.Message); }
        }
        link.UnitId = unitId;
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>Adds a lead or supporting unit to a task (mapped to the directory).</summary>
    public async Task<Outcome<TaskUnit>> AddUnitAsync(CurrentUser me, int taskId, int unitId, UnitRole role, CancellationToken ct = default)
    {
        var r = await EditableTask(me, taskId, ct);
        if (r.Error is { } e) return e;
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && u.OrganisationId == r.Value.Plan.OrganisationId, ct);
        if (unit is null || unit.MergedIntoId is not null) return Failure.BadRequest("单位不存在");
        var links = await db.TaskUnits.Where(x => x.TaskId == taskId).ToListAsync(ct);
        try { TaskUnit.EnsureNotLinked(links, unit.Id); }
        catch (RuleException x) { return Failure.Conflict(x.Message); }
        var link = new TaskUnit { TaskId = taskId, Role = role, Name = unit.Name, UnitId = unit.Id };
        db.TaskUnits.Add(link);
        links.Add(link);
        SyncNames(r.Value.Task, links);
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>The task's lead and supporting names (shown and exported) follow its unit links.</summary>
    internal static void SyncNames(PlanTask task, IEnumerable<TaskUnit> links)
    {
        var list = links.OrderBy(l => l.Id == 0 ? int.MaxValue : l.Id).ToList();
        task.LeadNames = PlanImporter.Clip(string.Join("、", list.Where(l => l.Role == UnitRole.Lead).Select(l => l.Name)), 1000)!;
        task.SupportNames = PlanImporter.Clip(string.Join("、", list.Where(l => l.Role == UnitRole.Support).Select(l => l.Name)), 1000)!;
    }

    private static Failure? Validate(TargetEdit edit) =>
        ReviewRules.Refuse(ReviewRules.Target(edit.Text, edit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), edit.Unit, edit.Op, out _));

    /// <summary>Recomputes order, level, path and section from the parent links after a move or merge.</summary>
    internal static void Renumber(List<PlanTask> all)
    {
        var children = all.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var order = 0;
        void Walk(IEnumerable<PlanTask> items, PlanTask? parent)
        {
            foreach (var t in items.OrderBy(t => t.Order).ToList())
            {
                t.Order = order++;
                t.Level = parent is null ? 1 : parent.Level + 1;
                t.Path = PlanImporter.Clip(parent is null ? t.Label : parent.Path + "/" + t.Label, 200)!;
                t.Section = parent is null ? t.Label : parent.Section;
                Walk(children[t.Id], t);
            }
        }
        Walk(all.Where(t => t.ParentId is null), null);
    }
}
