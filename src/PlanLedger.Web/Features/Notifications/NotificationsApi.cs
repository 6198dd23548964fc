using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Notifications;

public sealed record NotificationDto(int Id, string Kind, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, int? TaskId, string? Link);
public sealed record UnreadDto(int Unread);
public sealed record UnitContactBody([TextLimit(typeof(Unit), nameof(Unit.Email))] string? Email, [TextLimit(typeof(Unit), nameof(Unit.WebhookUrl))] string? WebhookUrl);
public sealed record UnitContactDto(int Id, string Name, string? Email, string? WebhookUrl);

/// <summary>/api/v1/notifications — the signed-in person's notifications (their unit's; the office's for admin/office).</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Notifications");
        g.MapGet("/notifications", List);
        g.MapGet("/notifications/unread", Unread);
        g.MapPost("/notifications/{id:int}/read", Read);
        g.MapPost("/notifications/read", ReadAll);
        g.MapPut("/units/{id:int}/contact", Contact);
        return api;
    }

    /// <summary>Notifications of <paramref name="me"/>: a reporter's unit's; for office and admin, their organisation's office's.</summary>
    public static IQueryable<Notification> Mine(LedgerDbContext db, CurrentUser me)
    {
        if (me.UnitId is { } unit) return db.Notifications.Where(n => n.UnitId == unit);
        if (me.Role is UserRole.Office or UserRole.Admin)
        {
            var org = me.OrganisationId;
            return db.Notifications.Where(n => n.UnitId == null && n.OrganisationId == org);
        }
        return db.Notifications.Where(n => false);
    }

    public static async Task<Ok<List<NotificationDto>>> List(HttpContext http, LedgerDbContext db, [FromQuery] bool? unread, CancellationToken ct)
    {
        var q = Mine(db, http.Me()).AsNoTracking();
        if (unread == true) q = q.Where(n => n.ReadAt == null);
        var rows = await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(200).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(Dto).ToList());
    }

    public static async Task<Ok<UnreadDto>> Unread(HttpContext http, LedgerDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new UnreadDto(await Mine(db, http.Me()).CountAsync(n => n.ReadAt == null, ct)));

    public static async Task<Results<Ok<NotificationDto>, ProblemHttpResult>> Read(int id, HttpContext http, LedgerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var n = await Mine(db, http.Me()).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Problems.From(Failure.NotFound("通知不存在"));
        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(n));
    }

    public static async Task<Ok<UnreadDto>> ReadAll(HttpContext http, LedgerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await Mine(db, http.Me()).Where(n => n.ReadAt == null).Take(1000).ToListAsync(ct);
        foreach (var n in rows) n.ReadAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new UnreadDto(0));
    }

    /// <summary>Sets where a unit's notifications are mailed and its group robot webhook (unit managers).</summary>
    public static async Task<Results<Ok<UnitContactDto>, ProblemHttpResult>> Contact(int id, UnitContactBody? body, HttpContext http, LedgerDbContext db, CancellationToken ct)
    {
        var row = await db.Units.Where(u => u.Id == id).Select(u => new { Unit = u, u.Organisation!.Path }).FirstOrDefaultAsync(ct);
        if (row is null) return Problems.From(Failure.NotFound("单位不存在"));
        if (Problems.FromDecision(Access.Decide(http.Me(), LedgerAction.ManageUnits, new Resource(row.Unit.OrganisationId, row.Path))) is { } f) return Problems.From(f);
        var email = string.IsNullOrWhiteSpace(body?.Email) ? null : body.Email.Trim();
        var hook = string.IsNullOrWhiteSpace(body?.WebhookUrl) ? null : body.WebhookUrl.Trim();
        if (email is { Length: > 500 } || (email is not null && email.Split([',', ';']).Any(a => !System.Net.Mail.MailAddress.TryCreate(a.Trim(), out _))))
            return Problems.From(Failure.BadRequest("邮箱地址无效"));
        if (hook is not null && (hook.Length > 500 || !Uri.TryCreate(hook, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return Problems.From(Failure.BadRequest("Webhook 地址应为 http(s) 网址"));
        row.Unit.Email = email;
        row.Unit.WebhookUrl = hook;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new UnitContactDto(row.Unit.Id, row.Unit.Name, email, hook));
    }

    public static NotificationDto Dto(Notification n) =>
        new(n.Id, Notifier.KindName(n.Kind), n.Message, n.CreatedAt, n.ReadAt, n.TaskId, n.Link);
}
