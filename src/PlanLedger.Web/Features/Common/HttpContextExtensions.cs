using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Common;

public static class HttpContextExtensions
{
    /// <summary>The signed-in user; endpoints using it require authorisation, so it is present.</summary>
    public static CurrentUser Me(this HttpContext http) =>
        CurrentUser.From(http.User) ?? throw new InvalidOperationException("No signed-in user on an authorised endpoint.");
}
