using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

public sealed record PlanMatches(int PlanId, int? PreviousPlanId, string? PreviousTitle, IReadOnlyList<TaskMatch> Matches);

/// <summary><c>GET /api/v1/plans/{id}/matches</c>: this plan's tasks paired with last year's (the organisation's published plan of the year before).</summary>
public static class PlanMatchesApi
{
    public static RouteGroupBuilder MapPlanMatchesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:int}/matches", Get).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        return api;
    }

    public static async Task<Outcome<PlanMatches>> MatchesAsync(CurrentUser me, int id, LedgerQueries q, LedgerDbContext db, CancellationToken ct)
    {
        var access = await q.PlanAsync(me, id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        var previous = await db.Plans.AsNoTracking()
            .Where(p => p.OrganisationId == plan.OrganisationId && p.Year == plan.Year - 1 && p.Status == PlanStatus.Published)
            .OrderByDescending(p => p.PublishedAt).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        if (previous is null) return new PlanMatches(id, null, null, []);
        var matches = PlanMatcher.Match(await q.TasksAsync(id, ct), await q.TasksAsync(previous.Id, ct));
        return new PlanMatches(id, previous.Id, previous.Title, matches);
    }

    private static async Task<Results<Ok<PlanMatches>, ProblemHttpResult>> Get(int id, HttpContext http, LedgerQueries q, LedgerDbContext db, CancellationToken ct)
    {
        var r = await MatchesAsync(http.Me(), id, q, db, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
    }
}
