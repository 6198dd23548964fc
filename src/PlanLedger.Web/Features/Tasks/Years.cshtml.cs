using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Tasks;

/// <summary>历年情况: the task and the tasks of other years it continues or that continue it (上年对照, 结转).</summary>
public sealed class YearsModel(YearLinks years) : LedgerPageModel
{
    public int TaskId { get; private set; }
    public List<TaskYear> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await years.HistoryAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        TaskId = id;
        Years = r.Value!;
        return Page();
    }

    /// <summary>The history table alone, loaded into the task page (htmx).</summary>
    public async Task<IActionResult> OnGetPartAsync(int id, CancellationToken ct)
    {
        var r = await years.HistoryAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        ViewData["TaskId"] = id;
        return Partial("/Features/Tasks/_TaskYears.cshtml", r.Value!);
    }
}
