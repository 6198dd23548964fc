using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Security;

/// <summary>Adds organisation, its path, unit and role to the sign-in principal (cookie and bearer token alike).</summary>
public sealed class LedgerClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, LedgerDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var path = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Path).FirstOrDefaultAsync() ?? "/";
        var me = new CurrentUser(user.Id, user.UserName ?? "", user.Role, user.OrganisationId, path, user.UnitId, user.DisplayName);
        identity.AddClaims(me.ToClaims());
        return identity;
    }
}
