using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PlanLedger.Web.Data;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Shared;

/// <summary>Shows a signed-in person's request in their organisation's time zone (its own, else the server's default).</summary>
public sealed class OrganisationTimeZone(RequestDelegate next)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static string CacheKey(int organisationId) => "org-tz:" + organisationId;

    public async Task InvokeAsync(HttpContext http, IMemoryCache cache)
    {
        if (CurrentUser.From(http.User) is { } me)
        {
            var id = await cache.GetOrCreateAsync(CacheKey(me.OrganisationId), async e =>
            {
                e.AbsoluteExpirationRelativeToNow = CacheFor;
                var db = http.RequestServices.GetRequiredService<LedgerDbContext>();
                return await db.Organisations.AsNoTracking().Where(o => o.Id == me.OrganisationId).Select(o => o.TimeZone).FirstOrDefaultAsync(http.RequestAborted);
            });
            Shanghai.Use(Shanghai.Find(id));
        }
        await next(http);
    }
}
