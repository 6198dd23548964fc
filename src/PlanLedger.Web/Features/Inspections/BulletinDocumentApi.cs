using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>
/// <c>GET /api/v1/inspections/{id}/bulletin/document</c> (and <c>/Inspections/{id}/Bulletin/Document</c> for a signed-in page):
/// the 督导通报 as a Word file in 公文 layout, with the 问题清单 as its attachment. Who may read the bulletin may have it
/// (a draft only the office of the round; marked 草稿).
/// </summary>
public static class BulletinDocumentApi
{
    public static RouteGroupBuilder MapBulletinDocumentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/inspections/{id:int}/bulletin/document", Document).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Inspections")
            .Produces(StatusCodes.Status200OK, contentType: GongwenWriter.ContentType);
        return api;
    }

    public static void MapPage(IEndpointRouteBuilder app) =>
        app.MapGet("/Inspections/{id:int}/Bulletin/Document", Document).RequireAuthorization().ExcludeFromDescription();

    public static async Task<IResult> Document(int id, HttpContext http, BulletinService bulletins, LedgerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var r = await bulletins.GetAsync(http.Me(), id, ct);
        if (r.Error is { } e) return Problems.From(e);
        var b = r.Value!;
        var round = await db.InspectionRounds.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Issuer = x.Organisation!.Name, Units = x.DrawnVisits.OrderBy(v => v.Order).Select(v => v.Unit!.Name).ToList() })
            .FirstAsync(ct);
        var doc = BulletinDocument.Build(new BulletinInputDoc(b.Title, b.Overview, b.GoodPractice, b.Findings, b.Requirements, round.Units,
            b.FindingList.Select(f => new BulletinFinding(f.Number, f.Unit, f.SeverityName, f.Description,
                string.Join("；", f.Tasks.Select(t => $"{t.Label} {t.Heading}".Trim())), f.Requirement, f.Deadline, f.StatusName)).ToList(),
            round.Issuer, Shared.Shanghai.Date(b.PublishedAt ?? clock.GetUtcNow()), !b.Published));
        return TypedResults.File(GongwenWriter.Write(doc), GongwenWriter.ContentType, $"{b.Title}.docx");
    }
}
