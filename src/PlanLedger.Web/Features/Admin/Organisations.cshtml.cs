using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Admin;

/// <summary>The organisation hierarchy in scope (province → city → county): list and create below.</summary>
public sealed class OrganisationsModel(LedgerDbContext db, DirectoryService directory) : LedgerPageModel
{
    public List<Organisation> Organisations { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role != UserRole.Admin) return Forbid();
        Organisations = await Access.VisibleOrganisations(db.Organisations, Me).AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct);
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
}
