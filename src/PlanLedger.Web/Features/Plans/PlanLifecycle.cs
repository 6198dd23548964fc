using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>The plan's own details and its life after publication: 标题/发文机关/年份, 归档, 撤回发布.</summary>
public sealed class PlanLifecycle(LedgerDbContext db, LedgerQueries queries, TimeProvider clock)
{
    /// <summary>Corrects title, issuer and year (year change: due dates computed from the deadlines follow).</summary>
    public async Task<Outcome<Plan>> UpdateDetailsAsync(CurrentUser me, int planId, string? title, string? issuer, int year, int? version,
        CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(title)) errors["title"] = "标题不能为空";
        else if (title.Trim().Length > Plan.MaxTitleLength) errors["title"] = $"标题不能超过 {Plan.MaxTitleLength} 字";
        if ((issuer?.Trim().Length ?? 0) > Plan.MaxIssuerLength) errors["issuer"] = $"发文机关不能超过 {Plan.MaxIssuerLength} 字";
        if (year is < 2000 or > 2100) errors["year"] = "年份应在 2000–2100 之间";
        if (ReviewRules.Refuse(errors) is { } bad) return bad;
        if (Concurrency.Check(plan, version, TaskView.Of) is { } stale) return stale;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var yearChanged = plan.Year != year;
        plan.Rename(title!, issuer, year);
        if (yearChanged)
        {
            var tasks = await db.Tasks.Where(t => t.PlanId == planId).ToListAsync(ct);
            foreach (var t in tasks.Where(t => !t.Ongoing && t.Deadline is not null)) t.DueDate = StatusRules.DueDate(t.Deadline, year);
            tasks.RefreshStatuses(plan, Shanghai.Today(clock));
        }
        if (await db.SaveAsync(plan, TaskView.Of, ct) is { } lost) return lost;
        await tx.CommitAsync(ct);
        return plan;
    }

    public async Task<Outcome<Plan>> ArchiveAsync(CurrentUser me, int planId, bool archive, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.ArchivePlan, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        try
        {
            if (archive) plan.Archive(clock.GetUtcNow());
            else plan.Unarchive();
        }
        catch (RuleException x) { return Failure.Conflict(x.Message); }
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>
    /// 撤回发布 (admin): a plan published by mistake goes back to draft while nothing has been done on it — no report,
    /// request, 督办单 or 督导 finding; its public view (政务公开) is taken down.
    /// </summary>
    public async Task<Outcome<Plan>> WithdrawAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.WithdrawPublication, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reports = await db.Reports.AnyAsync(r => r.Task!.PlanId == planId, ct);
        try { plan.Withdraw(reports); }
        catch (RuleException x) { return Failure.Conflict(x.Message); }
        if (await db.TaskRequests.AnyAsync(r => r.Task!.PlanId == planId, ct)
            || await db.SupervisionTasks.AnyAsync(s => db.Tasks.Any(t => t.Id == s.TaskId && t.PlanId == planId), ct)
            || await db.Set<FindingTask>().AnyAsync(f => f.Task!.PlanId == planId, ct))
            return Failure.Conflict("该计划已有申请、督办单或督导问题，不能撤回发布");
        db.PublicPlans.RemoveRange(await db.PublicPlans.Where(p => p.PlanId == planId).ToListAsync(ct));
        db.Notifications.RemoveRange(await db.Notifications.Where(n => n.Task!.PlanId == planId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return plan;
    }
}
