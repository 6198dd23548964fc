using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Plans;

/// <summary>Edit of a task as on the review page (lengths are checked by <see cref="ReviewRules"/>, with a message per field), with the version read (<c>version</c> field or <c>If-Match</c>).</summary>
public sealed record TaskUpdate(
    [TextLimit(PlanTask.MaxTextLength)] string? Heading,
    [TextLimit(PlanTask.MaxTextLength)] string? Text,
    [TextLimit(PlanTask.MaxTextLength)] string? Deadline,
    DateOnly? DueDate, int? Version = null);

/// <summary><c>PUT /api/v1/tasks/{id}</c>: the review page's task edit for API clients; a stale version is 409 with the current values.</summary>
public static class PlanEditsApi
{
    public static RouteGroupBuilder MapPlanEditsApi(this RouteGroupBuilder api)
    {
        api.MapPut("/tasks/{id:int}", async (int id, TaskUpdate input, HttpContext http, PlanEditor editor, LedgerQueries q, CancellationToken ct) =>
        {
            var version = Concurrency.IfMatch(http, input.Version);
            var r = await editor.UpdateTaskAsync(http.Me(), id, new TaskEdit(input.Heading ?? "", input.Text ?? "", input.Deadline, input.DueDate, version), ct);
            if (r.Error is { } e) return (Results<Ok<object>, ProblemHttpResult>)Problems.From(e);
            http.Response.Headers.ETag = $"\"{r.Value!.Version}\"";
            return TypedResults.Ok(TaskView.Of(r.Value!));
        }).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Tasks");
        return api;
    }
}
