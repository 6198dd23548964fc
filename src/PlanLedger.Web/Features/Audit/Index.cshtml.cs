using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;

using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Audit;

/// <summary>The audit trail: who changed what, when (UTC), with values before and after. Newest first, paginated.</summary>
public sealed class IndexModel(LedgerDbContext db) : LedgerPageModel
{
    public const int PageSize = 100;
    public List<AuditEntry> Entries { get; private set; } = [];
    [BindProperty(SupportsGet = true), TextLimit(typeof(AuditEntry), nameof(AuditEntry.Entity))] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role is not (UserRole.Admin or UserRole.Office)) return Forbid();
        // An organisation reads the changes made by its own people and those below it; system changes only the top.
        var path = Me.OrganisationPath;
        var top = path.Count(c => c == '/') == 2 && Me.Role == UserRole.Admin;
        var q = db.AuditEntries.AsNoTracking()
            .Where(a => (a.ActorOrganisationPath != null && a.ActorOrganisationPath.StartsWith(path)) || (top && a.ActorOrganisationPath == null));
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(a => a.Entity == Entity);
        if (Before is { } b) q = q.Where(a => a.Id < b);
        Entries = await q.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
