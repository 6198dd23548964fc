using Microsoft.AspNetCore.Identity;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Security;

/// <summary>
/// An unknown user name costs the same password-hash work as a wrong password for a real user, so that response
/// times do not tell which user names exist (sign-in page and token endpoint alike).
/// </summary>
public static class TimingSafe
{
    private static readonly AppUser Nobody = new() { UserName = "\u0001nobody" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public static void SpendHashWork(IPasswordHasher<AppUser> hasher, string? password) =>
        hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password ?? "");
}
