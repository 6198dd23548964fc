using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Public;

public sealed record PublicLink(int PlanId, string Url, DateTimeOffset PublishedAt);

/// <summary>A public task row: only what the public may read (no report text, no evidence, no people).</summary>
public sealed record PublicTask(string Number, bool IsSection, string Heading, string Lead, string Support, string Deadline, string Status, int Progress);

public sealed record PublicView(string Title, string? Issuer, int Year, DateTimeOffset PublishedAt, IReadOnlyList<PublicTask> Tasks);

/// <summary>政务公开: publishing a plan's public view (office of the owning organisation, published plans only) and reading it anonymously.</summary>
public sealed class PublicPlans(LedgerDbContext db, LedgerQueries queries, TimeProvider clock)
{
    public async Task<Outcome<PublicLink>> PublishAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        if (access.Value!.Plan.Status != PlanStatus.Published) return Failure.Conflict("计划尚未发布为台账，不能公开");
        var row = await db.PublicPlans.FirstOrDefaultAsync(p => p.PlanId == planId, ct);
        if (row is null)
        {
            row = new PublicPlan
            {
                PlanId = planId, Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_'),
                PublishedAt = clock.GetUtcNow(), PublishedByName = me.DisplayName,
            };
            db.PublicPlans.Add(row);
            await db.SaveChangesAsync(ct);
        }
        return new PublicLink(planId, "/public/" + row.Token, row.PublishedAt);
    }

    public async Task<Failure?> UnpublishAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        var row = await db.PublicPlans.FirstOrDefaultAsync(p => p.PlanId == planId, ct);
        if (row is null) return Failure.NotFound("该计划未公开");
        db.PublicPlans.Remove(row);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> LinkAsync(int planId, CancellationToken ct = default) =>
        await db.PublicPlans.Where(p => p.PlanId == planId).Select(p => "/public/" + p.Token).FirstOrDefaultAsync(ct);

    /// <summary>The public view for a token, or null (unknown, unpublished, or the plan no longer published).</summary>
    public async Task<PublicView?> ViewAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 40) return null;
        var row = await db.PublicPlans.AsNoTracking().Where(p => p.Token == token)
            .Join(db.Plans.AsNoTracking(), p => p.PlanId, plan => plan.Id, (p, plan) => new { p.PublishedAt, Plan = plan })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.Plan.Status != PlanStatus.Published) return null;
        var tasks = await queries.TasksAsync(row.Plan.Id, ct);
        var rows = Documents.LedgerNumbering.Rows(tasks).Select(r => new PublicTask(r.Number, r.IsSection, r.Task.Heading,
            string.Join("、", r.Task.Lead), string.Join("、", r.Task.Support), r.Task.Deadline ?? "",
            Export.LedgerExport.StatusText(r.Task.Status), r.Task.Progress)).ToList();
        return new PublicView(row.Plan.Title, row.Plan.Issuer, row.Plan.Year, row.PublishedAt, rows);
    }
}
