using PlanLedger.Web.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Reports;

namespace PlanLedger.Web.Features.Review;

public sealed record CommentBody([TextLimit(typeof(ProgressReport), nameof(ProgressReport.ReviewComment))] string? Comment);
public sealed record BulkBody(IReadOnlyList<int>? ReportIds, [TextLimit(typeof(ProgressReport), nameof(ProgressReport.ReviewComment))] string? Comment);
public sealed record UrgeBody([TextLimit(typeof(UrgeRecord), nameof(UrgeRecord.Period), Label = "报送周期")] string? Period, IReadOnlyList<int>? UnitIds);
public sealed record UrgeResponse(int Notified, IReadOnlyList<int> UnitIds, IReadOnlyList<int> AlreadyUrgedToday);

/// <summary>/api/v1 — the office's monthly loop: 待审核 inbox, 通过/退回 (one and bulk), the unit's 撤回/修改, 本期报送情况, 催办.</summary>
public static class ReviewApi
{
    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Review");
        g.MapGet("/reviews", Inbox);
        g.MapPost("/reviews/approve", BulkApprove);
        g.MapPost("/reviews/return", BulkReturn);
        g.MapPost("/reports/{id:int}/approve", Approve);
        g.MapPost("/reports/{id:int}/return", Return);
        g.MapPost("/reports/{id:int}/withdraw", Withdraw);
        g.MapPut("/reports/{id:int}", Edit);
        g.MapGet("/plans/{id:int}/missing", Missing);
        g.MapGet("/plans/{id:int}/periods/{period}", Period);
        g.MapPost("/plans/{id:int}/urge", Urge);
        return api;
    }

    public static async Task<Ok<List<ReviewItem>>> Inbox(HttpContext http, ReviewService reviews, [FromQuery] int? planId,
        [FromQuery] int? unitId, [FromQuery] [TextLimit(typeof(PlanTask), nameof(PlanTask.Section))] string? section, [FromQuery] [TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period), Label = "报送周期")] string? period, CancellationToken ct) =>
        TypedResults.Ok(await reviews.InboxAsync(http.Me(), new ReviewFilter(planId, unitId, section, period), ct));

    public static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Approve(int id, CommentBody? body, HttpContext http, ReviewService reviews, CancellationToken ct) =>
        Answer(await reviews.ApproveAsync(http.Me(), id, body?.Comment, ct));

    public static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Return(int id, CommentBody? body, HttpContext http, ReviewService reviews, CancellationToken ct) =>
        Answer(await reviews.ReturnAsync(http.Me(), id, body?.Comment, ct));

    public static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Withdraw(int id, HttpContext http, ReportService reports, CancellationToken ct) =>
        Answer(await reports.WithdrawAsync(http.Me(), id, ct));

    public static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Edit(int id, ReportEdit? body, HttpContext http, ReportService reports, CancellationToken ct) =>
        body is null ? Problems.From(Failure.BadRequest("请求体为空")) : Answer(await reports.EditAsync(http.Me(), id, body, ct));

    public static async Task<Results<Ok<BulkResult>, ProblemHttpResult>> BulkApprove(BulkBody? body, HttpContext http, ReviewService reviews, CancellationToken ct)
    {
        if (body?.ReportIds is not { Count: > 0 } ids) return Problems.From(Failure.BadRequest("请选择填报"));
        return TypedResults.Ok(await reviews.BulkAsync(http.Me(), ids, approve: true, body.Comment, ct));
    }

    public static async Task<Results<Ok<BulkResult>, ProblemHttpResult>> BulkReturn(BulkBody? body, HttpContext http, ReviewService reviews, CancellationToken ct)
    {
        if (body?.ReportIds is not { Count: > 0 } ids) return Problems.From(Failure.BadRequest("请选择填报"));
        if (string.IsNullOrWhiteSpace(body.Comment)) return Problems.From(Failure.BadRequest("请填写退回意见"));
        return TypedResults.Ok(await reviews.BulkAsync(http.Me(), ids, approve: false, body.Comment, ct));
    }

    public static async Task<Results<Ok<List<MissingUnit>>, ProblemHttpResult>> Missing(int id, [FromQuery] [TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period), Label = "报送周期")] string? period, HttpContext http,
        PeriodService periods, CancellationToken ct)
    {
        var r = await periods.MissingAsync(http.Me(), id, period, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
    }

    public static async Task<Results<Ok<PeriodView>, ProblemHttpResult>> Period(int id, [TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period), Label = "报送周期")] string period, HttpContext http, PeriodService periods, CancellationToken ct)
    {
        var r = await periods.ViewAsync(http.Me(), id, period, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
    }

    public static async Task<Results<Ok<UrgeResponse>, ProblemHttpResult>> Urge(int id, UrgeBody? body, HttpContext http, PeriodService periods, CancellationToken ct)
    {
        var r = await periods.UrgeAsync(http.Me(), id, body?.Period, body?.UnitIds, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(new UrgeResponse(r.Value!.Notified, r.Value.UnitIds, r.Value.AlreadyUrgedToday));
    }

    private static Results<Ok<ReportDto>, ProblemHttpResult> Answer(Outcome<ReportDto> r) =>
        r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
}
