using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Data;

/// <summary>
/// Audit entries for changes the interceptor cannot see because every changed column is secret
/// (a password reset or change, an unlock): the action is recorded, never the hash or stamps.
/// </summary>
public static class AuditNotes
{
    public static void Note(this LedgerDbContext db, IAuditActor actor, DateTimeOffset at, AppUser user, string action) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            ActorOrganisationPath = actor.OrganisationPath,
            Entity = nameof(AppUser),
            EntityId = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = action,
            After = System.Text.Json.JsonSerializer.Serialize(new { user.UserName }, AuditJson.Options),
        });
}
