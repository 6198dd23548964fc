using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Admin;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>The review step's unit work: remove a unit from a task, assign one unit to many tasks, create a unit from a name as written.</summary>
public sealed class TaskUnitAssignments(LedgerDbContext db, LedgerQueries queries, DirectoryService directory)
{
    /// <summary>Removes the unit (its link, not only the mapping of its name) from the task.</summary>
    public async Task<Outcome<TaskUnit>> RemoveAsync(CurrentUser me, int taskUnitId, CancellationToken ct = default, int? taskId = null)
    {
        var link = await db.TaskUnits.FirstOrDefaultAsync(u => u.Id == taskUnitId, ct);
        if (link is null || (taskId is { } t && link.TaskId != t)) return Failure.NotFound("单位关联不存在");
        var r = await queries.TaskAsync(me, link.TaskId, LedgerAction.EditPlan, ct);
        if (r.Error is { } e) return e;
        var links = await db.TaskUnits.Where(x => x.TaskId == link.TaskId).ToListAsync(ct);
        db.TaskUnits.Remove(link);
        PlanEditor.SyncNames(r.Value.Task, links.Where(x => x.Id != link.Id));
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>
    /// 批量分工: makes the unit the lead (牵头) or a supporting (配合) unit of every given task of one plan. A task that
    /// already has the unit in the other role changes role; one that has it in this role is left as it is.
    /// Returns the number of tasks changed.
    /// </summary>
    public async Task<Outcome<int>> AssignAsync(CurrentUser me, int planId, IReadOnlyCollection<int> taskIds, int unitId, UnitRole role,
        CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        if (taskIds.Count == 0) return Failure.BadRequest("请先勾选任务");
        if (!Enum.IsDefined(role)) return Failure.BadRequest("分工无效");
        var plan = access.Value!.Plan;
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && u.OrganisationId == plan.OrganisationId && u.MergedIntoId == null, ct);
        if (unit is null) return Failure.BadRequest("单位不存在");
        var ids = taskIds.Distinct().ToList();
        var tasks = await db.Tasks.Where(t => t.PlanId == planId && ids.Contains(t.Id)).ToListAsync(ct);
        if (tasks.Count != ids.Count) return Failure.BadRequest("所选任务不在本计划中");
        var links = (await db.TaskUnits.Where(x => ids.Contains(x.TaskId)).ToListAsync(ct)).ToLookup(x => x.TaskId);
        var changed = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var task in tasks)
        {
            var mine = links[task.Id].ToList();
            var existing = mine.FirstOrDefault(x => x.UnitId == unit.Id);
            if (existing is { } x0 && x0.Role == role) continue;
            if (existing is not null) existing.Role = role;
            else
            {
                var link = new TaskUnit { TaskId = task.Id, Role = role, Name = unit.Name, UnitId = unit.Id };
                db.TaskUnits.Add(link);
                mine.Add(link);
            }
            PlanEditor.SyncNames(task, mine);
            changed++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>
    /// 全部新建为单位: every unit name as written in the plan that is not mapped onto the directory becomes a unit of the
    /// plan's organisation, of the one kind given, and the plan's links with those names (and other plans' unmapped
    /// ones) map onto them — one transaction. Returns the units made.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<UnitDto>>> CreateAllFromNamesAsync(CurrentUser me, int planId, UnitKind kind, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        var names = await db.TaskUnits.Where(x => x.Task!.PlanId == planId && x.UnitId == null).Select(x => x.Name).Distinct().ToListAsync(ct);
        if (names.Count == 0) return Failure.BadRequest("没有未对应的单位名称");
        return await directory.CreateUnitsAsync(me, access.Value!.Plan.OrganisationId, names, kind, ct);
    }

    /// <summary>
    /// 新建单位: adds the name as written to the directory as a new unit of the plan's organisation; every unmapped
    /// link with that name (this task's and the other tasks') is mapped onto it.
    /// </summary>
    /// <remarks>
    /// With <paramref name="fromUnitId"/>, a unit of an organisation above the plan's (UpperDirectory) is copied
    /// instead: its name, kind and aliases, with the name as written added as an alias.
    /// </remarks>
    public async Task<Outcome<UnitDto>> CreateFromNameAsync(CurrentUser me, int taskUnitId, UnitKind kind, CancellationToken ct = default, int? fromUnitId = null)
    {
        var link = await db.TaskUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == taskUnitId, ct);
        if (link is null) return Failure.NotFound("单位关联不存在");
        var r = await queries.TaskAsync(me, link.TaskId, LedgerAction.EditPlan, ct);
        if (r.Error is { } e) return e;
        if (link.UnitId is not null) return Failure.Conflict("该名称已对应到单位");
        var orgId = r.Value.Plan.OrganisationId;
        if (fromUnitId is not { } fromId) return await directory.CreateUnitAsync(me, new UnitInput(link.Name, kind, null, orgId), ct);

        var path = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var upper = await db.Units.AsNoTracking().Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == fromId && u.MergedIntoId == null, ct);
        if (upper is null || !UpperDirectory.IsAbove(upper.Organisation!.Path, path)) return Failure.NotFound("上级单位目录中没有该单位");
        var aliases = upper.AliasList().Append(link.Name).Where(a => a != upper.Name).Distinct();
        return await directory.CreateUnitAsync(me, new UnitInput(upper.Name, upper.Kind, string.Join("、", aliases), orgId), ct);
    }
}
