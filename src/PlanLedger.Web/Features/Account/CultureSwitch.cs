using Microsoft.AspNetCore.Localization;

namespace PlanLedger.Web.Features.Account;

/// <summary><c>GET /culture?c=en|zh-CN&amp;returnUrl=…</c>: remembers the language in a cookie.</summary>
public static class CultureSwitch
{
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", ([Common.TextLimit(10)] string? c, [Common.TextLimit(2000)] string? returnUrl, HttpContext http) =>
        {
            var culture = c == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            // A control character or non-ASCII text in the Location header would be a 500: made safe or sent home.
            return Results.LocalRedirect(Common.LocalUrl.SafeOrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
}
