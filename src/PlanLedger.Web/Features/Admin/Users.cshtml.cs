using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Admin;

public sealed record UserRow(int Id, string UserName, string DisplayName, UserRole Role, string Organisation, string? Unit, bool Locked, bool Active);

/// <summary>Users of the organisations in scope: list and create (admin only).</summary>
public sealed class UsersModel(LedgerDbContext db, DirectoryService directory) : LedgerPageModel
{
    public List<UserRow> Users { get; private set; } = [];
    public List<Organisation> Organisations { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role != UserRole.Admin) return Forbid();
        var path = Me.OrganisationPath;
        Organisations = await Access.VisibleOrganisations(db.Organisations, Me).AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct);
        Units = (await db.Units.AsNoTracking().Where(u => u.Organisation!.Path.StartsWith(path) && u.MergedIntoId == null).ToListAsync(ct)).Sort(u => u.Name).ToList();
        var now = DateTimeOffset.UtcNow;
        Users = (await db.Users.AsNoTracking().Where(u => u.Organisation!.Path.StartsWith(path)).OrderBy(u => u.UserName).Take(500)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Role, Org = u.Organisation!.Name, Unit = u.Unit != null ? u.Unit.Name : null, u.LockoutEnd, u.DeactivatedAt })
            .ToListAsync(ct))
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Role, u.Org, u.Unit, u.LockoutEnd > now, u.DeactivatedAt == null)).ToList();
        Error = Flash;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([TextLimit(typeof(AppUser), nameof(AppUser.UserName))] string? userName,
        [TextLimit(PasswordRules.MaxLength)] string? password, [TextLimit(typeof(AppUser), nameof(AppUser.DisplayName))] string? displayName, UserRole role,
        int? organisationId, int? unitId, CancellationToken ct)
    {
        var r = await directory.CreateUserAsync(Me, new UserInput(userName, password, displayName, role, organisationId, unitId), ct);
        if (r.Error is { Status: 403 }) return Forbid();
        Flash = r.Error is { } e ? e.Title + (e.Detail is null ? "" : "：" + e.Detail) : null;
        return Redirect("/Admin/Users");
    }
}
