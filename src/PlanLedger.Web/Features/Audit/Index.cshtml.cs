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
    private Dictionary<int, string> Names { get; set; } = [];

    /// <summary>Who made the change, by display name (the account name when none is set).</summary>
    public string Name(AuditEntry a) => a.UserId is { } id && Names.TryGetValue(id, out var n) ? n : a.UserName;
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
        var ids = Entries.Where(a => a.UserId != null).Select(a => a.UserId!.Value).Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DisplayName != "").ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return Page();
    }
}
