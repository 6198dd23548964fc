using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Reports;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>/api/v1/inspections (督导 rounds, the 双随机 draw, 督导通报) and /api/v1/findings (问题清单, 整改, 复查).</summary>
public static class InspectionsApi
{
    public static RouteGroupBuilder MapInspectionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inspections").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Inspections");
        g.MapGet("", async (HttpContext http, InspectionService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(http.Me(), ct)));
        g.MapPost("", Create);
        g.MapGet("/{id:int}", Get);
        g.MapPut("/{id:int}", Update);
        g.MapPost("/{id:int}/draw", Draw);
        g.MapGet("/{id:int}/verify", Verify);
        g.MapGet("/{id:int}/findings", RoundFindings);
        g.MapPost("/{id:int}/findings", Record);
        g.MapGet("/{id:int}/findings.xlsx", Xlsx);
        g.MapGet("/{id:int}/bulletin", GetBulletin);
        g.MapPost("/{id:int}/bulletin", DraftBulletin);
        g.MapPut("/{id:int}/bulletin", EditBulletin);
        g.MapPost("/{id:int}/bulletin/publish", PublishBulletin);

        var f = api.MapGroup("/findings").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Findings");
        f.MapGet("", List);
        f.MapGet("/counts", async (int? plan, HttpContext http, FindingService s, CancellationToken ct) => TypedResults.Ok(await s.CountsAsync(http.Me(), ct, plan)));
        f.MapGet("/{id:int}", GetFinding);
        f.MapPost("/{id:int}/rectify", Rectify);
        f.MapPost("/{id:int}/close", Close);
        f.MapPost("/{id:int}/reopen", Reopen);
        f.MapGet("/evidence/{id:int}", Evidence);
        return api;
    }

    private static Results<T, ProblemHttpResult> Answer<T, TV>(Outcome<TV> r, Func<TV, T> ok) where T : IResult =>
        r.Error is { } e ? Problems.From(e) : ok(r.Value!);

    public static async Task<Results<Created<RoundDto>, ProblemHttpResult>> Create(RoundInput? input, HttpContext http, InspectionService s, CancellationToken ct)
    {
        if (input is null) return Problems.From(Failure.BadRequest("请求体为空"));
        return Answer(await s.CreateAsync(http.Me(), input, ct), v => TypedResults.Created($"/api/v1/inspections/{v.Id}", v));
    }

    public static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> Get(int id, HttpContext http, InspectionService s, CancellationToken ct)
    {
        var r = await s.RoundAsync(http.Me(), id, Security.LedgerAction.ReadInspection, ct: ct);
        if (r.Error is { } e) return Problems.From(e);
        return TypedResults.Ok(await s.DtoAsync(r.Value.Round, ct));
    }

    /// <summary>Changes the title, scope, numbers and inspectors while the round is 待抽取; 409 once drawn.</summary>
    public static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> Update(int id, RoundInput? input, HttpContext http, InspectionService s, CancellationToken ct)
    {
        if (input is null) return Problems.From(Failure.BadRequest("请求体为空"));
        return Answer(await s.UpdateAsync(http.Me(), id, input, ct), TypedResults.Ok);
    }

    /// <summary>双随机 draw, once: <c>seed</c> (16 hex digits) optional, a random one otherwise; 409 when already drawn.</summary>
    public static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> Draw(int id, DrawInput? input, HttpContext http, InspectionService s, CancellationToken ct) =>
        Answer(await s.DrawAsync(http.Me(), id, input?.Seed, ct), TypedResults.Ok);

    /// <summary>Repeats the draw from <c>seed</c> (default: the stored one) on the stored candidates; <c>matches</c> compares with the stored draw.</summary>
    public static async Task<Results<Ok<VerifyDto>, ProblemHttpResult>> Verify(int id, [TextLimit(typeof(InspectionRound), nameof(InspectionRound.Seed))] string? seed, HttpContext http, InspectionService s, CancellationToken ct) =>
        Answer(await s.VerifyAsync(http.Me(), id, seed, ct), TypedResults.Ok);

    public static async Task<Results<Ok<List<FindingDto>>, ProblemHttpResult>> RoundFindings(int id, HttpContext http, InspectionService s,
        FindingService f, CancellationToken ct)
    {
        var r = await s.RoundAsync(http.Me(), id, Security.LedgerAction.ReadInspection, ct: ct);
        if (r.Error is { } e) return Problems.From(e);
        return TypedResults.Ok(await f.ListAsync(http.Me(), new FindingFilter(RoundId: id), ct));
    }

    public static async Task<Results<Created<FindingDto>, ProblemHttpResult>> Record(int id, FindingInput? input, HttpContext http, FindingService f, CancellationToken ct)
    {
        if (input is null) return Problems.From(Failure.BadRequest("请求体为空"));
        return Answer(await f.RecordAsync(http.Me(), id, input, ct), v => TypedResults.Created($"/api/v1/findings/{v.Id}", v));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Xlsx(int id, HttpContext http, BulletinService b, CancellationToken ct) =>
        Answer(await b.FindingsXlsxAsync(http.Me(), id, ct), v => TypedResults.File(v.Bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{v.Title}-问题清单.xlsx"));

    public static async Task<Results<Ok<BulletinDto>, ProblemHttpResult>> GetBulletin(int id, HttpContext http, BulletinService b, CancellationToken ct) =>
        Answer(await b.GetAsync(http.Me(), id, ct), TypedResults.Ok);

    /// <summary>Drafts the bulletin from the round (201); <c>?regenerate=true</c> redrafts an unpublished one (its edits are lost).</summary>
    public static async Task<Results<Created<BulletinDto>, ProblemHttpResult>> DraftBulletin(int id, bool? regenerate, HttpContext http, BulletinService b, CancellationToken ct) =>
        Answer(await b.DraftAsync(http.Me(), id, regenerate == true, ct), v => TypedResults.Created($"/api/v1/inspections/{id}/bulletin", v));

    public static async Task<Results<Ok<BulletinDto>, ProblemHttpResult>> EditBulletin(int id, BulletinInput? input, HttpContext http, BulletinService b, CancellationToken ct)
    {
        if (input is null) return Problems.From(Failure.BadRequest("请求体为空"));
        return Answer(await b.EditAsync(http.Me(), id, input, ct), TypedResults.Ok);
    }

    public static async Task<Results<Ok<BulletinDto>, ProblemHttpResult>> PublishBulletin(int id, HttpContext http, BulletinService b, CancellationToken ct) =>
        Answer(await b.PublishAsync(http.Me(), id, ct), TypedResults.Ok);

    /// <summary>Findings visible to the caller (a reporter: its own unit's); filters <c>round</c>, <c>unit</c>, <c>status</c> (open|rectified|closed|reopened), <c>overdue</c>.</summary>
    public static async Task<Results<Ok<List<FindingDto>>, ProblemHttpResult>> List(int? round, int? unit, [TextLimit(20)] string? status, bool? overdue,
        HttpContext http, FindingService f, CancellationToken ct)
    {
        FindingStatus? st = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<FindingStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
                return Problems.From(Failure.BadRequest("状态应为 open/rectified/closed/reopened"));
            st = parsed;
        }
        return TypedResults.Ok(await f.ListAsync(http.Me(), new FindingFilter(round, unit, st, overdue == true), ct));
    }

    public static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> GetFinding(int id, HttpContext http, FindingService f, CancellationToken ct) =>
        Answer(await f.GetAsync(http.Me(), id, ct), TypedResults.Ok);

    /// <summary>整改: multipart/form-data with <c>text</c> and evidence files in <c>file</c> (or JSON <c>{"text": …}</c> without files).</summary>
    public static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> Rectify(int id, HttpContext http, FindingService f, CancellationToken ct)
    {
        string? text;
        var uploads = new List<EvidenceUpload>();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            text = form["text"];
            uploads.AddRange(form.Files.Where(x => x.Length > 0).Select(x => new EvidenceUpload(x.FileName, x.ContentType, x.Length, x.OpenReadStream)));
        }
        else if (http.Request.HasJsonContentType())
            text = (await http.Request.ReadFromJsonAsync<RectifyInput>(ct))?.Text;
        else return Problems.From(Failure.BadRequest("请以 multipart/form-data（text, file）或 JSON 提交"));
        return Answer(await f.RectifyAsync(http.Me(), id, text, uploads, ct), TypedResults.Ok);
    }

    public static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> Close(int id, CloseInput? input, HttpContext http, FindingService f, CancellationToken ct) =>
        Answer(await f.CloseAsync(http.Me(), id, input?.Comment, ct), TypedResults.Ok);

    public static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> Reopen(int id, ReopenInput? input, HttpContext http, FindingService f, CancellationToken ct) =>
        Answer(await f.ReopenAsync(http.Me(), id, input?.Reason, input?.Deadline, ct), TypedResults.Ok);

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> Evidence(int id, HttpContext http, FindingService f, CancellationToken ct) =>
        Answer(await f.EvidenceAsync(http.Me(), id, ct), v => TypedResults.PhysicalFile(v.Path, v.ContentType, v.FileName));

    /// <summary><c>GET /inspections-files/{id}</c>: a rectification's evidence for the signed-in pages (cookie).</summary>
    public static void MapFindingEvidenceDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/Inspections/Files/{id:int}", async (int id, HttpContext http, FindingService f, CancellationToken ct) =>
        {
            var r = await f.EvidenceAsync(http.Me(), id, ct);
            return r.Error is { } e ? Results.StatusCode(e.Status) : Results.File(r.Value.Path, r.Value.ContentType, r.Value.FileName);
        }).RequireAuthorization().ExcludeFromDescription();
}

public sealed record RectifyInput(string? Text);
