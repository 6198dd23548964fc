using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Documents;

namespace PlanLedger.Web.Features.Supervision;

/// <summary><c>GET /api/v1/supervisions/{id}/document</c>: the 督办单 (with its 反馈单) as a Word file in 公文 layout.</summary>
public static class SupervisionDocumentApi
{
    public static RouteGroupBuilder MapSupervisionDocumentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/supervisions/{id:int}/document", Document).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Supervision")
            .Produces(StatusCodes.Status200OK, contentType: GongwenWriter.ContentType);
        return api;
    }

    private static async Task<IResult> Document(int id, HttpContext http, SupervisionService s, LedgerDbContext db, CancellationToken ct)
    {
        // Access as for the notice itself: another unit's notice or another organisation's is 404.
        var r = await s.DetailAsync(http.Me(), id, ct);
        if (r.Error is { } e) return Problems.From(e);
        var n = r.Value!;
        var issuer = await db.Organisations.Where(o => o.Id == n.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var taskIds = n.Tasks.Select(t => t.Id).ToList();
        var tasks = await db.Tasks.Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Deadline, LastReport = db.Reports.Where(x => x.TaskId == t.Id).OrderByDescending(x => x.Period)
                .ThenByDescending(x => x.Id).Select(x => x.Text).FirstOrDefault() })
            .ToDictionaryAsync(t => t.Id, ct);
        var issued = Shared.Shanghai.Date(n.IssuedAt);
        var input = new SupervisionNoticeInput(n.Number, Data.Entities.LevelNames.Zh(n.Level), [.. n.Units.Select(u => u.Name)],
            [.. n.Tasks.Select(t => new SupervisedTask(t.Path, t.Heading, tasks.GetValueOrDefault(t.Id)?.Deadline, t.Progress,
                tasks.GetValueOrDefault(t.Id)?.LastReport))],
            n.Reason, n.ReplyBy, issuer, issued);
        return TypedResults.File(GongwenWriter.Write(SupervisionNoticeDocument.Build(input)), GongwenWriter.ContentType,
            $"{n.Number}.docx");
    }
}
