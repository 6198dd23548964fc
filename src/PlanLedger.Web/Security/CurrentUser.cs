using System.Globalization;
using System.Security.Claims;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Security;

/// <summary>The signed-in person as the authorisation rules see them, read from the sign-in claims.</summary>
public sealed record CurrentUser(int Id, string UserName, UserRole Role, int OrganisationId, string OrganisationPath, int? UnitId,
    string? Name = null)
{
    public const string OrgClaim = "pl:org", OrgPathClaim = "pl:orgpath", UnitClaim = "pl:unit", RoleClaim = "pl:role", NameClaim = "pl:name";

    /// <summary>The person's 姓名 as every page, record and notice shows them (the username only when none is set).</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? UserName : Name;

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var org = principal.FindFirstValue(OrgClaim);
        var role = principal.FindFirstValue(RoleClaim);
        if (id is null || org is null || role is null || !Enum.TryParse<UserRole>(role, out var r)) return null;
        var unit = principal.FindFirstValue(UnitClaim);
        return new CurrentUser(int.Parse(id, CultureInfo.InvariantCulture), principal.Identity.Name ?? "", r,
            int.Parse(org, CultureInfo.InvariantCulture), principal.FindFirstValue(OrgPathClaim) ?? "/",
            unit is null ? null : int.Parse(unit, CultureInfo.InvariantCulture), principal.FindFirstValue(NameClaim));
    }

    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(OrgClaim, OrganisationId.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(OrgPathClaim, OrganisationPath);
        yield return new Claim(RoleClaim, Role.ToString());
        if (UnitId is { } u) yield return new Claim(UnitClaim, u.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(Name)) yield return new Claim(NameClaim, Name);
    }
}
