using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>
/// Tells a unit of an inspection matter (a new or reopened finding, a published bulletin) with an in-app notification.
/// The one place inspections notify: route it through the supervision notifier (mail, webhook) when that exists.
/// The notification is saved with the caller's SaveChanges, in the same transaction as the decision.
/// </summary>
public sealed class InspectionNotifier(LedgerDbContext db, TimeProvider clock)
{
    public void Notify(int unitId, NotificationKind kind, string message, string link)
    {
        var now = clock.GetUtcNow();
        db.Notifications.Add(new Notification
        {
            UnitId = unitId, TaskId = null, Kind = kind, Link = link, CreatedAt = now,
            Period = now.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            Message = message.Length > 1000 ? message[..1000] : message,
        });
    }

    /// <summary>Opening the page a notification leads to marks the unit's unread notifications of that page read.</summary>
    public async Task MarkReadAsync(int unitId, string link, CancellationToken ct = default)
    {
        var unread = await db.Notifications.Where(n => n.UnitId == unitId && n.Link == link && n.ReadAt == null).ToListAsync(ct);
        if (unread.Count == 0) return;
        foreach (var n in unread) n.ReadAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
