using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

public sealed record YearPair(int TaskId, int? PreviousTaskId);
public sealed record ConfirmPairsBody(IReadOnlyList<YearPair>? Pairs);
public sealed record CarryOverBody(IReadOnlyList<int>? TaskIds);
public sealed record ConfirmedPair(int TaskId, int PreviousTaskId, bool CarriedOver);
/// <summary>One year of a task's history: the task of that year's plan, its state and targets at the end (or now).</summary>
public sealed record TaskYear(int TaskId, int PlanId, string PlanTitle, int Year, string Heading, string Status, int Progress,
    bool CarriedOver, IReadOnlyList<TargetDto> Targets, string? LastReport);

/// <summary>
/// Next year's plan from this year's (上年对照): the office confirms which task continues which of last year's
/// (<see cref="PlanTask.PreviousTaskId"/>), and carries last year's unfinished tasks over into this year's plan (结转:
/// a new top-level task under the section 结转任务 with the same text, units and targets, linked to the old one). The
/// links chain a task's history across years.
/// </summary>
public sealed class YearLinks(LedgerDbContext db, LedgerQueries q, TimeProvider clock)
{
    /// <summary>Last year's published plans of the plan's organisation.</summary>
    private IQueryable<Plan> PreviousPlans(Plan plan) =>
        db.Plans.Where(p => p.OrganisationId == plan.OrganisationId && p.Year == plan.Year - 1 && p.Status == PlanStatus.Published);

