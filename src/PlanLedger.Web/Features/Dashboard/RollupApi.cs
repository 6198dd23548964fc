using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary><c>GET /api/v1/organisations/{id}/rollup?year=2026</c>: 下级汇总 of an organisation (<see cref="RollupService"/>).</summary>
public static class RollupApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/organisations/{id:int}/rollup", async Task<Results<Ok<RollupDto>, ProblemHttpResult>> (int id, int? year, HttpContext http,
            RollupService rollup, TimeProvider clock, CancellationToken ct) =>
        {
            var r = await rollup.ForAsync(http.Me(), id, year ?? Shared.Shanghai.Today(clock).Year, ct);
            return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
        }).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Dashboard");
}
