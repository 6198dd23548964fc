using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>问题清单 / 整改台账 across rounds: a reporter sees its own unit's findings only.</summary>
public sealed class FindingsModel(FindingService findings) : InspectionPageModel
{
    public List<FindingDto> Findings { get; private set; } = [];
    public FindingCounts Counts { get; private set; } = new(0, 0, 0);
    [BindProperty(SupportsGet = true), TextLimit(20)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FindingStatus? st = Enum.TryParse<FindingStatus>(Status, true, out var s) && !int.TryParse(Status, out _) ? s : null;
        Findings = await findings.ListAsync(Me, new FindingFilter(Status: st, Overdue: Overdue), ct);
        Counts = await findings.CountsAsync(Me, ct);
        return Page();
    }
}
