using Microsoft.AspNetCore.Mvc;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>The bulletin alone on a page, laid out for printing (A4, print CSS).</summary>
public sealed class BulletinPrintModel(BulletinService bulletins) : InspectionPageModel
{
    public BulletinDto Bulletin { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await bulletins.GetAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        Bulletin = r.Value!;
        return Page();
    }
}
