using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Admin;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Auth;

public sealed record TokenRequest([TextLimit(typeof(AppUser), nameof(AppUser.UserName))] string? Username,
    [TextLimit(PasswordRules.MaxLength)] string? Password);
public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// <c>POST /api/v1/auth/token</c>: a signed (data-protected) bearer token for the API, bound to the user's security
/// stamp (a password, role, organisation or unit change, a deactivation or a sign-out-everywhere revokes it at once).
/// <c>POST /api/v1/auth/signout</c>: ends every session (tokens and cookies) of the caller.
/// </summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken).WithTags("Auth").AllowAnonymous();
        api.MapPost("/auth/signout", async (HttpContext http, DirectoryService dir, CancellationToken ct) =>
        {
            var me = http.Me();
            var r = await dir.SignOutEverywhereAsync(me, me.Id, ct);
            return r.Error is { } e ? (Results<NoContent, ProblemHttpResult>)Problems.From(e) : TypedResults.NoContent();
        }).WithTags("Auth").RequireAuthorization(LedgerApp.ApiPolicy);
        return api;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(TokenRequest? request,
        UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserClaimsPrincipalFactory<AppUser> claims,
        IOptionsMonitor<LedgerBearerOptions> bearer, TimeProvider clock, UnknownUserLockout unknown)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
            return Problems.From(Failure.BadRequest("请提供用户名和密码"));
        var user = await users.FindByNameAsync(request.Username.Trim());
        var check = user is null
            ? await unknown.FailAsync(request.Username.Trim(), request.Password)
            : await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsNotAllowed)
            return Problems.From(new Failure(401, "账户已停用，请联系管理员"));
        if (check.IsLockedOut)
            return Problems.From(new Failure(401, "账户已锁定，请稍后再试"));
        if (!check.Succeeded)
            return Problems.From(new Failure(401, "用户名或密码错误"));

        var principal = await claims.CreateAsync(user!); // succeeded: a real account
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var expires = now + options.Lifetime;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires },
            IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.Protector.Protect(ticket), expires));
    }
}
