using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Admin;

/// <summary>A merge waiting for confirmation: which unit goes into which, and what moves.</summary>
public sealed record MergeConfirmation(Unit From, Unit Into, UnitUsage Moves);

/// <summary>The unit directory of the own organisation: create, rename, aliases, delete (when unused), merge (confirmed).</summary>
public sealed class UnitsModel(LedgerDbContext db, DirectoryService directory, UnitDirectory units) : LedgerPageModel
{
    public List<Unit> Units { get; private set; } = [];
    public string? Error { get; private set; }
    public MergeConfirmation? Merge { get; private set; }

    private async Task LoadAsync(CancellationToken ct) =>
        Units = (await db.Units.AsNoTracking().Where(u => u.OrganisationId == Me.OrganisationId && u.MergedIntoId == null).ToListAsync(ct))
            .OrderBy(u => u.Kind).ThenBy(u => u.Name, Pinyin.Comparer).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role is not (UserRole.Admin or UserRole.Office)) return Forbid();
        await LoadAsync(ct);
        Error = Flash;
        return Page();
    }

    private IActionResult Back(Failure? f, string? ok = null)
    {
        if (f is { Status: 403 }) return Forbid();
        Flash = f?.Title ?? ok;
        return Redirect("/Admin/Units");
    }

    public async Task<IActionResult> OnPostCreateAsync([TextLimit(typeof(Unit), nameof(Unit.Name))] string? name, UnitKind kind,
        [TextLimit(typeof(Unit), nameof(Unit.Aliases))] string? aliases, CancellationToken ct) =>
        Back((await directory.CreateUnitAsync(Me, new UnitInput(name, kind, aliases, null), ct)).Error);

    public async Task<IActionResult> OnPostAliasesAsync(int unitId, [TextLimit(typeof(Unit), nameof(Unit.Aliases))] string? aliases, int? version, CancellationToken ct) =>
        Back((await directory.UpdateAliasesAsync(Me, unitId, aliases, ct, version)).Error);

    public async Task<IActionResult> OnPostRenameAsync(int unitId, [TextLimit(typeof(Unit), nameof(Unit.Name))] string? name, int? version, CancellationToken ct) =>
        Back((await units.RenameAsync(Me, unitId, new UnitRename(name, version), ct)).Error, "已改名");

    public async Task<IActionResult> OnPostDeleteAsync(int unitId, CancellationToken ct) =>
        Back(await units.DeleteAsync(Me, unitId, ct), "单位已删除");

    /// <summary>First the confirmation (what moves), then, confirmed, the merge.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int unitId, int intoId, bool confirmed, CancellationToken ct)
    {
        if (confirmed) return Back((await directory.MergeAsync(Me, unitId, intoId, ct)).Error, "已合并");
        var preview = await units.MergePreviewAsync(Me, unitId, ct);
        if (preview.Error is { } e) return Back(e);
        await LoadAsync(ct);
        var from = Units.FirstOrDefault(u => u.Id == unitId);
        var into = Units.FirstOrDefault(u => u.Id == intoId);
        if (from is null || into is null || from.Id == into.Id) return Back(Failure.BadRequest("只能合并同一组织内的两个不同单位"));
        Merge = new MergeConfirmation(from, into, preview.Value!);
        return Page();
    }
}
