using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Public;

/// <summary><c>POST|DELETE /api/v1/plans/{id}/public</c>: publish or remove a plan's public view (政务公开).</summary>
public static class PublicApi
{
    public static RouteGroupBuilder MapPublicApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/plans").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Public");
        g.MapPost("/{id:int}/public", async Task<Results<Ok<PublicLink>, ProblemHttpResult>> (int id, HttpContext http, PublicPlans p, CancellationToken ct) =>
        {
            var r = await p.PublishAsync(http.Me(), id, ct);
            return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
        });
        g.MapDelete("/{id:int}/public", async Task<Results<NoContent, ProblemHttpResult>> (int id, HttpContext http, PublicPlans p, CancellationToken ct) =>
        {
            var f = await p.UnpublishAsync(http.Me(), id, ct);
            return f is not null ? Problems.From(f) : TypedResults.NoContent();
        });
        return api;
    }
}
