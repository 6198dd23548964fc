using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.EntityConfigurations;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Tasks;

public sealed record TaskStatusDto(int Id, string Status, int Progress);

/// <summary>/api/v1/tasks and reports — progress reporting and evidence (decisions: ReviewApi, DecisionsApi).</summary>
public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Progress");
        g.MapPost("/tasks/{id:int}/reports", Submit);
        g.MapGet("/tasks/{id:int}/reports", List);
        g.MapPost("/reports/{id:int}/evidence", AddEvidence);
        g.MapGet("/evidence/{id:int}", Download);
        return api;
    }

    public static async Task<Results<Created<ReportDto>, ProblemHttpResult>> Submit(int id, ReportInput? input, HttpContext http,
        ReportService reports, CancellationToken ct)
    {
        if (input is null) return Problems.From(Failure.BadRequest("请求体为空"));
        var r = await reports.SubmitAsync(http.Me(), id, input, null, ct);
        if (r.Error is { } e) return Problems.From(e);
        return TypedResults.Created($"/api/v1/tasks/{id}/reports", r.Value);
    }

    public static async Task<Results<Ok<List<ReportDto>>, ProblemHttpResult>> List(int id, HttpContext http, LedgerQueries q,
        ReportService reports, CancellationToken ct)
    {
        var t = await q.TaskAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        if (t.Error is { } e) return Problems.From(e);
        return TypedResults.Ok(await reports.ListAsync(id, ct));
    }

    /// <summary>Multipart field <c>file</c> (one or more): evidence for a submitted report.</summary>
    public static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> AddEvidence(int id, HttpContext http, ReportService reports, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return Problems.From(Failure.BadRequest("请以 multipart/form-data 上传字段 file"));
        var form = await http.Request.ReadFormAsync(ct);
        var uploads = form.Files.Where(f => f.Length > 0)
            .Select(f => new EvidenceUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        var r = await reports.AddEvidenceAsync(http.Me(), id, uploads, ct);
        if (r.Error is { } e) return Problems.From(e);
        return TypedResults.Ok(r.Value!);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(int id, HttpContext http, LedgerDbContext db,
        LedgerQueries q, EvidenceStore store, CancellationToken ct)
    {
        var r = await EvidenceFile.OpenAsync(http.Me(), id, db, q, store, ct);
        if (r.Error is { } e) return Problems.From(e);
        return r.Value!;
    }
}

/// <summary>Evidence download, allowed to whoever may read the task.</summary>
public static class EvidenceFile
{
    /// <summary><c>GET /files/{id}</c> for the signed-in pages (cookie).</summary>
    public static void MapEvidenceDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/files/{id:int}", async (int id, HttpContext http, LedgerDbContext db, LedgerQueries q, EvidenceStore store, CancellationToken ct) =>
        {
            var r = await OpenAsync(http.Me(), id, db, q, store, ct);
            return r.Error is { } e ? Results.StatusCode(e.Status) : r.Value!;
        }).RequireAuthorization().ExcludeFromDescription();

    public static async Task<Outcome<FileStreamHttpResult>> OpenAsync(CurrentUser me, int evidenceId, LedgerDbContext db,
        LedgerQueries q, EvidenceStore store, CancellationToken ct)
    {
        var ev = await db.Evidence.AsNoTracking().Where(x => x.Id == evidenceId)
            .Select(x => new { x.FileName, x.ContentType, x.StoredName, x.Report!.TaskId }).FirstOrDefaultAsync(ct);
        if (ev is null) return Failure.NotFound("附件不存在");
        var t = await q.TaskAsync(me, ev.TaskId, LedgerAction.ReadPlan, ct);
        if (t.Error is { } e) return e;
        var path = store.PathOf(ev.StoredName);
        if (!File.Exists(path)) return Failure.NotFound("附件文件丢失");
        return TypedResults.File(File.OpenRead(path), ev.ContentType, ev.FileName);
    }
}
