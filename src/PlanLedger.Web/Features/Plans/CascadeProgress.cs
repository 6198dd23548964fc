using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.EntityConfigurations;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>A county task that carries an upper task: whose, how far, when last reported.</summary>
public sealed record CascadeCarrier(int OrganisationId, string Organisation, int PlanId, string PlanTitle, int TaskId, string TaskPath,
    string Heading, string Status, int Progress, DateOnly? DueDate, DateTimeOffset? LastReportAt, bool Overdue);
/// <summary>One task of the upper plan with the counties carrying it: <see cref="Counties"/> organisations carry it,
/// <see cref="Done"/> of them have every carrying task done, <see cref="Overdue"/> have one overdue; <see cref="NotLinked"/>
/// are the organisations below that carry it with no task (未对接).</summary>
public sealed record CascadeTask(int TaskId, string Path, string Label, string Heading, string Status, int Progress,
    int Counties, int Done, int Overdue, IReadOnlyList<CascadeCarrier> Carriers, IReadOnlyList<string> NotLinked);
/// <summary>An organisation below: its plan linked to this one (null: 未对接) and how many of this plan's tasks it carries.</summary>
public sealed record CascadeOrganisation(int OrganisationId, string Name, int? PlanId, string? PlanTitle, int TasksCarried, int Done, int Overdue);
public sealed record CascadeView(int PlanId, string Title, int Year, string Organisation, int LeafTasks, int TasksCarried,
    IReadOnlyList<CascadeOrganisation> Organisations, IReadOnlyList<CascadeTask> Tasks);

/// <summary>
/// 下级落实: for each leaf task of an upper (city, province) plan, the county tasks linked to it (对接上级计划) with their
/// status, progress, last report and overdue flag, and a roll-up per task and per organisation. The organisations
/// expected to carry the plan are those directly below the plan's organisation (plus any deeper one that linked a plan);
/// one without a linked task is 未对接. The reader sees the counties' published plans in its scope only
/// (<see cref="Access.VisiblePlans"/>). Six SQL queries whatever the number of counties and tasks (grouped, no loop).
/// </summary>
public sealed class CascadeProgress(LedgerDbContext db, LedgerQueries q)
{
    public async Task<Outcome<CascadeView>> PlanAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await q.PlanAsync(me, planId, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return e;
        return await BuildAsync(me, access.Value!, null, ct);
    }

    /// <summary>The 下级落实情况 panel of one task of the upper plan.</summary>
    public async Task<Outcome<CascadeTask?>> TaskAsync(CurrentUser me, int taskId, CancellationToken ct = default)
    {
        var access = await q.TaskAsync(me, taskId, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value.Plan;
        var path = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.OrganisationId).Select(o => o.Path).FirstAsync(ct);
        var view = await BuildAsync(me, new PlanAccess(plan, new Resource(plan.OrganisationId, path, plan.Status == PlanStatus.Draft)), taskId, ct);
        return view.Tasks.FirstOrDefault();
    }

