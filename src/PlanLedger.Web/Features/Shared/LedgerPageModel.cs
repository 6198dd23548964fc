using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Shared;

/// <summary>Base of the signed-in pages: the current user and turning a <see cref="Failure"/> into the right page status.</summary>
public abstract class LedgerPageModel : PageModel
{
    public CurrentUser Me => CurrentUser.From(User) ?? throw new InvalidOperationException("Not signed in.");

    [TempData] public string? Flash { get; set; }

    protected IActionResult Fail(Failure f) => f.Status switch
    {
        404 => NotFound(),
        403 => Forbid(),
        _ => StatusCode(f.Status),
    };

    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
