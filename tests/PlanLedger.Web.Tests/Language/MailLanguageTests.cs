using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Tests.Infrastructure;
using PlanLedger.Web.Tests.Supervision;

namespace PlanLedger.Web.Tests.Language;

/// <summary>E-mails are written in each person's chosen UI language; the unit's own mailbox reads Chinese.</summary>
public abstract class MailLanguageTests(LedgerFactory factory, TestSmtpServer smtp) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task DispatchAsync()
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchAsync();
    }

    private static async Task<MimeMessage> ParseAsync(string data)
    {
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data));
        return await MimeMessage.LoadAsync(raw);
    }

    [Fact]
    public async Task A_reporter_who_chose_English_gets_the_mail_in_English_and_the_unit_mailbox_in_Chinese()
    {
        var office = await W.As(W.Office);
        await (await office.PutAsJsonAsync($"/api/v1/units/{W.UnitA}/contact", new { email = $"unit{W.N}@example.cn" })).JsonAsync(HttpStatusCode.OK);
        // The reporter switches the UI to English (stored on the account) and has an address.
        var page = await PageClient.SignInAsync(factory, W.RepA);
        await page.Http.GetAsync("/culture?c=en&returnUrl=/");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
            var rep = await db.Users.SingleAsync(u => u.UserName == W.RepA);
            Assert.Equal("en", rep.Language);
            rep.Email = $"rep{W.N}@example.cn";
            await db.SaveChangesAsync();
        }
        await DispatchAsync();
        var before = smtp.Messages.Count;
        var report = await W.ReportAsync(W.RepA, W.Task1, 30);
        await office.PostJsonAsync($"/api/v1/reports/{report.Id()}/return", new { comment = "请补充佐证材料" }, HttpStatusCode.OK);
        await DispatchAsync();
        var fresh = smtp.Messages.Skip(before).ToList();
        var english = await ParseAsync(fresh.Single(m => m.To.Contains($"rep{W.N}@example.cn")).Data);
        var chinese = await ParseAsync(fresh.Single(m => m.To.Contains($"unit{W.N}@example.cn")).Data);
        Assert.StartsWith("[Report returned]", english.Subject);
        Assert.Contains("report returned", english.TextBody);
        Assert.Contains("请补充佐证材料", english.TextBody); // the office's own words stay as written
        Assert.DoesNotContain("退回意见", english.TextBody);
        Assert.StartsWith("【填报退回】", chinese.Subject);
        Assert.Contains("退回意见：请补充佐证材料", chinese.TextBody);
    }
}

public sealed class MailLanguageSqliteTests(MailingSqliteFactory f) : MailLanguageTests(f, f.Smtp), IClassFixture<MailingSqliteFactory>;
public sealed class MailLanguagePostgresTests(MailingPostgresFactory f) : MailLanguageTests(f, f.Smtp), IClassFixture<MailingPostgresFactory>;
