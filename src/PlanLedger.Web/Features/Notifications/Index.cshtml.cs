using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Notifications;

/// <summary>通知: the signed-in person's notifications (their unit's, or their office's), newest first; mark read.</summary>
public sealed class IndexModel(LedgerDbContext db, TimeProvider clock) : LedgerPageModel
{
    public List<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await NotificationsApi.Mine(db, Me).AsNoTracking().OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(200).ToListAsync(ct);

    public async Task<IActionResult> OnPostReadAsync(int? id, CancellationToken ct)
    {
        var q = NotificationsApi.Mine(db, Me).Where(n => n.ReadAt == null);
        if (id is { } one) q = q.Where(n => n.Id == one);
        foreach (var n in await q.Take(1000).ToListAsync(ct)) n.ReadAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var link = id is { } x ? await db.Notifications.Where(n => n.Id == x).Select(n => n.Link).FirstOrDefaultAsync(ct) : null;
        return Redirect(link is { Length: > 0 } l && l.StartsWith('/') && !l.StartsWith("//") ? l : "/Notifications");
    }
}
