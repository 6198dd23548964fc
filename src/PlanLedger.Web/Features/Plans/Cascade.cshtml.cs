using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Plans;

/// <summary>下级落实: the upper plan's tasks with the organisations below carrying them (对接上级计划) and how far they are.</summary>
public sealed class CascadeModel(CascadeProgress cascade) : LedgerPageModel
{
    public CascadeView? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await cascade.PlanAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        Data = r.Value;
        return Page();
    }
}
