using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Notifications;

public sealed record DispatchRun(int Notifications, int Mails, int Webhooks, int Failures);

/// <summary>
/// Sends the e-mail (SMTP, MailKit) and webhook (group robot JSON POST) copies of the notifications waiting in the
/// outbox. Each notification is claimed first (a conditional update of its attempt count) so that two dispatchers never
/// send it twice; a failure leaves it for the next run until <see cref="NotificationOptions.MaxAttempts"/>.
/// </summary>
public sealed class NotificationDispatcher(LedgerDbContext db, IOptions<NotificationOptions> options, IHttpClientFactory http,
    TimeProvider clock, ILogger<NotificationDispatcher> log, JobGate gate)
{
    public async Task<DispatchRun> DispatchAsync(CancellationToken ct = default)
    {
        // One dispatcher at a time across the instances on the database: a second one waits for the first to finish and
        // then finds what is still waiting. (Without it, a dispatcher reading after another's claim claimed again and
        // both sent the copy.)
        await using var held = await gate.TryLockAsync("notification-dispatch", TimeSpan.FromSeconds(30), ct);
        if (held is null) return new DispatchRun(0, 0, 0, 0);
        var o = options.Value;
        var waiting = await db.Notifications.Where(n => n.DispatchedAt == null && n.DispatchAttempts < o.MaxAttempts)
            .OrderBy(n => n.Id).Take(200).ToListAsync(ct);
        if (waiting.Count == 0) return new DispatchRun(0, 0, 0, 0);
        var unitIds = waiting.Where(n => n.UnitId != null).Select(n => n.UnitId!.Value).Distinct().ToList();
        var orgIds = waiting.Where(n => n.UnitId == null && n.OrganisationId != null).Select(n => n.OrganisationId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var unitUsers = (await db.Users.AsNoTracking().Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value) && u.Email != null && u.DeactivatedAt == null)
            .Select(u => new { UnitId = u.UnitId!.Value, u.Email, u.Language }).ToListAsync(ct)).ToLookup(x => x.UnitId, x => (Address: x.Email!, English: x.Language == "en"));
        var officeUsers = (await db.Users.AsNoTracking().Where(u => orgIds.Contains(u.OrganisationId) && u.Email != null && u.DeactivatedAt == null
                && (u.Role == UserRole.Office || u.Role == UserRole.Admin))
            .Select(u => new { u.OrganisationId, u.Email, u.Language }).ToListAsync(ct)).ToLookup(x => x.OrganisationId, x => (Address: x.Email!, English: x.Language == "en"));

        int mails = 0, hooks = 0, failures = 0;
        SmtpClient? smtp = null;
        try
        {
            // Claim the batch in one transaction (besides the lock, a dispatcher that read the same attempt counts fails its
            // claim as a whole and leaves the batch). One write per batch, not one per notification: on SQLite every write
            // holds the single write lock that report POSTs wait for (docs/scale.md §8).
            foreach (var n in waiting) n.DispatchAttempts++;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                foreach (var n in waiting) db.Entry(n).State = EntityState.Detached;
                return new DispatchRun(0, 0, 0, 0);
            }
            foreach (var n in waiting)
            {
                var unit = n.UnitId is { } uid ? units.GetValueOrDefault(uid) : null;
                // Each person's copy in the language they chose; the unit's own mailbox in Chinese.
                var addresses = new List<(string Address, bool English)>();
                if (unit?.Email is { Length: > 0 } ue) addresses.AddRange(Split(ue).Select(a => (a, false)));
                if (n.UnitId is { } u2) addresses.AddRange(unitUsers[u2]);
                else if (n.OrganisationId is { } org) addresses.AddRange(officeUsers[org]);
                addresses = addresses.Where(a => a.Address.Contains('@')).DistinctBy(a => a.Address.ToLowerInvariant()).ToList();
                var webhooks = new[] { unit?.WebhookUrl, n.UnitId is null ? null : o.WebhookUrl }
                    .Where(w => !string.IsNullOrWhiteSpace(w)).Distinct().ToList();
                try
                {
                    if (addresses.Count > 0 && !string.IsNullOrWhiteSpace(o.SmtpHost))
                    {
                        smtp ??= await ConnectAsync(o, ct);
                        foreach (var group in addresses.GroupBy(a => a.English))
                        {
                            await smtp.SendAsync(Mail(o, n, unit, group.Select(a => a.Address), group.Key), ct);
                            mails++;
                        }
                    }
                    foreach (var w in webhooks)
                    {
                        var res = await http.CreateClient("webhook").PostAsJsonAsync(w, Robot(n, unit), ct);
                        res.EnsureSuccessStatusCode();
                        hooks++;
                    }
                    n.DispatchedAt = clock.GetUtcNow();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures++;
                    log.LogWarning(e, "Notification {Id}: sending failed (attempt {Attempt})", n.Id, n.DispatchAttempts);
                    if (smtp is not null) { smtp.Dispose(); smtp = null; }
                }
                // A copy went out (or failed): recorded at once, so that a crash resends nothing already sent. A notification
                // with no address and no webhook is recorded with the rest of the batch below.
                if (addresses.Count > 0 || webhooks.Count > 0) await db.SaveChangesAsync(ct);
            }
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            if (smtp is not null)
            {
                try { await smtp.DisconnectAsync(true, ct); } catch (Exception e) when (e is not OperationCanceledException) { }
                smtp.Dispose();
            }
        }
        return new DispatchRun(waiting.Count, mails, hooks, failures);
    }

    private static async Task<SmtpClient> ConnectAsync(NotificationOptions o, CancellationToken ct)
    {
        var smtp = new SmtpClient { Timeout = 15000 };
        var security = o.SmtpSecurity.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await smtp.ConnectAsync(o.SmtpHost!, o.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser)) await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        return smtp;
    }

    private static IEnumerable<string> Split(string s) => s.Split([',', ';', '，', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The e-mail of a notification, in Chinese or, for those who chose it, in English (names and document text as written).</summary>
    private static MimeMessage Mail(NotificationOptions o, Notification n, Unit? unit, IEnumerable<string> to, bool english = false)
    {
        // A message the catalogue cannot translate goes in Chinese as a whole, never half and half.
        english = english && Shared.Strings.ToEnglish(n.Message) != n.Message;
        string L(string zh) => english ? Shared.Strings.ToEnglish(zh) : zh;
        var m = new MimeMessage();
        m.From.Add(new MailboxAddress(o.FromName, o.From));
        foreach (var a in to) m.To.Add(MailboxAddress.Parse(a));
        var message = L(n.Message);
        m.Subject = english
            ? $"[{L(Title(n.Kind))}] {(message.Length > 80 ? message[..80] + "…" : message)}"
            : $"【{Title(n.Kind)}】{(message.Length > 60 ? message[..60] + "…" : message)}";
        var link = n.Link is null ? "" : $"\n\n{(o.BaseUrl ?? "").TrimEnd('/')}{n.Link}";
        var to2 = unit?.Name ?? L("督查室");
        m.Body = new TextPart("plain") { Text = english
            ? $"{to2}:\n\n{message}{link}\n\n-- PlanLedger {L("工作要点任务台账与督办系统")}"
            : $"{to2}：\n\n{message}{link}\n\n—— PlanLedger 工作要点任务台账与督办系统" };
        return m;
    }

    /// <summary>The text message both 企业微信 and 钉钉 group robots accept.</summary>
    private static object Robot(Notification n, Unit? unit) => new
    {
        msgtype = "text",
        text = new { content = $"【{Title(n.Kind)}】{(unit is null ? "" : unit.Name + "：")}{n.Message}" },
    };

    public static string Title(NotificationKind k) => k switch
    {
        NotificationKind.ReportDueSoon => "报送提醒",
        NotificationKind.ReportMissing => "进展未报送",
        NotificationKind.TaskOverdue => "任务逾期",
        NotificationKind.ReportReturned => "填报退回",
        NotificationKind.ReportApproved => "填报通过",
        NotificationKind.Urged => "催办",
        NotificationKind.SupervisionIssued => "督办单",
        NotificationKind.SupervisionReturned => "督办退回重办",
        NotificationKind.SupervisionClosed => "督办办结",
        NotificationKind.SupervisionEscalated => "督办升级",
        NotificationKind.SupervisionStopped => "督办中止",
        NotificationKind.SupervisionReplied => "督办反馈",
        NotificationKind.EscalationProposed => "建议升级督办",
        NotificationKind.ExtensionDecided => "延期申请",
        NotificationKind.CloseOutDecided => "销号申请",
        NotificationKind.RequestSubmitted => "待审批申请",
        NotificationKind.CloseOutUndone => "撤销销号",
        NotificationKind.LeaderComment => "领导批示",
        _ => "通知",
    };
}

/// <summary>Runs <see cref="NotificationDispatcher"/> every <see cref="NotificationOptions.DispatchInterval"/>.</summary>
public sealed class NotificationDispatchService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options,
    ILogger<NotificationDispatchService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DispatchInterval <= TimeSpan.Zero) return;
        try
        {
            using var timer = new PeriodicTimer(options.Value.DispatchInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Notification dispatch failed");
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
