using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Admin;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

public sealed record PlanDetailsInput([TextLimit(typeof(Plan), nameof(Plan.Title))] string? Title,
    [TextLimit(typeof(Plan), nameof(Plan.Issuer))] string? Issuer, int Year, int? Version = null);
public sealed record NewTaskInput(int? ParentId, [TextLimit(PlanTask.MaxTextLength)] string? Heading,
    [TextLimit(PlanTask.MaxTextLength)] string? Text, [TextLimit(PlanTask.MaxTextLength)] string? Deadline);
public sealed record AssignInput(List<int>? TaskIds, int UnitId, UnitRole Role);
public sealed record AssignResult(int Changed);
/// <summary>新建单位 from an unmatched name: its kind, or the unit of a directory above to copy (name, kind, aliases).</summary>
public sealed record NewUnitFromName(UnitKind Kind = UnitKind.Department, int? FromUnitId = null);
/// <summary>全部新建为单位: the one kind the plan's unmapped names become.</summary>
public sealed record NewUnitsFromNames(UnitKind Kind = UnitKind.Department);

/// <summary>
/// The review tools for API clients, beside the page: the publish checklist, the plan's details, 归档/撤回发布, adding and
/// deleting tasks, removing a unit from a task, 批量分工 and a unit created from a name as written.
/// </summary>
public static class ReviewToolsApi
{
    public static RouteGroupBuilder MapReviewToolsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        g.MapGet("/plans/{id:int}/checklist", Checklist);
        g.MapPut("/plans/{id:int}", UpdateDetails);
        g.MapPost("/plans/{id:int}/archive", (int id, HttpContext http, PlanLifecycle l, CancellationToken ct) => Archive(id, true, http, l, ct));
        g.MapPost("/plans/{id:int}/unarchive", (int id, HttpContext http, PlanLifecycle l, CancellationToken ct) => Archive(id, false, http, l, ct));
        g.MapPost("/plans/{id:int}/withdraw", Withdraw);
        g.MapPost("/plans/{id:int}/tasks", AddTask);
        g.MapDelete("/tasks/{id:int}", DeleteTask);
        g.MapDelete("/tasks/{taskId:int}/units/{linkId:int}", RemoveUnit);
        g.MapPost("/plans/{id:int}/assign", Assign);
        g.MapPost("/task-units/{linkId:int}/create-unit", CreateUnit);
        g.MapPost("/plans/{id:int}/create-units", CreateUnits);
        return api;
    }

    public static async Task<Results<Ok<PublishChecklist>, ProblemHttpResult>> Checklist(int id, HttpContext http, LedgerQueries q,
        LedgerDbContext db, CancellationToken ct)
    {
        var access = await q.PlanAsync(http.Me(), id, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return Problems.From(e);
        return TypedResults.Ok(await PublishChecklist.ForAsync(db, id, ct));
    }

    public static async Task<Results<Ok<PlanListItem>, ProblemHttpResult>> UpdateDetails(int id, PlanDetailsInput input, HttpContext http,
        PlanLifecycle lifecycle, CancellationToken ct)
    {
        var r = await lifecycle.UpdateDetailsAsync(http.Me(), id, input.Title, input.Issuer, input.Year, Concurrency.IfMatch(http, input.Version), ct);
        if (r.Error is { } e) return Problems.From(e);
        http.Response.Headers.ETag = $"\"{r.Value!.Version}\"";
        return TypedResults.Ok(PlanListItem.Of(r.Value));
    }

    private static async Task<Results<Ok<PlanListItem>, ProblemHttpResult>> Archive(int id, bool archive, HttpContext http, PlanLifecycle lifecycle,
        CancellationToken ct)
    {
        var r = await lifecycle.ArchiveAsync(http.Me(), id, archive, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(PlanListItem.Of(r.Value!));
    }

    public static async Task<Results<Ok<PlanListItem>, ProblemHttpResult>> Withdraw(int id, HttpContext http, PlanLifecycle lifecycle, CancellationToken ct)
    {
        var r = await lifecycle.WithdrawAsync(http.Me(), id, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(PlanListItem.Of(r.Value!));
    }

    public static async Task<Results<Created<object>, ProblemHttpResult>> AddTask(int id, NewTaskInput input, HttpContext http,
        TaskStructureEditor editor, CancellationToken ct)
    {
        var r = await editor.AddAsync(http.Me(), id, input.ParentId, input.Heading, input.Text, input.Deadline, ct);
        if (r.Error is { } e) return Problems.From(e);
        return TypedResults.Created($"/api/v1/tasks/{r.Value!.Id}", TaskView.Of(r.Value));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteTask(int id, HttpContext http, TaskStructureEditor editor, CancellationToken ct)
    {
        var r = await editor.DeleteAsync(http.Me(), id, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveUnit(int taskId, int linkId, HttpContext http, TaskUnitAssignments units, CancellationToken ct)
    {
        var r = await units.RemoveAsync(http.Me(), linkId, ct, taskId);
        return r.Error is { } e ? Problems.From(e) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<AssignResult>, ProblemHttpResult>> Assign(int id, AssignInput input, HttpContext http,
        TaskUnitAssignments units, CancellationToken ct)
    {
        var r = await units.AssignAsync(http.Me(), id, input.TaskIds ?? [], input.UnitId, input.Role, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(new AssignResult(r.Value));
    }

    public static async Task<Results<Created<UnitDto>, ProblemHttpResult>> CreateUnit(int linkId, NewUnitFromName? input, HttpContext http,
        TaskUnitAssignments units, CancellationToken ct)
    {
        var r = await units.CreateFromNameAsync(http.Me(), linkId, input?.Kind ?? UnitKind.Department, ct, input?.FromUnitId);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Created($"/api/v1/units/{r.Value!.Id}", r.Value);
    }

    /// <summary>全部新建为单位: every unmapped unit name of the plan becomes a unit of that kind (200 with the units made).</summary>
    public static async Task<Results<Ok<IReadOnlyList<UnitDto>>, ProblemHttpResult>> CreateUnits(int id, NewUnitsFromNames? input, HttpContext http,
        TaskUnitAssignments units, CancellationToken ct)
    {
        var r = await units.CreateAllFromNamesAsync(http.Me(), id, input?.Kind ?? UnitKind.Department, ct);
        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);
    }
}
