using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// 对接上级计划 and 下级落实 (docs/cascade.md):
/// <c>GET /plans/{id}/upper-link</c> (the link, the plans it may choose, proposals, decided pairs),
/// <c>PUT /plans/{id}/upper-link</c> <c>{upperPlanId, version}</c> (choose or change the upper plan),
/// <c>DELETE /plans/{id}/upper-link</c> (取消对接, <c>If-Match</c> version),
/// <c>POST /plans/{id}/upper-link/pairs</c> <c>{pairs: [{taskId, upperTaskId, decision: confirm|reject}], version}</c>,
/// <c>DELETE /plans/{id}/upper-link/pairs/{pairId}</c> (撤销, <c>If-Match</c> version),
/// <c>GET /plans/{id}/cascade</c> (the upper plan's 下级落实) and <c>GET /tasks/{id}/cascade</c> (one task's).
/// </summary>
public static class UpperLinksApi
{
    public static RouteGroupBuilder MapUpperLinksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:int}/upper-link", async Task<Results<Ok<UpperLinkView>, ProblemHttpResult>> (int id, HttpContext http, UpperLinks u, CancellationToken ct) =>
            Answer(await u.ViewAsync(http.Me(), id, ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Cascade");
        api.MapPut("/plans/{id:int}/upper-link", async Task<Results<Ok<UpperLinkView>, ProblemHttpResult>> (int id, UpperLinkBody? body, HttpContext http, UpperLinks u, CancellationToken ct) =>
            Answer(await u.SetUpperPlanAsync(http.Me(), id, body?.UpperPlanId, Concurrency.IfMatch(http, body?.Version), ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Cascade");
        api.MapDelete("/plans/{id:int}/upper-link", async Task<Results<NoContent, ProblemHttpResult>> (int id, HttpContext http, UpperLinks u, CancellationToken ct) =>
        {
            var r = await u.RemoveAsync(http.Me(), id, Concurrency.IfMatch(http, null), ct);
            return r.Error is { } e ? Problems.From(e) : TypedResults.NoContent();
        }).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Cascade");
        api.MapPost("/plans/{id:int}/upper-link/pairs", async Task<Results<Ok<UpperLinkView>, ProblemHttpResult>> (int id, UpperDecisionsBody? body, HttpContext http, UpperLinks u, CancellationToken ct) =>
            Answer(await u.DecideAsync(http.Me(), id, body?.Pairs, Concurrency.IfMatch(http, body?.Version), ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Cascade");
        api.MapDelete("/plans/{id:int}/upper-link/pairs/{pairId:int}", async Task<Results<Ok<UpperLinkView>, ProblemHttpResult>> (int id, int pairId, HttpContext http, UpperLinks u, CancellationToken ct) =>
            Answer(await u.UndoAsync(http.Me(), id, pairId, Concurrency.IfMatch(http, null), ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Cascade");
        api.MapGet("/plans/{id:int}/cascade", async Task<Results<Ok<CascadeView>, ProblemHttpResult>> (int id, HttpContext http, CascadeProgress c, CancellationToken ct) =>
            Answer(await c.PlanAsync(http.Me(), id, ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Cascade");
        api.MapGet("/tasks/{id:int}/cascade", async Task<Results<Ok<CascadeTask>, ProblemHttpResult>> (int id, HttpContext http, CascadeProgress c, CancellationToken ct) =>
        {
            var r = await c.TaskAsync(http.Me(), id, ct);
            if (r.Error is { } e) return Problems.From(e);
            return r.Value is { } t ? TypedResults.Ok(t) : Problems.From(Failure.NotFound("该任务不是末级任务，没有下级落实情况"));
        }).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Cascade");
        return api;
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> r) => r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
}
