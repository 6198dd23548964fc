using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, TextLimit(typeof(AppUser), nameof(AppUser.UserName))] public string? UserName { get; set; }
    [BindProperty, TextLimit(PasswordRules.MaxLength)] public string? Password { get; set; }
    [BindProperty(SupportsGet = true), TextLimit(2000)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "用户名或密码错误";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) Error = "账户已锁定，请稍后再试";
        else if (result.IsNotAllowed) Error = "账户已停用，请联系管理员";
        else if (!result.Succeeded) Error = "用户名或密码错误";
        if (Error is not null) return Page();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? LocalUrl.SafeOrHome(ReturnUrl) : "/");
    }
}
