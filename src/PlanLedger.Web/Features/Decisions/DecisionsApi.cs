using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Data.EntityConfigurations;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Decisions;

public sealed record ReasonBody([TextLimit(typeof(PlanTask), nameof(PlanTask.CloseReason))] string? Reason);
public sealed record OngoingBody(bool Ongoing);
public sealed record ExtensionBody([TextLimit(20)] string? DueDate, [TextLimit(typeof(TaskRequest), nameof(TaskRequest.Reason))] string? Reason);
public sealed record DecisionBody([TextLimit(typeof(TaskRequest), nameof(TaskRequest.DecisionComment))] string? Comment);
public sealed record CommentBody([TextLimit(typeof(LeaderComment), nameof(LeaderComment.Text))] string? Text, int? ReportId);
public sealed record TaskDecisionDto(int Id, string Status, int Progress, bool Ongoing, DateOnly? DueDate, DateTimeOffset? ClosedAt, string? CloseReason);

/// <summary>/api/v1 — 销号 (with a reason), 撤销销号, 常态落实, 延期申请 / 销号申请 and their decisions, 领导批示, a task's history.</summary>
public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Decisions");
        g.MapPost("/tasks/{id:int}/close", Close);
        g.MapPost("/tasks/{id:int}/reopen", Reopen);
        g.MapPost("/tasks/{id:int}/ongoing", Ongoing);
        g.MapPost("/tasks/{id:int}/extension-requests", Extension);
        g.MapPost("/tasks/{id:int}/closeout-requests", CloseOutRequest);
        g.MapGet("/tasks/{id:int}/history", History);
        g.MapPost("/tasks/{id:int}/comments", Comment);
        g.MapGet("/tasks/{id:int}/comments", Comments);
        g.MapGet("/requests", Requests);
        g.MapPost("/requests/{id:int}/approve", Approve);
        g.MapPost("/requests/{id:int}/refuse", Refuse);
        g.MapPost("/requests/{id:int}/withdraw", Withdraw);
        return api;
    }

    public static async Task<Results<Ok<TaskDecisionDto>, ProblemHttpResult>> Close(int id, ReasonBody? body, HttpContext http, TaskDecisionService s, CancellationToken ct) =>
        Answer(await s.CloseOutAsync(http.Me(), id, body?.Reason, ct));

    public static async Task<Results<Ok<TaskDecisionDto>, ProblemHttpResult>> Reopen(int id, ReasonBody? body, HttpContext http, TaskDecisionService s, CancellationToken ct) =>
        Answer(await s.UndoCloseOutAsync(http.Me(), id, body?.Reason, ct));

    public static async Task<Results<Ok<TaskDecisionDto>, ProblemHttpResult>> Ongoing(int id, OngoingBody? body, HttpContext http, TaskDecisionService s, CancellationToken ct) =>
        Answer(await s.SetOngoingAsync(http.Me(), id, body?.Ongoing ?? true, ct));

    public static async Task<Results<Created<RequestDto>, ProblemHttpResult>> Extension(int id, ExtensionBody? body, HttpContext http, TaskDecisionService s, CancellationToken ct)
    {
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(body?.DueDate))
        {
            if (!DateOnly.TryParseExact(body.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return Problems.From(Failure.BadRequest("日期格式应为 yyyy-MM-dd"));
            due = d;
        }
        return Created(await s.RequestAsync(http.Me(), id, TaskRequestKind.Extension, body?.Reason, due, null, ct));
    }

    /// <summary>JSON <c>{"reason"}</c>, or multipart with field <c>reason</c> and evidence files <c>file</c>.</summary>
    public static async Task<Results<Created<RequestDto>, ProblemHttpResult>> CloseOutRequest(int id, HttpContext http, TaskDecisionService s, CancellationToken ct)
    {
        string? reason;
        List<EvidenceUpload> uploads = [];
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            reason = form["reason"];
            uploads = form.Files.Where(f => f.Length > 0).Select(f => new EvidenceUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        }
        else reason = (await http.Request.ReadFromJsonAsync<ReasonBody>(ct))?.Reason;
        return Created(await s.RequestAsync(http.Me(), id, TaskRequestKind.CloseOut, reason, null, uploads, ct));
    }

    public static async Task<Results<Ok<List<TaskEventDto>>, ProblemHttpResult>> History(int id, HttpContext http, LedgerQueries q, TaskDecisionService s, CancellationToken ct)
    {
        var t = await q.TaskAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        return t.Error is { } e ? Problems.From(e) : TypedResults.Ok(await s.EventsAsync(id, ct));
    }

    public static async Task<Results<Created<CommentDto>, ProblemHttpResult>> Comment(int id, CommentBody? body, HttpContext http, TaskDecisionService s, CancellationToken ct)
    {
        var r = await s.CommentAsync(http.Me(), id, body?.ReportId, body?.Text, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Created($"/api/v1/tasks/{id}/comments", r.Value!);
    }

    public static async Task<Results<Ok<List<CommentDto>>, ProblemHttpResult>> Comments(int id, HttpContext http, LedgerQueries q, TaskDecisionService s, CancellationToken ct)
    {
        var t = await q.TaskAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        return t.Error is { } e ? Problems.From(e) : TypedResults.Ok(await s.CommentsAsync(id, ct));
    }

    public static async Task<Ok<List<RequestDto>>> Requests(HttpContext http, TaskDecisionService s, [FromQuery] int? taskId, [FromQuery] [TextLimit(20)] string? state, CancellationToken ct) =>
        TypedResults.Ok(await s.RequestsAsync(http.Me(), taskId, state, ct));

    public static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> Approve(int id, DecisionBody? body, HttpContext http, TaskDecisionService s, CancellationToken ct) =>
        AnswerRequest(await s.DecideAsync(http.Me(), id, approve: true, body?.Comment, ct));

    public static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> Refuse(int id, DecisionBody? body, HttpContext http, TaskDecisionService s, CancellationToken ct) =>
        AnswerRequest(await s.DecideAsync(http.Me(), id, approve: false, body?.Comment, ct));

    public static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> Withdraw(int id, HttpContext http, TaskDecisionService s, CancellationToken ct) =>
        AnswerRequest(await s.WithdrawRequestAsync(http.Me(), id, ct));

    private static Results<Ok<TaskDecisionDto>, ProblemHttpResult> Answer(Outcome<PlanTask> r) =>
        r.Error is { } e ? Problems.From(e) : TypedResults.Ok(new TaskDecisionDto(r.Value!.Id, StatusNames.ToName(r.Value.Status), r.Value.Progress,
            r.Value.Ongoing, r.Value.DueDate, r.Value.ClosedAt, r.Value.CloseReason));

    private static Results<Ok<RequestDto>, ProblemHttpResult> AnswerRequest(Outcome<RequestDto> r) =>
        r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);

    private static Results<Created<RequestDto>, ProblemHttpResult> Created(Outcome<RequestDto> r) =>
        r.Error is { } e ? Problems.From(e) : TypedResults.Created($"/api/v1/requests/{r.Value!.Id}", r.Value);
}
