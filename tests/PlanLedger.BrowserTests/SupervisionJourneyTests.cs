using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Features.Supervision;

namespace PlanLedger.BrowserTests;

/// <summary>
/// The office's month in a real browser (Kestrel, SQLite, Chromium): publish → a unit reports → the office returns it →
/// the unit sees the notice and resubmits → the office approves → a late unit is urged → a blue 督办单 → its reply deadline
/// passes (the reminder job on a test clock proposes escalation) → the office escalates to yellow → the unit replies →
/// the office closes it → an inspection round draws the unit, a finding is recorded, rectified, re-checked and closed →
/// the bulletin is drafted and issued → the leader sees the year's ranking. Screenshots of each page at 1440 and 390 px.
/// </summary>
[Collection("browser")]
public sealed class SupervisionJourneyTests(AppServer server)
{
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1440, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, $"loop-{name}-1440.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, $"loop-{name}-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1440, 900);
    }

    private async Task<HttpClient> ApiAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var res = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = AppServer.AdminPassword });
        var token = (await res.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string url, object body)
    {
        var res = await http.PostAsJsonAsync(url, body);
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"{url}: {(int)res.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    [ChromiumFact]
    public async Task The_office_runs_a_month_of_review_urging_and_supervision()
    {
        var n = Guid.NewGuid().ToString("N")[..6];
        var api = await ApiAsync();
        var unitA = (await PostAsync(api, "/api/v1/units", new { name = $"基础教育股{n}", kind = "department" }))["id"]!.GetValue<int>();
        var unitB = (await PostAsync(api, "/api/v1/units", new { name = $"人事股{n}", kind = "department" }))["id"]!.GetValue<int>();
        foreach (var (user, role, unit) in new[] { ($"office{n}", "office", (int?)null), ($"repa{n}", "reporter", unitA), ($"repb{n}", "reporter", unitB),
                     ($"leader{n}", "leader", (int?)null) })
            await PostAsync(api, "/api/v1/users", new { userName = user, password = "password-123", displayName = user, role, unitId = unit });
        var year = DateTime.UtcNow.Year;
        var period = DateTime.UtcNow.ToString("yyyy-MM");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"""
            {year}年督办测试工作要点 {n}
            一、重点任务
            1.新建幼儿园3处。牵头单位：基础教育股{n}。完成时限：年内。
            2.培训教师500人次。牵头单位：人事股{n}。完成时限：年内。
            """)), "file", "督办测试工作要点.txt");
        form.Add(new StringContent(year.ToString()), "year");
        var planRes = await api.PostAsync("/api/v1/plans", form);
        var planId = JsonNode.Parse(await planRes.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();

        // The office publishes from the page.
        var office = await server.SignInAsync($"office{n}", "password-123");
        await office.GotoAsync($"/Plans/{planId}/Review");
        await JourneyTests.PublishAsync(office);
        await office.WaitForURLAsync(new Regex("/Plans/\\d+/Ledger$"));
        var tasks = JsonNode.Parse(await api.GetStringAsync($"/api/v1/plans/{planId}/tasks"))!.AsArray();
        var task1 = tasks.Single(t => t!["path"]!.GetValue<string>() == "一/1")!["id"]!.GetValue<int>();

        // A unit reports.
        var repA = await server.SignInAsync($"repa{n}", "password-123");
        await repA.GotoAsync($"/Tasks/{task1}");
        await repA.FillAsync("input[name=period]", period);
        await repA.FillAsync("input[name=progress]", "30");
        await repA.FillAsync("#report-form textarea[name=text]", "已完成选址");
        await repA.ClickAsync("#submit-report");
        await Assertions.Expect(repA.Locator("#reports")).ToContainTextAsync("已完成选址");

        // The office returns it from the inbox.
        await office.GotoAsync("/Reviews");
        await Assertions.Expect(office.Locator("#reviews")).ToContainTextAsync("已完成选址");
        await ShotAsync(office, "reviews");
        var row = office.Locator("#review-actions tr").First;
        await row.Locator("input[name=comment]").FillAsync("请补充佐证材料");
        await row.Locator("button.return").ClickAsync();
        await Assertions.Expect(office.Locator("#review-empty")).ToBeVisibleAsync();

        // The unit sees the notice and resubmits.
        await repA.GotoAsync("/Notifications");
        await Assertions.Expect(repA.Locator("#notification-list")).ToContainTextAsync("请补充佐证材料");
        await ShotAsync(repA, "notifications");
        await repA.GotoAsync($"/Tasks/{task1}");
        await repA.FillAsync("input[name=period]", period);
        await repA.FillAsync("input[name=progress]", "40");
        await repA.FillAsync("#report-form textarea[name=text]", "补充了选址批复");
        await repA.ClickAsync("#submit-report");
        await Assertions.Expect(repA.Locator("#reports")).ToContainTextAsync("补充了选址批复");

        // The office approves.
        await office.GotoAsync("/Reviews");
        await office.Locator("#reviews input[name=reportIds]").First.CheckAsync();
        await office.ClickAsync("#bulk-approve");
        await Assertions.Expect(office.Locator(".flash")).ToContainTextAsync("通过 1 条");

        // A late unit is urged from the period view.
        await office.GotoAsync($"/Plans/{planId}/Period?P={period}");
        await Assertions.Expect(office.Locator("#period-table")).ToContainTextAsync($"人事股{n}");
        await ShotAsync(office, "period");
        await office.ClickAsync("#urge");
        await Assertions.Expect(office.Locator("#urges")).ToContainTextAsync($"office{n}");

        // A blue 督办单 for the lagging task.
        await office.GotoAsync($"/Supervisions/New?TaskIds={task1}");
        await office.FillAsync("textarea[name=reason]", "进度滞后于序时进度");
        await office.FillAsync("input[name=replyBy]", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"));
        await ShotAsync(office, "issue");
        await office.ClickAsync("#issue");
        await office.WaitForURLAsync(new Regex("/Supervisions/\\d+$"));
        await Assertions.Expect(office.Locator("#notice-level")).ToContainTextAsync("蓝色");
        var noticeUrl = new Uri(office.Url).AbsolutePath;

        // The reply deadline passes: the reminder job, on a test clock four days on, proposes escalation.
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var clock = new FixedTime(DateTimeOffset.UtcNow.AddDays(4));
            var run = await new SupervisionEscalation(db, new Notifier(db, clock), Options.Create(new SupervisionOptions()), clock).RunAsync();
            Assert.True(run.Proposed >= 1);
        }
        await office.GotoAsync(noticeUrl);
        await Assertions.Expect(office.Locator("#escalation-proposed")).ToBeVisibleAsync();
        await office.ClickAsync("#escalate");
        await Assertions.Expect(office.Locator("#notice-level")).ToContainTextAsync("黄色");

        // The unit replies with evidence.
        await repA.GotoAsync(noticeUrl);
        await repA.FillAsync("#reply-form textarea[name=text]", "已完成招标，10月底前完工");
        await repA.ClickAsync("#reply");
        await Assertions.Expect(repA.Locator("#notice-state")).ToHaveTextAsync("已反馈");
        await ShotAsync(repA, "notice-replied");

        // The office closes it.
        await office.GotoAsync(noticeUrl);
        await office.ClickAsync("#close-notice");
        await Assertions.Expect(office.Locator("#notice-state")).ToHaveTextAsync("已办结");
        await Assertions.Expect(office.Locator("#history")).ToContainTextAsync("升级");
        await ShotAsync(office, "notice-closed");

        // 随机督导 the same month: a round over the two units, unit A drawn; a finding, 整改, 复查, the bulletin drafted and issued.
        await office.GotoAsync("/Inspections");
        await office.FillAsync("input[name=title]", $"本月随机督导{n}");
        await office.FillAsync("input[name=visits]", "1");
        await office.FillAsync("input[name=inspectorsPerVisit]", "1");
        foreach (var box in await office.Locator("input[name=unitIds]").AllAsync()) await box.UncheckAsync();
        await office.Locator("label.check", new() { HasText = $"基础教育股{n}" }).Locator("input").CheckAsync();
        await office.Locator("label.check", new() { HasText = $"office{n}" }).Locator("input").CheckAsync();
        await office.ClickAsync("#create-round");
        await office.WaitForURLAsync(new Regex(@"/Inspections/\d+$"));
        var roundUrl = new Uri(office.Url).AbsolutePath;
        await office.FillAsync("input[name=seed]", "2026");
        await office.ClickAsync("#draw");
        await Assertions.Expect(office.Locator("#visits .visit-unit")).ToHaveCountAsync(1);
        await Assertions.Expect(office.Locator("#visits")).ToContainTextAsync($"基础教育股{n}");
        await ShotAsync(office, "inspection-drawn");
        await office.SelectOptionAsync("#finding-form select[name=severity]", "major");
        await office.FillAsync("#finding-form textarea[name=description]", "幼儿园选址论证材料不全");
        await office.FillAsync("#finding-form textarea[name=requirement]", "补齐选址论证和审批材料");
        await office.ClickAsync("#record-finding");
        await Assertions.Expect(office.Locator("#finding-table")).ToContainTextAsync("幼儿园选址论证材料不全");
        await repA.GotoAsync("/");
        await repA.ClickAsync("#notifications a:has-text('督导发现问题')");
        await repA.FillAsync("#rectify-form textarea[name=text]", "已补齐选址论证报告和规划许可");
        await repA.ClickAsync("#rectify");
        await Assertions.Expect(repA.Locator("#finding-status")).ToHaveTextAsync("已整改（待复查）");
        var findingUrl = new Uri(repA.Url).AbsolutePath;
        await ShotAsync(repA, "finding-rectified");
        await office.GotoAsync(findingUrl);
        await office.FillAsync("#close-form input[name=comment]", "复查：材料齐全");
        await office.ClickAsync("#close-finding");
        await Assertions.Expect(office.Locator("#finding-status")).ToHaveTextAsync("已销号");
        await ShotAsync(office, "finding-closed");
        await office.GotoAsync(roundUrl);
        await office.ClickAsync("#draft-bulletin");
        await office.WaitForURLAsync(new Regex(@"/Bulletin$"));
        await Assertions.Expect(office.Locator("#bulletin")).ToContainTextAsync("幼儿园选址论证材料不全");
        await ShotAsync(office, "bulletin-draft");
        await office.ClickAsync("#publish-bulletin");
        await Assertions.Expect(office.Locator("#bulletin-state")).ToContainTextAsync("已印发");
        await ShotAsync(office, "bulletin-issued");
        var docx = await office.APIRequest.GetAsync($"{roundUrl}/Bulletin/Document");
        Assert.Equal(200, docx.Status);

        // The leader's home: the year's 红黄绿 and ranking over all plans.
        var leader = await server.SignInAsync($"leader{n}", "password-123");
        await Assertions.Expect(leader.Locator("#year-ranking")).ToContainTextAsync($"基础教育股{n}");
        await ShotAsync(leader, "leader-home");
        await leader.GotoAsync("/Dashboard/Year");
        await Assertions.Expect(leader.Locator("#year-units")).ToContainTextAsync($"人事股{n}");
        await ShotAsync(leader, "year-dashboard");
        await office.GotoAsync("/");
        await Assertions.Expect(office.Locator("#today-work")).ToBeVisibleAsync();
        await ShotAsync(office, "home");
        await office.GotoAsync($"/Plans/{planId}/Dashboard");
        await Assertions.Expect(office.Locator("#unit-performance")).ToContainTextAsync("按时报送率");
        await ShotAsync(office, "dashboard");
        Assert.True(File.Exists(Path.Combine(AppServer.Screenshots, "loop-notice-closed-390.png")));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
