using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>The review step's structural edits: add a task or a whole section (板块), delete a task with its sub-items.</summary>
public sealed class TaskStructureEditor(LedgerDbContext db, LedgerQueries queries, TimeProvider clock)
{
    /// <summary>
    /// Adds a task as the last child of <paramref name="parentId"/> (null: a new top-level section). Its label continues
    /// its siblings' numbering in the style of its level: 一 · (一) · 1 · (1).
    /// </summary>
    public async Task<Outcome<PlanTask>> AddAsync(CurrentUser me, int planId, int? parentId, string? heading, string? text, string? deadline,
        CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        if (ReviewRules.Refuse(ReviewRules.Task(heading, text, deadline)) is { } bad) return bad;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(planId, ct);
        var all = await db.Tasks.Where(t => t.PlanId == planId).ToListAsync(ct);
        PlanTask? parent = null;
        if (parentId is { } pid && (parent = all.FirstOrDefault(t => t.Id == pid)) is null)
            return Failure.BadRequest("上级条目不在本计划中");
        var siblings = all.Where(t => t.ParentId == parentId).OrderBy(t => t.Order).ToList();
        var level = parent is null ? 1 : parent.Level + 1;
        var label = Label(level, siblings.Count + 1, siblings.LastOrDefault()?.Label);
        var task = new PlanTask
        {
            PlanId = planId, ParentId = parentId, Parent = parent, Label = label, Heading = heading!.Trim(), Text = (text ?? "").Trim(),
            Deadline = string.IsNullOrWhiteSpace(deadline) ? null : deadline.Trim(), SpanOffset = -1,
            // after every task of the plan; Renumber then places it after its parent's last descendant
            Order = all.Count == 0 ? 0 : all.Max(t => t.Order) + 1,
        };
        task.DueDate = StatusRules.DueDate(task.Deadline, plan.Year);
        if (PlanTask.IsStandingDeadline(task.Deadline) && task.DueDate is null && plan.Status == PlanStatus.Published) task.Ongoing = true;
        db.Tasks.Add(task);
        all.Add(task);
        await db.SaveChangesAsync(ct);
        PlanEditor.Renumber(all);
        all.RefreshStatuses(plan, Shanghai.Today(clock));
        plan.TaskCount = all.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }

    /// <summary>
    /// Deletes a task with all its sub-items, their targets and unit links (each removal audited). Only while the plan
    /// is a draft: a published plan's tasks carry reports and history (撤回发布 first).
    /// </summary>
    public async Task<Outcome<PlanTask>> DeleteAsync(CurrentUser me, int taskId, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.EditPlan, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (plan.Status != PlanStatus.Draft) return Failure.Conflict("已发布计划的任务不能删除（可先撤回发布）");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        var all = await db.Tasks.Where(t => t.PlanId == plan.Id).ToListAsync(ct);
        var children = all.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var doomed = new List<PlanTask>();
        void Collect(PlanTask t) { doomed.Add(t); foreach (var c in children[t.Id]) Collect(c); }
        Collect(all.First(t => t.Id == task.Id));
        var ids = doomed.Select(t => t.Id).ToList();
        if (await db.Reports.AnyAsync(x => ids.Contains(x.TaskId), ct)) return Failure.Conflict("已有填报的任务不能删除");
        db.Targets.RemoveRange(await db.Targets.Where(x => ids.Contains(x.TaskId)).ToListAsync(ct));
        db.TaskUnits.RemoveRange(await db.TaskUnits.Where(x => ids.Contains(x.TaskId)).ToListAsync(ct));
        db.Notifications.RemoveRange(await db.Notifications.Where(x => x.TaskId != null && ids.Contains(x.TaskId.Value)).ToListAsync(ct));
        // children before parents (the parent link has no cascade)
        foreach (var t in Enumerable.Reverse(doomed)) { t.ParentId = null; t.Parent = null; }
        await db.SaveChangesAsync(ct);
        db.Tasks.RemoveRange(doomed);
        var rest = all.Except(doomed).ToList();
        PlanEditor.Renumber(rest);
        rest.RefreshStatuses(plan, Shanghai.Today(clock));
        plan.TaskCount = rest.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }

    /// <summary>
    /// The label of the n-th item among its siblings, as the engine writes labels (without punctuation): in the style of
    /// the last sibling (一 · (一) · 1 · (1)), or without siblings by level: 一 · (一) · 1 · (1).
    /// </summary>
    public static string Label(int level, int n, string? lastSibling = null)
    {
        var digits = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var chinese = ChineseNumbers.Of(n);
        if (lastSibling is { Length: > 0 } l)
        {
            var inner = l.Trim('(', ')');
            var parens = l.StartsWith('(');
            if (inner.Length > 0 && inner.All(char.IsAsciiDigit)) return parens ? $"({digits})" : digits;
            if (inner.Length > 0 && inner.All(c => "零〇一二三四五六七八九十百".Contains(c))) return parens ? $"({chinese})" : chinese;
        }
        return ByLevel(level, n);
    }

    private static string ByLevel(int level, int n) => level switch
    {
        1 => ChineseNumbers.Of(n),
        2 => "(" + ChineseNumbers.Of(n) + ")",
        3 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "(" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
    };
}
