using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlanLedger.Web.Features;

/// <summary>The status-code page (re-executed for 4xx/5xx of the pages); keeps the original status code.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public void OnGet() { }
    public void OnPost() { }
}
