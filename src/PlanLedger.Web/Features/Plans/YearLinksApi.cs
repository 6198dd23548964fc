using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// 上年对照 and 结转: <c>GET|POST /plans/{id}/matches/confirmed</c> (confirm pairs <c>{pairs: [{taskId, previousTaskId}]}</c>),
/// <c>POST /plans/{id}/carry-over</c> <c>{taskIds}</c> (last year's unfinished tasks), <c>GET /tasks/{id}/years</c> (history across years).
/// </summary>
public static class YearLinksApi
{
    public static RouteGroupBuilder MapYearLinksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:int}/matches/confirmed", async Task<Results<Ok<List<ConfirmedPair>>, ProblemHttpResult>> (int id, HttpContext http, YearLinks y, CancellationToken ct) =>
            Answer(await y.ConfirmedAsync(http.Me(), id, ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        api.MapPost("/plans/{id:int}/matches/confirmed", async Task<Results<Ok<List<ConfirmedPair>>, ProblemHttpResult>> (int id, ConfirmPairsBody? body, HttpContext http, YearLinks y, CancellationToken ct) =>
            Answer(await y.ConfirmAsync(http.Me(), id, body?.Pairs, ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        api.MapPost("/plans/{id:int}/carry-over", async Task<Results<Ok<List<ConfirmedPair>>, ProblemHttpResult>> (int id, CarryOverBody? body, HttpContext http, YearLinks y, CancellationToken ct) =>
            Answer(await y.CarryOverAsync(http.Me(), id, body?.TaskIds, ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        api.MapGet("/tasks/{id:int}/years", async Task<Results<Ok<List<TaskYear>>, ProblemHttpResult>> (int id, HttpContext http, YearLinks y, CancellationToken ct) =>
            Answer(await y.HistoryAsync(http.Me(), id, ct))).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        return api;
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> r) => r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
}
