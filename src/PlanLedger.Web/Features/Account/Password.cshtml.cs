using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Account;

/// <summary>修改密码: a signed-in person changes their own password (current + new).</summary>
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, LedgerDbContext db,
    IAuditActor actor, TimeProvider clock, Admin.DirectoryService directory) : LedgerPageModel
{
    public List<string> Errors { get; private set; } = [];
    public bool Changed { get; private set; }

    public void OnGet() => Changed = Flash == "ok";

    public async Task<IActionResult> OnPostAsync([TextLimit(PasswordRules.MaxLength)] string? current, [TextLimit(PasswordRules.MaxLength)] string? password,
        [TextLimit(PasswordRules.MaxLength)] string? confirm)
    {
        var user = await users.FindByIdAsync(Me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return NotFound();
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(password)) Errors.Add("请填写当前密码和新密码");
        else if (password != confirm) Errors.Add("两次输入的新密码不一致");
        if (Errors.Count > 0) return Page();
        // The current password is checked like a sign-in: wrong ones count towards the lockout.
        var check = await signIn.CheckPasswordSignInAsync(user, current!, lockoutOnFailure: true);
        if (check.IsLockedOut) Errors.Add("账户已锁定，请稍后再试");
        else if (!check.Succeeded) Errors.Add("当前密码不正确");
        if (Errors.Count > 0) return Page();
        db.Note(actor, clock.GetUtcNow(), user, "password_changed");
        var result = await users.ChangePasswordAsync(user, current!, password!);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Flash = "ok";
        return Redirect("/Account/Password");
    }

    /// <summary>退出所有设备: ends every session and token of this person, this browser included.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        var r = await directory.SignOutEverywhereAsync(Me, Me.Id, ct);
        if (r.Error is { } e) return Fail(e);
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
