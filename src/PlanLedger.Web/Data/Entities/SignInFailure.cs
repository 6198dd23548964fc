namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// Failed sign-ins for a user name that has no account, counted and locked out exactly as Identity does for a real
/// account (<see cref="AppUser.AccessFailedCount"/>, <see cref="AppUser.LockoutEnd"/>): so that neither the answer
/// (用户名或密码错误, then 账户已锁定 after the fifth try) nor its time — a hash check plus one write — tells which user
/// names exist. Sign-in bookkeeping, not an edit: not in the audit trail.
/// </summary>
public sealed class SignInFailure
{
    /// <summary>The user name as Identity normalises it (upper case).</summary>
    public string NormalizedUserName { get; set; } = "";
    public int Count { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public DateTimeOffset LastFailedAt { get; set; }
}
