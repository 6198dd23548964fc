using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;

namespace PlanLedger.Web.Security;

/// <summary>Settings of the API's bearer tokens: a data-protected ticket that lives <see cref="Lifetime"/>.</summary>
public sealed class LedgerBearerOptions : AuthenticationSchemeOptions
{
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
    public ISecureDataFormat<AuthenticationTicket> Protector { get; set; } = null!;
}

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c>: the token must decrypt, must not have expired, and must carry the
/// user's current security stamp on an active account (<see cref="SecurityStamps"/>) — otherwise 401.
/// </summary>
public sealed class LedgerBearerHandler(IOptionsMonitor<LedgerBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SecurityStamps stamps, TimeProvider clock)
    : AuthenticationHandler<LedgerBearerOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0) return AuthenticateResult.NoResult();
        var ticket = Options.Protector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires) return AuthenticateResult.Fail("Invalid token");
        if (expires <= clock.GetUtcNow()) return AuthenticateResult.Fail("Token expired");
        var db = Context.RequestServices.GetRequiredService<LedgerDbContext>();
        if (!await stamps.IsCurrentAsync(ticket.Principal, db, Context.RequestAborted)) return AuthenticateResult.Fail("Token revoked");
        return AuthenticateResult.Success(new AuthenticationTicket(ticket.Principal, ticket.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
