using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>年度看板: all plans of a year — the units' 红黄绿 and ranking, and the recurring tasks against last year.</summary>
public sealed class YearModel(YearOverview overview, TimeProvider clock) : LedgerPageModel
{
    public YearOverviewDto Data { get; private set; } = null!;
    /// <summary>The key of the cached ranking and 年度对比 HTML (<c>&lt;cache&gt;</c> in Year.cshtml): <see cref="YearOverviewRead.Key"/>.</summary>
    public string FiguresKey { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var y = year ?? Shanghai.Today(clock).Year;
        if (y is < 2000 or > 2100) return BadRequest();
        (Data, FiguresKey) = await overview.ReadAsync(Me, y, ct);
        return Page();
    }
}
