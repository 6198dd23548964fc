using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Dashboard;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

public sealed record PlanListItem(int Id, string Title, string? Issuer, int Year, string Status, int TaskCount, bool Archived = false)
{
    public static PlanListItem Of(Plan p) =>
        new(p.Id, p.Title, p.Issuer, p.Year, p.Status == PlanStatus.Draft ? "draft" : "published", p.TaskCount, p.ArchivedAt != null);
}

/// <summary>/api/v1/plans — import, list, tree, flat task list, publish, summary.</summary>
public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/plans").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        g.MapPost("/", Create);
        g.MapGet("/", List);
        g.MapGet("/{id:int}", Get).Produces<PlanTree>().ProducesProblem(404).Produces(304);
        g.MapGet("/{id:int}/tasks", Tasks).Produces<List<TaskDto>>().ProducesProblem(404).Produces(304);
        g.MapGet("/{id:int}/summary", Summary).Produces<PlanSummary>().ProducesProblem(404).Produces(304);
        g.MapPost("/{id:int}/publish", Publish);
        g.MapDelete("/{id:int}", Delete);
        return api;
    }

    public static async Task<Results<Created<PlanCreated>, ProblemHttpResult>> Create(HttpContext http,
        [FromServices] PlanImporter importer, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return Problems.From(Failure.BadRequest("请以 multipart/form-data 上传字段 file"));
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return Problems.From(Failure.BadRequest("缺少文件或文件为空"));
        var issuer = form["issuer"].FirstOrDefault();
        if ((TextRules.Invalid(file.FileName) ?? TextRules.Invalid(issuer)) is { } why)
            return Problems.From(Failure.BadRequest($"文件名或发文机关{why}"));
        int? year = null;
        if (form.TryGetValue("year", out var y) && !string.IsNullOrWhiteSpace(y))
        {
            if (!int.TryParse(y, out var yy)) return Problems.From(Failure.BadRequest("年份无效"));
            year = yy;
        }
        await using var stream = file.OpenReadStream();
        var result = await importer.ImportAsync(http.Me(), stream, file.FileName, file.Length, year, issuer, ct);
        if (result.Error is { } e) return Problems.From(e);
        return TypedResults.Created($"/api/v1/plans/{result.Value!.Id}", result.Value);
    }

    /// <summary>Plans per page of <c>GET /plans</c> when the client names none, and the most it may ask for.</summary>
    public const int DefaultPageSize = 100, MaxPageSize = 500;

    /// <summary>
    /// The plans in scope, newest year first; archived ones (归档) only with <c>?archived=true</c>. The body stays the
    /// contract's array; it is paged (<c>?page=1&amp;pageSize=100</c>, at most 500): <c>X-Total-Count</c> gives the number
    /// of plans and <c>Link: …; rel="next"</c> the next page while there is one. A page past the end is an empty array.
    /// </summary>
    public static async Task<Results<Ok<List<PlanListItem>>, ProblemHttpResult>> List(HttpContext http, LedgerDbContext db, CancellationToken ct,
        bool archived = false, int? page = null, int? pageSize = null)
    {
        if (page is < 1) return Problems.From(Failure.BadRequest("页码 page 应为不小于 1 的整数"));
        if (pageSize is < 1 or > MaxPageSize) return Problems.From(Failure.BadRequest($"每页条数 pageSize 应为 1–{MaxPageSize}"));
        int number = page ?? 1, size = pageSize ?? DefaultPageSize;
        var scope = Access.VisiblePlans(db.Plans, http.Me()).Where(p => (p.ArchivedAt != null) == archived);
        var total = await scope.CountAsync(ct);
        var plans = total <= (long)(number - 1) * size ? new List<PlanListItem>() : await scope
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(p => new PlanListItem(p.Id, p.Title, p.Issuer, p.Year,
                p.Status == PlanStatus.Draft ? "draft" : "published", p.TaskCount, p.ArchivedAt != null))
            .ToListAsync(ct);
        http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if ((long)number * size < total)
            http.Response.Headers.Link = $"</api/v1/plans?page={number + 1}&pageSize={size}{(archived ? "&archived=true" : "")}>; rel=\"next\"";
        return TypedResults.Ok(plans);
    }

    // The whole-plan reads: the access check on every request, then the body of the plan's current revision from the
    // read cache (PlanReadCache), with an ETag of the revision (If-None-Match → 304).
    public static async Task<IResult> Get(int id, HttpContext http, LedgerQueries q, PlanReadCache cache, CancellationToken ct)
    {
        var access = await q.PlanAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Problems.From(e);
        var plan = access.Value!.Plan;
        return await cache.JsonAsync(http, "tree", plan, async () => PlanTree.Build(plan, await q.TasksAsync(id, ct)));
    }

    public static async Task<IResult> Tasks(int id, HttpContext http, LedgerQueries q, PlanReadCache cache, CancellationToken ct)
    {
        var access = await q.PlanAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Problems.From(e);
        return await cache.JsonAsync(http, "tasks", access.Value!.Plan, () => q.TasksAsync(id, ct));
    }

    public static async Task<IResult> Summary(int id, HttpContext http, LedgerQueries q, SummaryService summaries,
        PlanReadCache cache, CancellationToken ct)
    {
        var access = await q.PlanAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Problems.From(e);
        return await cache.JsonAsync(http, "summary", access.Value!.Plan, () => summaries.SummaryAsync(id, ct));
    }

    /// <summary>Deletes a draft plan (204); a published one → 409, another organisation's → 404.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, HttpContext http, PlanEditor editor, CancellationToken ct)
    {
        var result = await editor.DeleteDraftAsync(http.Me(), id, ct);
        return result.Error is { } e ? Problems.From(e) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PlanListItem>, ProblemHttpResult>> Publish(int id, HttpContext http, PlanEditor editor, CancellationToken ct)
    {
        var result = await editor.PublishAsync(http.Me(), id, ct);
        if (result.Error is { } e) return Problems.From(e);
        var p = result.Value!;
        return TypedResults.Ok(new PlanListItem(p.Id, p.Title, p.Issuer, p.Year, "published", p.TaskCount));
    }
}
