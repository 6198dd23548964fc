using Microsoft.AspNetCore.Identity;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Security;

/// <summary>
/// The stricter password rule for the accounts that can change the ledger's structure (管理员 admin and 督查室 office):
/// at least <see cref="ManagerMinLength"/> characters, not one of the most common passwords, not one repeated
/// character or a plain run of keys. Everyone else keeps Identity's minimum of 8.
/// </summary>
public sealed class LedgerPasswordValidator : IPasswordValidator<AppUser>
{
    public const int ManagerMinLength = 10;

    /// <summary>Lower-cased; from the published lists of the most used (and leaked) passwords.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
        "12345678", "123456789", "1234567890", "0123456789", "12345678910", "987654321", "9876543210", "11111111",
        "1111111111", "00000000", "0000000000", "88888888", "8888888888", "66666666", "6666666666", "123123123",
        "1234512345", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "1qaz2wsx3edc", "qwertyuiop", "qwerty123", "qwerty1234",
        "qwertyuiop123", "asdfghjkl", "asdfghjkl123", "zxcvbnm123", "abc123456", "abcd123456", "abcdefgh", "abcdefghij",
        "iloveyou", "iloveyou123", "admin123", "admin1234", "admin12345", "admin123456", "administrator", "adminadmin",
        "root123456", "letmein123", "welcome123", "welcome1", "changeme", "changeme123", "sunshine", "princess",
        "football", "baseball", "dragon123", "monkey123", "superman", "trustno1", "woaini1314", "woaini520",
        "5201314520", "aa123456", "a123456789", "a1234567890", "qq123456", "qq12345678", "zhang123456", "wang123456",
        "li123456", "password!", "test123456", "testtest", "guest12345", "planledger", "planledger123",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (user.Role is not (UserRole.Admin or UserRole.Office) || password is null) return Task.FromResult(IdentityResult.Success);
        var errors = new List<IdentityError>();
        if (password.Length < ManagerMinLength)
            errors.Add(new() { Code = "ManagerPasswordTooShort", Description = $"管理员和督查室账户的密码至少 {ManagerMinLength} 位" });
        if (Weak(password))
            errors.Add(new() { Code = "CommonPassword", Description = "密码过于常见或简单，请换一个" });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool Weak(string password)
    {
        var p = password.ToLowerInvariant();
        if (Common.Contains(p)) return true;
        if (p.Distinct().Count() <= 2) return true;
        // A plain run such as "abcdefghij" or "0987654321".
        var steps = p.Zip(p.Skip(1), (a, b) => b - a).Distinct().ToList();
        return steps.Count == 1 && Math.Abs(steps[0]) == 1;
    }
}
