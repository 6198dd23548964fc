using Microsoft.AspNetCore.Http;

namespace PlanLedger.Web.Security;

/// <summary>Who is making the current change (for the audit trail).</summary>
public interface IAuditActor
{
    int? UserId { get; }
    string UserName { get; }
    string? OrganisationPath { get; }
}

/// <summary>The actor of the current HTTP request, or "system" for background work.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private CurrentUser? User => accessor.HttpContext is { } c ? CurrentUser.From(c.User) : null;
    public int? UserId => User?.Id;
    public string UserName => User?.UserName ?? "system";
    public string? OrganisationPath => User?.OrganisationPath;
}
