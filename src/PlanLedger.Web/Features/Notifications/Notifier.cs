using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Notifications;

/// <summary>
/// The one way a feature notifies a unit (or an organisation's office): adds the in-app notification to the caller's
/// unit of work, so it commits with the decision it reports. E-mail and webhook copies follow from
/// <see cref="NotificationDispatcher"/> (outbox: nothing is sent for a change that rolled back).
/// </summary>
public sealed class Notifier(LedgerDbContext db, TimeProvider clock)
{
    public const int MaxText = 1000;

    public Notification ToUnit(int unitId, NotificationKind kind, string text, int? taskId = null, string? link = null, string period = "")
    {
        var n = new Notification
        {
            UnitId = unitId, TaskId = taskId, Kind = kind, Message = Clip(text), Link = link, Period = period, CreatedAt = clock.GetUtcNow(),
        };
        db.Notifications.Add(n);
        return n;
    }

    public int ToUnits(IEnumerable<int> unitIds, NotificationKind kind, string text, int? taskId = null, string? link = null, string period = "")
    {
        var count = 0;
        foreach (var u in unitIds.Distinct()) { ToUnit(u, kind, text, taskId, link, period); count++; }
        return count;
    }

    /// <summary>Every unit mapped onto the task (lead and supporting).</summary>
    public async Task<int> ToUnitsOfTaskAsync(int taskId, NotificationKind kind, string text, string? link = null, CancellationToken ct = default)
    {
        var units = await db.TaskUnits.Where(u => u.TaskId == taskId && u.UnitId != null).Select(u => u.UnitId!.Value).Distinct().ToListAsync(ct);
        return ToUnits(units, kind, text, taskId, link ?? $"/Tasks/{taskId}");
    }

    /// <summary>For the office (督查室) and admins of an organisation.</summary>
    public Notification ToOffice(int organisationId, NotificationKind kind, string text, int? taskId = null, string? link = null)
    {
        var n = new Notification
        {
            OrganisationId = organisationId, TaskId = taskId, Kind = kind, Message = Clip(text), Link = link, CreatedAt = clock.GetUtcNow(),
        };
        db.Notifications.Add(n);
        return n;
    }

    public static string Clip(string text) => text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…";

    /// <summary>API name of a kind: report_returned, supervision_issued …</summary>
    public static string KindName(NotificationKind k) =>
        string.Concat(k.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
