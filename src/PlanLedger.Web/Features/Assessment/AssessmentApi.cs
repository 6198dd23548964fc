using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Documents;

namespace PlanLedger.Web.Features.Assessment;

public sealed record AssessmentKey(int OrganisationId, int Year);
public sealed record SchemeRequest(int OrganisationId, int Year, SchemeDefinition? Scheme);
public sealed record ScoreRequest(int OrganisationId, int Year, int UnitId, [TextLimit(50)] string? Indicator, decimal Score, [TextLimit(1000)] string? Note);
public sealed record AdjustmentRequest(int OrganisationId, int Year, int UnitId, [TextLimit(50)] string? Item, decimal Points, [TextLimit(1000)] string? Basis);
public sealed record VetoRequest(int OrganisationId, int Year, int UnitId, [TextLimit(50)] string? Veto, [TextLimit(1000)] string? Note, bool Remove = false);

/// <summary>
/// /api/v1/assessments — 目标管理责任制考核: <c>GET ?organisationId=&amp;year=</c> (the contract), the scheme, manual scores,
/// 加分/扣分, 一票否决, confirm / publish / revise, and the 考核结果通报 as Word.
/// </summary>
public static class AssessmentApi
{
    public static RouteGroupBuilder MapAssessmentApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/assessments").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Assessment");
        g.MapGet("/", Get);
        g.MapGet("/scheme", GetScheme);
        g.MapPut("/scheme", PutScheme);
        g.MapPut("/scores", PutScore);
        g.MapPost("/adjustments", PostAdjustment);
        g.MapPost("/vetoes", PostVeto);
        g.MapPost("/confirm", (AssessmentKey k, HttpContext http, AssessmentService s, CancellationToken ct) => Result(s.ConfirmAsync(http.Me(), k.OrganisationId, k.Year, ct)));
        g.MapPost("/publish", (AssessmentKey k, HttpContext http, AssessmentService s, CancellationToken ct) => Result(s.PublishAsync(http.Me(), k.OrganisationId, k.Year, ct)));
        g.MapPost("/revise", (AssessmentKey k, HttpContext http, AssessmentService s, CancellationToken ct) => Result(s.ReviseAsync(http.Me(), k.OrganisationId, k.Year, ct)));
        g.MapGet("/document", Document);
        return api;
    }

    /// <summary>The 考核结果通报 for signed-in pages (cookie): <c>/assessments/document?year=&amp;organisationId=</c>.</summary>
    public static void MapAssessmentPagesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/assessments/document", Document).RequireAuthorization().ExcludeFromDescription();

    private static async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> Result(Task<Outcome<AssessmentView>> task)
    {
        var r = await task;
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
    }

    private static Task<Results<Ok<AssessmentView>, ProblemHttpResult>> Get(int? organisationId, int? year, HttpContext http, AssessmentService s,
        TimeProvider clock, CancellationToken ct)
    {
        var me = http.Me();
        return Result(s.ViewAsync(me, organisationId ?? me.OrganisationId, year ?? Shared.Shanghai.Today(clock).Year, ct));
    }

    private static async Task<Results<Ok<SchemeDefinition>, ProblemHttpResult>> GetScheme(int? organisationId, int? year, HttpContext http, AssessmentService s,
        TimeProvider clock, CancellationToken ct)
    {
        var me = http.Me();
        var view = await s.ViewAsync(me, organisationId ?? me.OrganisationId, year ?? Shared.Shanghai.Today(clock).Year, ct);
        return view.Error is { } e ? Problems.From(e) : TypedResults.Ok(view.Value!.Scheme);
    }

    private static async Task<Results<Ok<SchemeDefinition>, ProblemHttpResult>> PutScheme(SchemeRequest? body, HttpContext http, AssessmentService s, CancellationToken ct)
    {
        if (body is null) return Problems.From(Failure.BadRequest("请求体为空"));
        var r = await s.SaveSchemeAsync(http.Me(), body.OrganisationId, body.Year, body.Scheme, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
    }

    private static Task<Results<Ok<AssessmentView>, ProblemHttpResult>> PutScore(ScoreRequest? b, HttpContext http, AssessmentService s, CancellationToken ct) =>
        b is null ? Task.FromResult<Results<Ok<AssessmentView>, ProblemHttpResult>>(Problems.From(Failure.BadRequest("请求体为空")))
            : Result(s.SetScoreAsync(http.Me(), b.OrganisationId, b.Year, new ManualScore(b.UnitId, b.Indicator ?? "", b.Score, b.Note ?? ""), ct));

    private static Task<Results<Ok<AssessmentView>, ProblemHttpResult>> PostAdjustment(AdjustmentRequest? b, HttpContext http, AssessmentService s, CancellationToken ct) =>
        b is null ? Task.FromResult<Results<Ok<AssessmentView>, ProblemHttpResult>>(Problems.From(Failure.BadRequest("请求体为空")))
            : Result(s.AddAdjustmentAsync(http.Me(), b.OrganisationId, b.Year, new AdjustmentEntry(b.UnitId, b.Item ?? "", b.Points, b.Basis ?? ""), ct));

    private static Task<Results<Ok<AssessmentView>, ProblemHttpResult>> PostVeto(VetoRequest? b, HttpContext http, AssessmentService s, CancellationToken ct) =>
        b is null ? Task.FromResult<Results<Ok<AssessmentView>, ProblemHttpResult>>(Problems.From(Failure.BadRequest("请求体为空")))
            : Result(s.SetVetoAsync(http.Me(), b.OrganisationId, b.Year, new VetoEntry(b.UnitId, b.Veto ?? "", b.Note ?? ""), b.Remove, ct));

    private static async Task<IResult> Document(int? organisationId, int? year, HttpContext http, AssessmentService s, TimeProvider clock, CancellationToken ct)
    {
        var me = http.Me();
        var view = await s.ViewAsync(me, organisationId ?? me.OrganisationId, year ?? Shared.Shanghai.Today(clock).Year, ct);
        if (view.Error is { } e) return Problems.From(e);
        var doc = AssessmentNoticeDocument.Build(view.Value!, Shared.Shanghai.Today(clock));
        return TypedResults.File(GongwenWriter.Write(doc), GongwenWriter.ContentType, $"考核结果通报-{view.Value!.Year}.docx");
    }
}