    public async Task<Outcome<List<ConfirmedPair>>> ConfirmedAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return e;
        return await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.PreviousTaskId != null)
            .OrderBy(t => t.Order).Select(t => new ConfirmedPair(t.Id, t.PreviousTaskId!.Value, t.CarriedOver)).ToListAsync(ct);
    }

    /// <summary>Confirms (or with <c>previousTaskId: null</c> clears) pairs: each task of this plan with a task of last year's plans.</summary>
    public async Task<Outcome<List<ConfirmedPair>>> ConfirmAsync(CurrentUser me, int planId, IReadOnlyList<YearPair>? pairs, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.LinkYears, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        if (pairs is null || pairs.Count == 0) return Failure.BadRequest("请选择要确认的任务对");
        if (pairs.Count > 2000) return Failure.BadRequest("一次最多确认 2000 对");
        if (pairs.Select(p => p.TaskId).Distinct().Count() != pairs.Count) return Failure.BadRequest("同一任务只能配对一次");
        var prevIds = pairs.Where(p => p.PreviousTaskId is not null).Select(p => p.PreviousTaskId!.Value).ToList();
        if (prevIds.Distinct().Count() != prevIds.Count) return Failure.BadRequest("上年同一任务只能配对一次");
        var ids = pairs.Select(p => p.TaskId).ToList();
        var tasks = await db.Tasks.Where(t => ids.Contains(t.Id) && t.PlanId == planId).ToListAsync(ct);
        if (tasks.Count != ids.Count) return Failure.BadRequest("任务应为本计划中的任务");
        var previousPlans = PreviousPlans(plan).Select(p => p.Id);
        var previous = await db.Tasks.Where(t => prevIds.Contains(t.Id) && previousPlans.Contains(t.PlanId)).ToDictionaryAsync(t => t.Id, ct);
        if (previous.Count != prevIds.Count) return Failure.BadRequest("上年任务应为本单位上一年度已发布计划中的任务");
        var taken = await db.Tasks.Where(t => t.PlanId == planId && t.PreviousTaskId != null && prevIds.Contains(t.PreviousTaskId!.Value) && !ids.Contains(t.Id))
            .Select(t => t.PreviousTaskId).FirstOrDefaultAsync(ct);
        if (taken is not null) return Failure.Conflict("该上年任务已与本计划的另一项任务配对");
        foreach (var p in pairs)
        {
            var t = tasks.Single(x => x.Id == p.TaskId);
            t.ContinueFrom(p.PreviousTaskId is { } pid ? previous[pid] : null, carriedOver: t.CarriedOver && p.PreviousTaskId == t.PreviousTaskId);
        }
        await db.SaveChangesAsync(ct);
        return (await ConfirmedAsync(me, planId, ct)).Value!;
    }

    /// <summary>结转: last year's unfinished leaf tasks become tasks of this plan (section 结转任务), linked to them.</summary>
    public async Task<Outcome<List<ConfirmedPair>>> CarryOverAsync(CurrentUser me, int planId, IReadOnlyList<int>? previousIds, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.LinkYears, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        var ids = (previousIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return Failure.BadRequest("请选择要结转的上年任务");
        if (ids.Count > 500) return Failure.BadRequest("一次最多结转 500 项");
        var previousPlans = PreviousPlans(plan).Select(p => p.Id);
        var old = await db.Tasks.AsNoTracking().Include(t => t.Units).Include(t => t.Targets)
            .Where(t => ids.Contains(t.Id) && previousPlans.Contains(t.PlanId)).ToListAsync(ct);
        if (old.Count != ids.Count) return Failure.BadRequest("只能结转本单位上一年度已发布计划中的任务");
        if (old.Any(t => t.Status == PlanTaskStatus.Done || t.ClosedAt != null)) return Failure.Conflict("已完成的任务不需结转");
        if (await db.Tasks.AnyAsync(t => ids.Contains(t.Id) && db.Tasks.Any(c => c.ParentId == t.Id), ct))
            return Failure.BadRequest("只能结转末级任务");
        if (await db.Tasks.AnyAsync(t => t.PlanId == planId && t.PreviousTaskId != null && ids.Contains(t.PreviousTaskId!.Value), ct))
            return Failure.Conflict("该上年任务已在本计划中有对应任务");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(planId, ct);
        var order = (await db.Tasks.Where(t => t.PlanId == planId).MaxAsync(t => (int?)t.Order, ct) ?? -1) + 1;
        var section = await db.Tasks.FirstOrDefaultAsync(t => t.PlanId == planId && t.ParentId == null && t.Heading == "结转任务", ct);
        if (section is null)
        {
            var label = ChineseNumber(await db.Tasks.CountAsync(t => t.PlanId == planId && t.ParentId == null, ct) + 1);
            section = new PlanTask { PlanId = planId, Path = label, Order = order++, Level = 1, Label = label, Heading = "结转任务",
                Text = "上年度未完成、结转本年度继续推进的任务", Section = label, SpanOffset = -1 };
            db.Tasks.Add(section);
            await db.SaveChangesAsync(ct);
        }
        var n = await db.Tasks.CountAsync(t => t.ParentId == section.Id, ct);
        var directory = await db.Units.AsNoTracking().Where(u => u.OrganisationId == plan.OrganisationId && u.MergedIntoId == null).ToListAsync(ct);
        foreach (var t in old.OrderBy(t => t.PlanId).ThenBy(t => t.Order))
        {
            n++;
            var label = n.ToString(CultureInfo.InvariantCulture);
            var due = StatusRules.DueDate(t.Deadline, plan.Year);
            var task = new PlanTask
            {
                PlanId = planId, ParentId = section.Id, Path = $"{section.Path}/{label}", Order = order++, Level = 2, Label = label,
                Heading = t.Heading, Text = t.Text, Deadline = t.Deadline, DueDate = due, Section = section.Section,
                LeadNames = t.LeadNames, SupportNames = t.SupportNames, Ongoing = t.Ongoing, SpanOffset = -1,
                Status = due is { } d && d < Shared.Shanghai.Today(clock) ? PlanTaskStatus.Overdue : PlanTaskStatus.NotStarted,
            };
            foreach (var u in t.Units) task.Units.Add(new TaskUnit { Role = u.Role, Name = u.Name, UnitId = directory.Any(x => x.Id == u.UnitId) ? u.UnitId : null });
            foreach (var x in t.Targets) task.Targets.Add(new TaskTarget { Text = x.Text, Value = x.Value, Unit = x.Unit, Op = x.Op });
            task.ContinueFrom(t, carriedOver: true);
            db.Tasks.Add(task);
        }
        plan.TaskCount = await db.Tasks.CountAsync(t => t.PlanId == planId, ct) + old.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await ConfirmedAsync(me, planId, ct)).Value!;
    }

    /// <summary>The task's history across years: the chain of <see cref="PlanTask.PreviousTaskId"/> back, the task, and the tasks continuing it, oldest first (years the caller may not read are left out).</summary>
    public async Task<Outcome<List<TaskYear>>> HistoryAsync(CurrentUser me, int taskId, CancellationToken ct = default)
    {
        var access = await q.TaskAsync(me, taskId, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return e;
        var chain = new List<int> { taskId };
        var cursor = access.Value.Task.PreviousTaskId;
        while (cursor is { } c && chain.Count < 30 && !chain.Contains(c))
        {
            chain.Insert(0, c);
            cursor = await db.Tasks.Where(t => t.Id == c).Select(t => t.PreviousTaskId).FirstOrDefaultAsync(ct);
        }
        var next = (int?)taskId;
        while (next is { } cur && chain.Count < 30)
        {
            next = await db.Tasks.Where(t => t.PreviousTaskId == cur).OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (next is { } nx && !chain.Contains(nx)) chain.Add(nx); else break;
        }
        var visible = Access.VisiblePlans(db.Plans, me).Select(p => p.Id);
        var rows = await db.Tasks.AsNoTracking().Where(t => chain.Contains(t.Id) && visible.Contains(t.PlanId))
            .Select(t => new { t.Id, t.PlanId, t.Plan!.Title, t.Plan.Year, t.Heading, t.Status, t.Progress, t.CarriedOver }).ToListAsync(ct);
        var targets = (await db.Targets.AsNoTracking().Where(x => chain.Contains(x.TaskId)).OrderBy(x => x.Id).ToListAsync(ct)).ToLookup(x => x.TaskId);
        var reports = (await db.Reports.AsNoTracking().Where(r => chain.Contains(r.TaskId) && r.LiveKey != null && r.Drives)
            .Select(r => new { r.TaskId, r.Period, r.Text }).ToListAsync(ct))
            .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Period, StringComparer.Ordinal).Last().Text);
        return rows.OrderBy(r => chain.IndexOf(r.Id)).Select(r => new TaskYear(r.Id, r.PlanId, r.Title, r.Year, r.Heading,
            Data.EntityConfigurations.StatusNames.ToName(r.Status), r.Progress, r.CarriedOver,
            targets[r.Id].Select(x => new TargetDto(x.Id, x.Text, x.Value, x.Unit, x.Op, x.Actual, x.Version)).ToList(), reports.GetValueOrDefault(r.Id))).ToList();
    }

    private static string ChineseNumber(int n) => Documents.ChineseNumbers.Of(n);
}
