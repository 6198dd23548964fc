using Microsoft.EntityFrameworkCore;
using PlanLedger.Documents;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Admin;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

public sealed record UpperPlanOption(int PlanId, string Title, string Organisation, int Year);
public sealed record UpperTaskOption(int Id, string Path, string Label, string Heading);
public sealed record UpperPairView(int Id, int TaskId, string TaskPath, string TaskHeading, int UpperTaskId, string UpperTaskPath,
    string UpperTaskHeading, string Decision, double Similarity, bool Manual, DateTimeOffset DecidedAt, string DecidedByName);
public sealed record UpperSuggestion(int TaskId, string TaskPath, string TaskHeading, int UpperTaskId, string UpperTaskPath,
    string UpperTaskHeading, double Similarity, bool SameUnits);
/// <summary>对接上级计划 of one plan: the upper plan chosen (or null), the plans it may choose, the decided pairs, the
/// proposals still open, and the leaf tasks of both sides (for a pair added by hand).</summary>
public sealed record UpperLinkView(int PlanId, int Year, int? Version, UpperPlanOption? UpperPlan, IReadOnlyList<UpperPlanOption> Choices,
    IReadOnlyList<UpperPairView> Confirmed, IReadOnlyList<UpperPairView> Rejected, IReadOnlyList<UpperSuggestion> Suggestions,
    IReadOnlyList<UpperTaskOption> Tasks, IReadOnlyList<UpperTaskOption> UpperTasks);

public sealed record UpperLinkBody(int? UpperPlanId, int? Version);
/// <summary>One decision: <c>confirm</c> (对接) or <c>reject</c> (不对接) county task <c>taskId</c> with upper task <c>upperTaskId</c>.</summary>
public sealed record UpperDecision(int TaskId, int UpperTaskId, [TextLimit(20)] string? Decision);
public sealed record UpperDecisionsBody(IReadOnlyList<UpperDecision>? Pairs, int? Version);

/// <summary>
/// 对接上级计划: a county office links its plan to the published plan of the same year of an organisation above it
/// (city, province), sees the proposed task pairs (the 上年对照 rule, <see cref="PlanMatcher.Pair"/>, with units compared
/// by name across the two directories), confirms or rejects each or all, adds a pair by hand and undoes a decision. The
/// rules of a link are on <see cref="UpperLink"/>; who may do what in <see cref="Access"/>.
/// </summary>
public sealed class UpperLinks(LedgerDbContext db, LedgerQueries q, TimeProvider clock)
{
    public const string StaleTitle = "对接情况已被他人修改，请重新加载后再操作";
    public const int MaxDecisions = 2000;

    private static object Current(UpperLink l) => new { l.UpperPlanId, l.UpdatedAt, l.UpdatedByName };

