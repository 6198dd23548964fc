using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;

namespace PlanLedger.Web.Security;

/// <summary>
/// Is a sign-in (bearer token or cookie) still valid? It is when the security stamp it carries is the user's current
/// one and the account is active. Every request asks; the answer per user is cached for a few seconds and dropped at
/// once when this process changes the user (<see cref="UserStampInterceptor"/>), so a password reset, a role,
/// organisation or unit change, a deactivation or a sign-out-everywhere ends every session immediately.
/// </summary>
public sealed class SecurityStamps(IMemoryCache cache, IOptions<IdentityOptions> identity, IOptions<LedgerOptions> options)
{
    /// <summary>How long a looked-up stamp is trusted (bounds the delay for changes made by another process).</summary>
    private TimeSpan CacheFor => options.Value.SessionStampCacheFor;

    private sealed record Current(string? Stamp);

    private static string Key(int userId) => "pl:stamp:" + userId.ToString(CultureInfo.InvariantCulture);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, LedgerDbContext db, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)) return false;
        if (!cache.TryGetValue(Key(userId), out Current? current) || current is null)
        {
            var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.DeactivatedAt }).FirstOrDefaultAsync(ct);
            current = new Current(row is { DeactivatedAt: null } ? row.SecurityStamp : null);
            cache.Set(Key(userId), current, CacheFor);
        }
        return current.Stamp is not null && string.Equals(current.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>Forgets the cached stamp of a user whose row changed.</summary>
    public void Invalidate(int userId) => cache.Remove(Key(userId));
}
