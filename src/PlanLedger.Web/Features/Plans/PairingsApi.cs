using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>One body item paired with the attachment-table row that restates it.</summary>
public sealed record PairingDto(int TaskId, string Path, string Heading, string Attachment, string RowLabel, string RowHeading,
    IReadOnlyList<string> RowLead, IReadOnlyList<string> RowSupport, string? RowDeadline);

/// <summary>
/// <c>GET /api/v1/plans/{id}/pairings</c> (who may edit the plan) and <c>POST /api/v1/tasks/{id}/unpair</c> (drafts):
/// the attachment pairings of an import and their undo.
/// </summary>
public static class PairingsApi
{
    public static RouteGroupBuilder MapPairingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:int}/pairings", List).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        api.MapPost("/tasks/{id:int}/unpair", Unpair).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
        return api;
    }

    public static async Task<List<PairingDto>> PairingsAsync(LedgerDbContext db, int planId, CancellationToken ct)
    {
        var paired = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.PairedRow != null).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.Path, t.Heading, t.PairedRow }).ToListAsync(ct);
        return paired.Select(t => (t, p: PairedRow.FromJson(t.PairedRow)!))
            .Select(x => new PairingDto(x.t.Id, x.t.Path, x.t.Heading, x.p.AttachmentLabel, x.p.Row.Label, x.p.Row.Heading,
                x.p.Row.Lead, x.p.Row.Support, x.p.Row.Deadline)).ToList();
    }

    public static async Task<Results<Ok<List<PairingDto>>, ProblemHttpResult>> List(int id, HttpContext http, LedgerQueries q,
        LedgerDbContext db, CancellationToken ct)
    {
        var access = await q.PlanAsync(http.Me(), id, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return Problems.From(e);
        return TypedResults.Ok(await PairingsAsync(db, id, ct));
    }

    public static async Task<Results<Ok<PairingUndone>, ProblemHttpResult>> Unpair(int id, HttpContext http, PairingUndo undo, CancellationToken ct)
    {
        var result = await undo.UnpairAsync(http.Me(), id, ct);
        if (result.Error is { } e) return Problems.From(e);
        return TypedResults.Ok(new PairingUndone(id, result.Value!.Id, result.Value.Path));
    }
}

public sealed record PairingUndone(int TaskId, int RowTaskId, string RowPath);
