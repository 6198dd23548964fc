using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace PlanLedger.Web.Features.Account;

/// <summary>
/// <c>GET /culture?c=en|zh-CN&amp;returnUrl=…</c>: remembers the language in a cookie and, for a signed-in person, on
/// their account (their e-mails are written in it).
/// </summary>
public static class CultureSwitch
{
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", async ([Common.TextLimit(10)] string? c, [Common.TextLimit(2000)] string? returnUrl, HttpContext http, Data.LedgerDbContext db) =>
        {
            var culture = c == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            if (Security.CurrentUser.From(http.User) is { } me
                && await db.Users.FirstOrDefaultAsync(u => u.Id == me.Id, http.RequestAborted) is { } user && user.Language != culture)
            {
                user.Language = culture;
                await db.SaveChangesAsync(http.RequestAborted);
            }
            // A control character or non-ASCII text in the Location header would be a 500: made safe or sent home.
            return Results.LocalRedirect(Common.LocalUrl.SafeOrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
}
