using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Plans;

/// <summary>上年对照: this plan's tasks beside the tasks of last year's plan they continue (character-bigram similarity).</summary>
public sealed class MatchesModel(LedgerQueries queries, LedgerDbContext db) : LedgerPageModel
{
    public PlanMatches? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await PlanMatchesApi.MatchesAsync(Me, id, queries, db, ct);
        if (r.Error is { } e) return Fail(e);
        Data = r.Value;
        return Page();
    }
}
