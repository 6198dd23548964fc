using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Tasks;

/// <summary>下级落实情况 of one task: the panel the task page loads (htmx); empty when nobody below carries the task and
/// the task's organisation has nobody below.</summary>
public sealed class CascadePartModel(CascadeProgress cascade) : LedgerPageModel
{
    public async Task<IActionResult> OnGetPartAsync(int id, CancellationToken ct)
    {
        var r = await cascade.TaskAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        if (r.Value is not { } t || (t.Carriers.Count == 0 && t.NotLinked.Count == 0)) return Content("", "text/html");
        return Partial("/Features/Tasks/_TaskCascade.cshtml", t);
    }
}
