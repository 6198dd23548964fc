using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>督导 list, and the office's form to define a new round (scope, number of visits, inspectors).</summary>
public sealed class IndexModel(InspectionService rounds, FindingService findings) : InspectionPageModel
{
    public List<RoundListItem> Rounds { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public List<AppUser> People { get; private set; } = [];
    public FindingCounts Counts { get; private set; } = new(0, 0, 0);
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rounds = await rounds.ListAsync(Me, ct);
        Counts = await findings.CountsAsync(Me, ct);
        CanManage = Access.Can(Me, LedgerAction.ManageInspection, new Resource(Me.OrganisationId, Me.OrganisationPath));
        if (CanManage)
        {
            Units = await rounds.CandidateUnitsAsync(Me.OrganisationPath, ct);
            People = await rounds.CandidateInspectorsAsync(Me.OrganisationId, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([TextLimit(typeof(InspectionRound), nameof(InspectionRound.Title))] string? title, [TextLimit(typeof(InspectionRound), nameof(InspectionRound.Description))] string? description, int? visits, int? inspectorsPerVisit,
        int? avoidRecentRounds, List<int>? unitIds, List<int>? inspectorIds, CancellationToken ct)
    {
        var r = await rounds.CreateAsync(Me, new RoundInput(title, description, visits, inspectorsPerVisit, avoidRecentRounds, unitIds, inspectorIds), ct);
        return r.Error is { } e ? After("/Inspections", e, "") : After($"/Inspections/{r.Value!.Id}", null, "督导已创建，请抽取");
    }
}
