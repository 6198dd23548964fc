using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Admin;

/// <summary>The organisation hierarchy in scope (省 → 市 → 县 → 乡镇/学区) as a tree: create below, rename, level, time zone.</summary>
public sealed class OrganisationsModel(LedgerDbContext db, DirectoryService directory, UnitDirectory units) : LedgerPageModel
{
    public List<(Organisation Org, int Depth)> Organisations { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role != UserRole.Admin) return Forbid();
        Organisations = UnitDirectory.Tree(await Access.VisibleOrganisations(db.Organisations, Me).AsNoTracking().ToListAsync(ct));
        Error = Flash;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([TextLimit(typeof(Organisation), nameof(Organisation.Name))] string? name, int? parentId, OrganisationLevel level, CancellationToken ct)
    {
        var r = await directory.CreateOrganisationAsync(Me, new OrganisationInput(name, parentId, level), ct);
        if (r.Error is { Status: 403 }) return Forbid();
        Flash = r.Error?.Title;
        return Redirect("/Admin/Organisations");
    }

    public async Task<IActionResult> OnPostEditAsync(int id, [TextLimit(typeof(Organisation), nameof(Organisation.Name))] string? name, OrganisationLevel? level,
        [TextLimit(typeof(Organisation), nameof(Organisation.TimeZone))] string? timeZone, int? version, CancellationToken ct)
    {
        var r = await units.UpdateOrganisationAsync(Me, id, new OrganisationUpdate(name, level, timeZone ?? "", version), ct);
        if (r.Error is { Status: 403 }) return Forbid();
        Flash = r.Error?.Title ?? "已保存";
        return Redirect("/Admin/Organisations");
    }
}
