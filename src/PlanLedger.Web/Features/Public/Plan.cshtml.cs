using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlanLedger.Web.Features.Public;

/// <summary>The public view of a plan (政务公开), readable without signing in; 404 once unpublished.</summary>
[AllowAnonymous]
public sealed class PlanModel(PublicPlans plans) : PageModel
{
    public PublicView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync([TextLimit(typeof(PublicPlan), nameof(PublicPlan.Token))] string token, CancellationToken ct)
    {
        View = await plans.ViewAsync(token, ct);
        if (View is null) return NotFound();
        Response.Headers.CacheControl = "no-cache";
        return Page();
    }
}
