using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Security;

/// <summary>
/// A sign-in with a user name that has no account goes the way a wrong password for a real account goes in Identity
/// (<c>CheckPasswordSignInAsync</c> with lockout): while locked out the answer is 账户已锁定 at once; otherwise the
/// password is hashed (<see cref="TimingSafe"/>), the failure is counted in one write, and the try that reaches
/// <see cref="LockoutOptions.MaxFailedAccessAttempts"/> locks the name for <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>.
/// Same answers, same work — the sign-in page and the token endpoint do not tell which user names exist.
/// Rows of names not tried for <see cref="KeptFor"/> are removed when a new name is first tried, so spraying
/// names cannot grow the table without bound.
/// </summary>
public sealed class UnknownUserLockout(LedgerDbContext db, IPasswordHasher<AppUser> hasher, ILookupNormalizer normalizer,
    IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public async Task<SignInResult> FailAsync(string userName, string? password, CancellationToken ct = default)
    {
        var name = normalizer.NormalizeName(userName) ?? "";
        if (name.Length > 256) name = name[..256];
        var now = clock.GetUtcNow();
        var row = await db.SignInFailures.FirstOrDefaultAsync(f => f.NormalizedUserName == name, ct);
        if (row?.LockoutEnd > now) return SignInResult.LockedOut;
        TimingSafe.SpendHashWork(hasher, password);
        if (row is null)
        {
            var stale = now - KeptFor;
            await db.SignInFailures.Where(f => f.LastFailedAt < stale).ExecuteDeleteAsync(ct);
            db.SignInFailures.Add(row = new SignInFailure { NormalizedUserName = name });
        }
        var lockout = identity.Value.Lockout;
        row.Count++;
        row.LastFailedAt = now;
        var locked = row.Count >= lockout.MaxFailedAccessAttempts;
        if (locked)
        {
            row.LockoutEnd = now + lockout.DefaultLockoutTimeSpan;
            row.Count = 0; // as Identity resets AccessFailedCount when it locks
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same unknown name tried twice at the same instant: the other try's row won; this try is not counted.
            db.Entry(row).State = EntityState.Detached;
        }
        return locked ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
