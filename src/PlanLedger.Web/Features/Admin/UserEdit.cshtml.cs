using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Admin;

/// <summary>One user (admin only): edit name, role, organisation and unit; reset the password; unlock; deactivate/reactivate.</summary>
public sealed class UserEditModel(LedgerDbContext db, DirectoryService directory) : LedgerPageModel
{
    public UserDto User2 { get; private set; } = null!;
    public List<Organisation> Organisations { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await directory.GetUserAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        User2 = r.Value!;
        var path = Me.OrganisationPath;
        Organisations = await Access.VisibleOrganisations(db.Organisations, Me).AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct);
        Units = await db.Units.AsNoTracking().Include(u => u.Organisation)
            .Where(u => u.Organisation!.Path.StartsWith(path) && u.MergedIntoId == null).ToListAsync(ct);
        Units = Units.Sort(u => u.Name).ToList();
        Message = Flash;
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, [TextLimit(typeof(AppUser), nameof(AppUser.DisplayName))] string? displayName, UserRole role, int? organisationId, int? unitId, int? version, CancellationToken ct) =>
        Done(id, await directory.UpdateUserAsync(Me, id, new UserUpdate(displayName, role, organisationId, unitId, version), ct), "已保存");

    public async Task<IActionResult> OnPostPasswordAsync(int id, [TextLimit(PasswordRules.MaxLength)] string? password, CancellationToken ct) =>
        Done(id, await directory.ResetPasswordAsync(Me, id, password, ct), "密码已重置");

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct) =>
        Done(id, await directory.UnlockAsync(Me, id, ct), "已解锁");

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active, CancellationToken ct) =>
        Done(id, await directory.SetActiveAsync(Me, id, active, ct), active ? "已启用" : "已停用");

    public async Task<IActionResult> OnPostSignOutAsync(int id, CancellationToken ct) =>
        Done(id, await directory.SignOutEverywhereAsync(Me, id, ct), "已强制下线");

    private IActionResult Done(int id, Outcome<UserDto> r, string ok)
    {
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error is { } f ? f.Title + (f.Detail is null ? "" : "：" + f.Detail) : ok;
        return Redirect($"/Admin/Users/{id}");
    }
}