    /// <summary>The published plans of the same year of the organisations above the plan's (nearest first).</summary>
    private async Task<List<UpperPlanOption>> ChoicesAsync(CurrentUser me, PlanAccess plan, CancellationToken ct)
    {
        var above = UpperDirectory.Ancestors(plan.Resource.OrganisationPath).ToList();
        if (above.Count == 0) return [];
        var year = plan.Plan.Year;
        var rows = await db.Plans.AsNoTracking()
            .Where(p => above.Contains(p.Organisation!.Path) && p.Year == year && p.Status == PlanStatus.Published && p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Title, Org = p.Organisation!.Name, p.Organisation.Path, p.Year }).ToListAsync(ct);
        return rows.Where(r => Access.CanLinkUpper(me, plan.Resource, r.Path, upperPublished: true))
            .OrderByDescending(r => r.Path.Length).ThenBy(r => r.Id)
            .Select(r => new UpperPlanOption(r.Id, r.Title, r.Org, r.Year)).ToList();
    }

    private Task<UpperLink?> LinkAsync(int planId, CancellationToken ct) =>
        db.Set<UpperLink>().Include(l => l.Pairs).FirstOrDefaultAsync(l => l.PlanId == planId, ct);

    /// <summary>What the 对接上级计划 page shows (the plan's office/admin only: it reads the upper plan's task list).</summary>
    public async Task<Outcome<UpperLinkView>> ViewAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.LinkUpperPlan, ct);
        if (access.Error is { } e) return e;
        return await BuildAsync(me, access.Value!, ct);
    }

    private async Task<UpperLinkView> BuildAsync(CurrentUser me, PlanAccess access, CancellationToken ct)
    {
        var plan = access.Plan;
        var choices = await ChoicesAsync(me, access, ct);
        var link = await db.Set<UpperLink>().AsNoTracking().Include(l => l.Pairs).FirstOrDefaultAsync(l => l.PlanId == plan.Id, ct);
        var tasks = await q.TasksAsync(plan.Id, ct);
        var leaves = PlanMatcher.Leaves(tasks).ToList();
        var options = leaves.Select(t => new UpperTaskOption(t.Id, t.Path, t.Label, t.Heading)).ToList();
        if (link is null) return new UpperLinkView(plan.Id, plan.Year, null, null, choices, [], [], [], options, []);
        var upper = await db.Plans.AsNoTracking().Where(p => p.Id == link.UpperPlanId)
            .Select(p => new UpperPlanOption(p.Id, p.Title, p.Organisation!.Name, p.Year)).FirstAsync(ct);
        var upperTasks = await q.TasksAsync(link.UpperPlanId, ct);
        var upperLeaves = PlanMatcher.Leaves(upperTasks).ToList();
        var byId = tasks.Concat(upperTasks).ToDictionary(t => t.Id);
        UpperPairView View(UpperTaskLink p) => new(p.Id, p.TaskId, byId[p.TaskId].Path, byId[p.TaskId].Heading, p.UpperTaskId,
            byId[p.UpperTaskId].Path, byId[p.UpperTaskId].Heading, p.Decision == UpperPairDecision.Confirmed ? "confirmed" : "rejected",
            p.Similarity, p.Manual, p.DecidedAt, p.DecidedByName);
        var pairs = link.Pairs.Where(p => byId.ContainsKey(p.TaskId) && byId.ContainsKey(p.UpperTaskId))
            .OrderBy(p => byId[p.TaskId].Order).ThenBy(p => byId[p.UpperTaskId].Order).ToList();
        var suggestions = (await SuggestAsync(plan.OrganisationId, leaves, upperLeaves, link, ct))
            .Select(s => new UpperSuggestion(s.A.Id, s.A.Path, s.A.Heading, s.B.Id, s.B.Path, s.B.Heading, s.Similarity, s.SameUnits)).ToList();
        return new UpperLinkView(plan.Id, plan.Year, link.Version, upper, choices,
            pairs.Where(p => p.Decision == UpperPairDecision.Confirmed).Select(View).ToList(),
            pairs.Where(p => p.Decision == UpperPairDecision.Rejected).Select(View).ToList(),
            suggestions, options, upperLeaves.Select(t => new UpperTaskOption(t.Id, t.Path, t.Label, t.Heading)).ToList());
    }

    /// <summary>
    /// The proposals: the pairing rule over the county's leaf tasks not yet carrying an upper task and the upper plan's leaf
    /// tasks, leaving out pairs the office rejected. A lead unit is shared when one of the county task's lead names and one
    /// of the upper task's mean the same unit (<see cref="UnitNameMatcher.Same"/>, also through the aliases of the county's
    /// directory and the directories above it, <see cref="UpperDirectory"/>).
    /// </summary>
    private async Task<List<TaskPair>> SuggestAsync(int organisationId, List<TaskDto> leaves, List<TaskDto> upperLeaves, UpperLink link, CancellationToken ct)
    {
        var carrying = link.Pairs.Where(p => p.Decision == UpperPairDecision.Confirmed).Select(p => p.TaskId).ToHashSet();
        var rejected = link.Pairs.Where(p => p.Decision == UpperPairDecision.Rejected).Select(p => (p.TaskId, p.UpperTaskId)).ToHashSet();
        var open = leaves.Where(t => !carrying.Contains(t.Id)).ToList();
        if (open.Count == 0 || upperLeaves.Count == 0) return [];
        var own = await db.Units.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.MergedIntoId == null).ToListAsync(ct);
        var directory = own.Concat(await UpperDirectory.ForAsync(db, organisationId, ct)).ToList();
        var names = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] Names(string written)
        {
            if (names.TryGetValue(written, out var known)) return known;
            var unit = directory.FirstOrDefault(u => u.Name == written || u.AliasList().Contains(written));
            return names[written] = unit is null ? [written] : [written, unit.Name, .. unit.AliasList()];
        }
        bool SameLead(TaskDto a, TaskDto b) =>
            a.Lead.SelectMany(Names).Any(x => b.Lead.SelectMany(Names).Any(y => UnitNameMatcher.Same(x, y)));
        var order = leaves.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return PlanMatcher.Pair(open, upperLeaves, SameLead, allowed: (a, b) => !rejected.Contains((a.Id, b.Id)))
            .OrderBy(p => order[p.A.Id]).ToList();
    }

    /// <summary>Chooses (or changes) the upper plan: a published plan of the same year of an organisation above.</summary>
    public async Task<Outcome<UpperLinkView>> SetUpperPlanAsync(CurrentUser me, int planId, int? upperPlanId, int? version, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.LinkUpperPlan, ct);
        if (access.Error is { } e) return e;
        if (upperPlanId is not { } upperId) return Failure.BadRequest("请选择上级计划");
        var choices = await ChoicesAsync(me, access.Value!, ct);
        if (choices.All(c => c.PlanId != upperId)) return Failure.BadRequest("上级计划应为上级组织已发布的同年度计划");
        var now = clock.GetUtcNow();
        var link = await LinkAsync(planId, ct);
        if (link is null)
        {
            if (version is { } v && v != 0) return Failure.Conflict(StaleTitle);
            db.Set<UpperLink>().Add(UpperLink.Create(planId, upperId, me.DisplayName, now));
            await db.SaveChangesAsync(ct);
        }
        else
        {
            if (Concurrency.Check(link, version, Current, StaleTitle) is { } stale) return stale;
            link.ChangeUpperPlan(upperId, me.DisplayName, now);
            if (await db.SaveAsync(link, Current, ct, StaleTitle) is { } lost) return lost;
        }
        return await BuildAsync(me, access.Value!, ct);
    }

    /// <summary>Removes the link with all its decisions (取消对接).</summary>
    public async Task<Outcome<bool>> RemoveAsync(CurrentUser me, int planId, int? version, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.LinkUpperPlan, ct);
        if (access.Error is { } e) return e;
        var link = await LinkAsync(planId, ct);
        if (link is null) return Failure.NotFound("本计划尚未对接上级计划");
        if (Concurrency.Check(link, version, Current, StaleTitle) is { } stale) return stale;
        db.Set<UpperLink>().Remove(link);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Failure.Conflict(StaleTitle); }
        return true;
    }

    /// <summary>Confirms or rejects pairs (proposals, or pairs chosen by hand), all or none: one transaction.</summary>
    public async Task<Outcome<UpperLinkView>> DecideAsync(CurrentUser me, int planId, IReadOnlyList<UpperDecision>? decisions, int? version, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.LinkUpperPlan, ct);
        if (access.Error is { } e) return e;
        if (decisions is null || decisions.Count == 0) return Failure.BadRequest("请选择要确认或不对接的任务对");
        if (decisions.Count > MaxDecisions) return Failure.BadRequest($"一次最多处理 {MaxDecisions} 对");
        if (decisions.Any(d => d.Decision is not ("confirm" or "reject"))) return Failure.BadRequest("decision 应为 confirm（对接）或 reject（不对接）");
        if (decisions.Select(d => (d.TaskId, d.UpperTaskId)).Distinct().Count() != decisions.Count) return Failure.BadRequest("同一任务对只能处理一次");
        var confirms = decisions.Where(d => d.Decision == "confirm").Select(d => d.TaskId).ToList();
        if (confirms.Distinct().Count() != confirms.Count) return Failure.BadRequest("一项任务只能对接一项上级任务");
        var link = await LinkAsync(planId, ct);
        if (link is null) return Failure.Conflict("请先选择要对接的上级计划");
        if (Concurrency.Check(link, version, Current, StaleTitle) is { } stale) return stale;
        var leaves = PlanMatcher.Leaves(await q.TasksAsync(planId, ct)).ToDictionary(t => t.Id);
        var upperLeaves = PlanMatcher.Leaves(await q.TasksAsync(link.UpperPlanId, ct)).ToDictionary(t => t.Id);
        if (decisions.Any(d => !leaves.ContainsKey(d.TaskId))) return Failure.BadRequest("任务应为本计划的末级任务");
        if (decisions.Any(d => !upperLeaves.ContainsKey(d.UpperTaskId))) return Failure.BadRequest("上级任务应为所对接上级计划的末级任务");
        var proposed = (await SuggestAsync(access.Value!.Plan.OrganisationId, leaves.Values.ToList(), upperLeaves.Values.ToList(), link, ct))
            .Select(p => (p.A.Id, p.B.Id)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var d in decisions)
        {
            var similarity = PlanMatcher.Similarity(leaves[d.TaskId], upperLeaves[d.UpperTaskId]);
            if (d.Decision == "confirm") link.Confirm(d.TaskId, d.UpperTaskId, similarity, manual: !proposed.Contains((d.TaskId, d.UpperTaskId)), me.DisplayName, now);
            else link.Reject(d.TaskId, d.UpperTaskId, similarity, me.DisplayName, now);
        }
        if (await db.SaveAsync(link, Current, ct, StaleTitle) is { } lost) return lost;
        return await BuildAsync(me, access.Value!, ct);
    }

    /// <summary>撤销 one decision.</summary>
    public async Task<Outcome<UpperLinkView>> UndoAsync(CurrentUser me, int planId, int pairId, int? version, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.LinkUpperPlan, ct);
        if (access.Error is { } e) return e;
        var link = await LinkAsync(planId, ct);
        if (link is null) return Failure.NotFound("本计划尚未对接上级计划");
        if (Concurrency.Check(link, version, Current, StaleTitle) is { } stale) return stale;
        if (link.Pairs.All(p => p.Id != pairId)) return Failure.NotFound("该任务对不存在或已撤销");
        link.Undo(pairId, me.DisplayName, clock.GetUtcNow());
        if (await db.SaveAsync(link, Current, ct, StaleTitle) is { } lost) return lost;
        return await BuildAsync(me, access.Value!, ct);
    }
}
