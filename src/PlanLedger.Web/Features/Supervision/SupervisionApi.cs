using PlanLedger.Web.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Decisions;
using PlanLedger.Web.Features.Reports;

namespace PlanLedger.Web.Features.Supervision;

public sealed record ReplyBody([TextLimit(typeof(SupervisionNotice), nameof(SupervisionNotice.ReplyText))] string? Text);
public sealed record NoticeCommentBody([TextLimit(typeof(SupervisionEvent), nameof(SupervisionEvent.Text))] string? Comment, [TextLimit(20)] string? ReplyBy);
public sealed record StopBody([TextLimit(typeof(SupervisionNotice), nameof(SupervisionNotice.StopReason))] string? Reason);
public sealed record EscalateBody([TextLimit(20)] string? ReplyBy);
public sealed record TextBody([TextLimit(typeof(LeaderComment), nameof(LeaderComment.Text))] string? Text);

/// <summary>/api/v1/supervisions — 督办单: issue, list, detail with history, 签收, 反馈, 办结, 退回重办, 中止, 升级, 领导批示.</summary>
public static class SupervisionApi
{
    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/supervisions").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Supervision");
        g.MapPost("", Issue);
        g.MapGet("", List);
        g.MapGet("/{id:int}", Detail);
        g.MapPost("/{id:int}/acknowledge", Acknowledge);
        g.MapPost("/{id:int}/reply", Reply);
        g.MapPost("/{id:int}/close", Close);
        g.MapPost("/{id:int}/return", Return);
        g.MapPost("/{id:int}/units/{unitId:int}/close", CloseUnit);
        g.MapPost("/{id:int}/units/{unitId:int}/return", ReturnUnit);
        g.MapPost("/{id:int}/stop", Stop);
        g.MapPost("/{id:int}/escalate", Escalate);
        g.MapPost("/{id:int}/comments", Comment);
        g.MapGet("/{id:int}/comments", Comments);
        return api;
    }

    public static async Task<Results<Created<NoticeDto>, ProblemHttpResult>> Issue(IssueInput? body, HttpContext http, SupervisionService s, CancellationToken ct)
    {
        if (body is null) return Problems.From(Failure.BadRequest("请求体为空"));
        var r = await s.IssueAsync(http.Me(), body, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Created($"/api/v1/supervisions/{r.Value!.Id}", r.Value);
    }

    public static async Task<Ok<List<NoticeDto>>> List(HttpContext http, SupervisionService s, [FromQuery] [TextLimit(20)] string? state, [FromQuery] [TextLimit(10)] string? level,
        [FromQuery] int? unitId, [FromQuery] int? taskId, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(http.Me(), new NoticeFilter(state, level, unitId, taskId), ct));

    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> Detail(int id, HttpContext http, SupervisionService s, CancellationToken ct) =>
        Answer(await s.DetailAsync(http.Me(), id, ct));

    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> Acknowledge(int id, HttpContext http, SupervisionService s, CancellationToken ct) =>
        Answer(await s.AcknowledgeAsync(http.Me(), id, ct));

    /// <summary>JSON <c>{"text"}</c>, or multipart with field <c>text</c> and evidence files <c>file</c>.</summary>
    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> Reply(int id, HttpContext http, SupervisionService s, CancellationToken ct)
    {
        string? text;
        List<EvidenceUpload> uploads = [];
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            text = form["text"];
            uploads = form.Files.Where(f => f.Length > 0).Select(f => new EvidenceUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        }
        else
        {
            var body = await http.Request.ReadFromJsonAsync<ReplyBody>(ct);
            text = body?.Text;
        }
        return Answer(await s.ReplyAsync(http.Me(), id, text, uploads, ct));
    }

    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> Close(int id, NoticeCommentBody? body, HttpContext http, SupervisionService s, CancellationToken ct) =>
        Answer(await s.CloseAsync(http.Me(), id, body?.Comment, ct));

    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> Return(int id, NoticeCommentBody? body, HttpContext http, SupervisionService s, CancellationToken ct) =>
        Answer(await s.ReturnAsync(http.Me(), id, body?.Comment, body?.ReplyBy, ct));

    /// <summary>办结 one unit's part of a notice sent to several units.</summary>
    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> CloseUnit(int id, int unitId, NoticeCommentBody? body, HttpContext http, SupervisionService s, CancellationToken ct) =>
        Answer(await s.CloseUnitAsync(http.Me(), id, unitId, body?.Comment, ct));

    /// <summary>退回重办 one unit's part: <c>{comment, replyBy?}</c>.</summary>
    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> ReturnUnit(int id, int unitId, NoticeCommentBody? body, HttpContext http, SupervisionService s, CancellationToken ct) =>
        Answer(await s.ReturnUnitAsync(http.Me(), id, unitId, body?.Comment, body?.ReplyBy, ct));

    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> Stop(int id, StopBody? body, HttpContext http, SupervisionService s, CancellationToken ct) =>
        Answer(await s.StopAsync(http.Me(), id, body?.Reason, ct));

    public static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> Escalate(int id, EscalateBody? body, HttpContext http, SupervisionService s, CancellationToken ct) =>
        Answer(await s.EscalateAsync(http.Me(), id, body?.ReplyBy, ct));

    public static async Task<Results<Created<CommentDto>, ProblemHttpResult>> Comment(int id, TextBody? body, HttpContext http, SupervisionService s, CancellationToken ct)
    {
        var r = await s.CommentAsync(http.Me(), id, body?.Text, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Created($"/api/v1/supervisions/{id}/comments", r.Value!);
    }

    public static async Task<Results<Ok<List<CommentDto>>, ProblemHttpResult>> Comments(int id, HttpContext http, SupervisionService s, CancellationToken ct)
    {
        var r = await s.DetailAsync(http.Me(), id, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(await s.CommentsAsync(id, ct));
    }

    private static Results<Ok<NoticeDto>, ProblemHttpResult> Answer(Outcome<NoticeDto> r) =>
        r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
}