    private async Task<CascadeView> BuildAsync(CurrentUser me, PlanAccess access, int? onlyTask, CancellationToken ct)
    {
        var plan = access.Plan;
        var visible = Access.VisiblePlans(db.Plans, me).Select(p => p.Id);
        // 1. the upper plan's tasks (leaves are those without children)
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.ParentId, t.Path, t.Label, t.Heading, t.Status, t.Progress }).ToListAsync(ct);
        var parents = tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
        var leaves = tasks.Where(t => !parents.Contains(t.Id) && (onlyTask is null || t.Id == onlyTask)).ToList();
        // 2. the plans below linked to this one, that the reader may see
        var links = await db.Set<UpperLink>().AsNoTracking().Where(l => l.UpperPlanId == plan.Id && visible.Contains(l.PlanId))
            .Select(l => new { l.PlanId, l.Plan!.Title, l.Plan.OrganisationId, Org = l.Plan.Organisation!.Name }).ToListAsync(ct);
        // 3. the confirmed pairs with the county tasks' state
        var pairs = db.Set<UpperTaskLink>().AsNoTracking()
            .Where(p => p.UpperTask!.PlanId == plan.Id && p.Decision == UpperPairDecision.Confirmed && visible.Contains(p.Link!.PlanId)
                && (onlyTask == null || p.UpperTaskId == onlyTask));
        var carried = await pairs.Select(p => new
        {
            p.UpperTaskId, p.TaskId, p.Task!.Path, p.Task.Heading, p.Task.Status, p.Task.Progress, p.Task.DueDate, p.Link!.PlanId,
        }).ToListAsync(ct);
        // 4. the last live report of each carrying task, grouped in SQL
        var carriedIds = pairs.Select(p => p.TaskId);
        var lastReports = (await db.Reports.AsNoTracking().Where(r => r.LiveKey != null && carriedIds.Contains(r.TaskId))
            .GroupBy(r => r.TaskId).Select(g => new { TaskId = g.Key, Last = g.Max(r => r.SubmittedAt) }).ToListAsync(ct))
            .ToDictionary(r => r.TaskId, r => r.Last);
        // 5. the organisations directly below, in the reader's scope
        var below = await Access.VisibleOrganisations(db.Organisations, me).AsNoTracking().Where(o => o.ParentId == plan.OrganisationId)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);

        var planOf = links.ToDictionary(l => l.PlanId);
        var carriers = carried.Select(c =>
        {
            var l = planOf[c.PlanId];
            return (c.UpperTaskId, Carrier: new CascadeCarrier(l.OrganisationId, l.Org, l.PlanId, l.Title, c.TaskId, c.Path, c.Heading,
                StatusNames.ToName(c.Status), c.Progress, c.DueDate, lastReports.TryGetValue(c.TaskId, out var at) ? at : null,
                c.Status == PlanTaskStatus.Overdue));
        }).ToLookup(x => x.UpperTaskId, x => x.Carrier);
        var organisations = below.Select(o => (o.Id, o.Name))
            .Concat(links.Select(l => (Id: l.OrganisationId, Name: l.Org))).DistinctBy(o => o.Id).ToList();
        var names = Shared.Pinyin.Comparer;
        organisations = organisations.OrderBy(o => o.Name, names).ToList();

        var rows = leaves.Select(t =>
        {
            var list = carriers[t.Id].OrderBy(c => c.Organisation, names).ThenBy(c => c.TaskPath, StringComparer.Ordinal).ToList();
            var byOrg = list.GroupBy(c => c.OrganisationId).ToList();
            var carrying = byOrg.Select(g => g.Key).ToHashSet();
            return new CascadeTask(t.Id, t.Path, t.Label, t.Heading, StatusNames.ToName(t.Status), t.Progress, byOrg.Count,
                byOrg.Count(g => g.All(c => c.Status == "done")), byOrg.Count(g => g.Any(c => c.Overdue)), list,
                organisations.Where(o => !carrying.Contains(o.Id)).Select(o => o.Name).ToList());
        }).ToList();
        var perOrg = rows.SelectMany(r => r.Carriers.GroupBy(c => c.OrganisationId).Select(g => (Org: g.Key, Done: g.All(c => c.Status == "done"), Overdue: g.Any(c => c.Overdue))))
            .ToLookup(x => x.Org);
        var orgRows = organisations.Select(o =>
        {
            var l = links.Where(x => x.OrganisationId == o.Id).OrderBy(x => x.PlanId).FirstOrDefault();
            var mine = perOrg[o.Id].ToList();
            return new CascadeOrganisation(o.Id, o.Name, l?.PlanId, l?.Title, mine.Count, mine.Count(x => x.Done), mine.Count(x => x.Overdue));
        }).ToList();
        var orgName = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        return new CascadeView(plan.Id, plan.Title, plan.Year, orgName, leaves.Count, rows.Count(r => r.Counties > 0), orgRows, rows);
    }
}
