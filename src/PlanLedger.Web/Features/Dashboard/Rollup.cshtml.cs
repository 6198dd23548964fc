using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>下级汇总: an organisation's direct children (each with everything below it), ranked, with bars; drill down by organisation.</summary>
public sealed class RollupModel(RollupService rollup, TimeProvider clock) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? OrganisationId { get; set; }
    public RollupDto Data { get; private set; } = null!;
    /// <summary>Chart data as JSON in an attribute (HTML-encoded by Razor), read by rollup.js.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await rollup.ForAsync(Me, OrganisationId ?? Me.OrganisationId, Year ?? Shanghai.Today(clock).Year, ct);
        if (r.Error is { } e) return e.Status == 400 ? BadRequest() : Fail(e);
        Data = r.Value!;
        ChartJson = JsonSerializer.Serialize(new
        {
            labels = new { status = ChartWords.Statuses(), onTime = Strings.Localize("按时报送率") },
            names = Data.Children.Select(c => c.Organisation),
            statuses = RollupService.StatusOrder,
            byStatus = RollupService.StatusOrder.ToDictionary(s => s, s => Data.Children.Select(c => c.ByStatus[s])),
            onTime = Data.Children.Select(c => Math.Round(c.OnTimeRate * 100, 1)),
        }, JsonSerializerOptions.Web);
        return Page();
    }
}
