using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>The e-mail and webhook copies of notifications reach a real SMTP server and a real HTTP receiver.</summary>
public abstract class NotificationDeliveryTests(LedgerFactory factory, TestSmtpServer smtp, TestWebhookReceiver hook) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<DispatchRun> DispatchAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchAsync();
    }

    [Fact]
    public async Task A_returned_report_is_mailed_to_the_unit_and_posted_to_its_group_robot()
    {
        var office = await W.As(W.Office);
        await (await office.PutAsJsonAsync($"/api/v1/units/{W.UnitA}/contact", new { email = "jcjy@example.cn", webhookUrl = hook.Url })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PutAsJsonAsync($"/api/v1/units/{W.UnitA}/contact", new { email = "not-an-address" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await W.As(W.RepA)).PutAsJsonAsync($"/api/v1/units/{W.UnitA}/contact", new { email = "x@example.cn" })).StatusCode);
        await DispatchAsync(); // whatever was waiting before
        var mails = smtp.Messages.Count;
        var posts = hook.Posts.Count;

        var report = await W.ReportAsync(W.RepA, W.Task1, 30);
        await office.PostJsonAsync($"/api/v1/reports/{report.Id()}/return", new { comment = "请补充佐证材料" }, HttpStatusCode.OK);
        var run = await DispatchAsync();
        Assert.True(run.Mails >= 1 && run.Webhooks >= 1, run.ToString());

        var (_, to, data) = smtp.Messages.Skip(mails).Single(m => m.To.Contains("jcjy@example.cn"));
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data));
        var message = await MimeMessage.LoadAsync(raw);
        Assert.Contains("填报退回", message.Subject);
        Assert.Contains("请补充佐证材料", message.TextBody);
        var post = hook.Posts.Skip(posts).Select(p => JsonNode.Parse(p.Body)!).Single(p => p["text"]!["content"]!.GetValue<string>().Contains("请补充佐证材料"));
        Assert.Equal("text", post["msgtype"]!.GetValue<string>());
        Assert.Contains("填报退回", post["text"]!["content"]!.GetValue<string>());

        // Sent once: the next run finds nothing waiting.
        var after = smtp.Messages.Count;
        Assert.Equal(0, (await DispatchAsync()).Mails);
        Assert.Equal(after, smtp.Messages.Count);
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_each_copy_once_and_leave_nothing_waiting()
    {
        var office = await W.As(W.Office);
        await (await office.PutAsJsonAsync($"/api/v1/units/{W.UnitA}/contact", new { email = "twice@example.cn" })).JsonAsync(HttpStatusCode.OK);
        await DispatchAsync();
        var mails = smtp.Messages.Count;
        var report = await W.ReportAsync(W.RepA, W.Task1, 40);
        await office.PostJsonAsync($"/api/v1/reports/{report.Id()}/return", new { comment = "两个发送进程同时运行" }, HttpStatusCode.OK);
        // UnitB has no address: its notifications (if any) have nothing to send and are recorded with the batch.
        await office.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, unitIds = new[] { W.UnitB }, level = "blue",
            reason = "请按时报送", replyBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd") });

        await Task.WhenAll(Task.Run(DispatchAsync), Task.Run(DispatchAsync));

        Assert.Single(smtp.Messages.Skip(mails), m => m.To.Contains("twice@example.cn"));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.DispatchedAt == null));
    }

    [Fact]
    public async Task A_notice_reaches_every_unit_it_was_issued_to()
    {
        var office = await W.As(W.Office);
        await (await office.PutAsJsonAsync($"/api/v1/units/{W.UnitA}/contact", new { email = "a@example.cn" })).JsonAsync(HttpStatusCode.OK);
        await (await office.PutAsJsonAsync($"/api/v1/units/{W.UnitB}/contact", new { email = "b@example.cn", webhookUrl = hook.Url })).JsonAsync(HttpStatusCode.OK);
        await DispatchAsync();
        var mails = smtp.Messages.Count;
        var n = await office.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, unitIds = new[] { W.UnitA, W.UnitB }, level = "yellow",
            reason = "进度明显滞后", replyBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd") });
        await DispatchAsync();
        var fresh = smtp.Messages.Skip(mails).ToList();
        Assert.Contains(fresh, m => m.To.Contains("a@example.cn") && m.Data.Contains("督办"));
        Assert.Contains(fresh, m => m.To.Contains("b@example.cn"));
        Assert.Contains(hook.Posts, p => JsonNode.Parse(p.Body)!["text"]!["content"]!.GetValue<string>().Contains(n.Str("number")));
    }
}

public sealed class MailingSqliteFactory : SqliteLedgerFactory
{
    public TestSmtpServer Smtp { get; } = new();
    public TestWebhookReceiver Hook { get; } = new();
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("PlanLedger:Notifications:SmtpHost", "127.0.0.1");
        builder.UseSetting("PlanLedger:Notifications:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("PlanLedger:Notifications:SmtpSecurity", "none");
    }
    protected override void Dispose(bool disposing) { base.Dispose(disposing); Smtp.Dispose(); Hook.Dispose(); }
}

public sealed class MailingPostgresFactory : PostgresLedgerFactory
{
    public TestSmtpServer Smtp { get; } = new();
    public TestWebhookReceiver Hook { get; } = new();
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("PlanLedger:Notifications:SmtpHost", "127.0.0.1");
        builder.UseSetting("PlanLedger:Notifications:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("PlanLedger:Notifications:SmtpSecurity", "none");
    }
    protected override void Dispose(bool disposing) { base.Dispose(disposing); Smtp.Dispose(); Hook.Dispose(); }
}

public sealed class NotificationDeliverySqliteTests(MailingSqliteFactory f) : NotificationDeliveryTests(f, f.Smtp, f.Hook), IClassFixture<MailingSqliteFactory>;
public sealed class NotificationDeliveryPostgresTests(MailingPostgresFactory f) : NotificationDeliveryTests(f, f.Smtp, f.Hook), IClassFixture<MailingPostgresFactory>;
