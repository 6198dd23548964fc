using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>Base of the inspection pages: a refused step comes back to the page with its reason, a done one with a notice.</summary>
public abstract class InspectionPageModel : LedgerPageModel
{
    [TempData] public string? Problem { get; set; }

    /// <summary>404/403 as pages; anything else back to <paramref name="url"/> with the reason shown.</summary>
    protected IActionResult After(string url, Failure? f, string ok)
    {
        if (f is { Status: 404 or 403 }) return Fail(f);
        if (f is not null) Problem = f.Title;
        else Flash = ok;
        return Redirect(url);
    }

    /// <summary>Times are stored in UTC and shown in the organisation's time zone (Asia/Shanghai by default).</summary>
    public static string Local(DateTimeOffset? t) => Shared.Shanghai.Format(t);

    public static string StatusClass(Data.Entities.FindingStatus s, bool overdue) =>
        overdue ? "finding overdue" : "finding " + s.ToString().ToLowerInvariant();
}
