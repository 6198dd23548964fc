using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Admin;

/// <summary>The unit directory of the own organisation: create, aliases, merge.</summary>
public sealed class UnitsModel(LedgerDbContext db, DirectoryService directory) : LedgerPageModel
{
    public List<Unit> Units { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role is not (UserRole.Admin or UserRole.Office)) return Forbid();
        Units = await db.Units.AsNoTracking().Where(u => u.OrganisationId == Me.OrganisationId && u.MergedIntoId == null)
            .OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        Error = Flash;
        return Page();
    }

    private IActionResult Back(Failure? f)
    {
        if (f is { Status: 403 }) return Forbid();
        Flash = f?.Title;
        return Redirect("/Admin/Units");
    }

    public async Task<IActionResult> OnPostCreateAsync([TextLimit(typeof(Unit), nameof(Unit.Name))] string? name, UnitKind kind,
        [TextLimit(typeof(Unit), nameof(Unit.Aliases))] string? aliases, CancellationToken ct) =>
        Back((await directory.CreateUnitAsync(Me, new UnitInput(name, kind, aliases, null), ct)).Error);

    public async Task<IActionResult> OnPostAliasesAsync(int unitId, [TextLimit(typeof(Unit), nameof(Unit.Aliases))] string? aliases, int? version, CancellationToken ct) =>
        Back((await directory.UpdateAliasesAsync(Me, unitId, aliases, ct, version)).Error);

    public async Task<IActionResult> OnPostMergeAsync(int unitId, int intoId, CancellationToken ct) =>
        Back((await directory.MergeAsync(Me, unitId, intoId, ct)).Error);
}
