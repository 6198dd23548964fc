using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PlanLedger.BrowserTests;

/// <summary>The whole journey in a real browser: admin sets up and publishes seed 000, a reporter reports, a leader sees it.</summary>
[Collection("browser")]
public sealed class JourneyTests(AppServer server)
{
    /// <summary>The review tree's row of item 三/6 (its label reads 6. as offices write it; the path is kept as data).</summary>
    private static ILocator Section6(IPage page) => page.Locator(".task", new() { Has = page.Locator("b.path[data-path='三/6']") });

    /// <summary>发布 after the checklist: its findings are confirmed when it lists any.</summary>
    internal static async Task PublishAsync(IPage page)
    {
        if (await page.Locator("#publish-confirm").CountAsync() > 0) await page.CheckAsync("#publish-confirm");
        await page.ClickAsync("#publish");
        await page.ClickAsync("#confirm-ok"); // the confirmation dialog
    }

    private static async Task CreateUserAsync(IPage admin, string name, string role, string? unit)
    {
        await admin.GotoAsync("/Admin/Users");
        await admin.FillAsync("#new-username", name);
        await admin.FillAsync("#new-password", "password-123");
        await admin.SelectOptionAsync("#new-role", role);
        if (unit is not null) await admin.SelectOptionAsync("#new-unit", new SelectOptionValue { Label = unit });
        await admin.ClickAsync("#create-user-button");
        await Assertions.Expect(admin.Locator("#users")).ToContainTextAsync(name);
    }

    [ChromiumFact]
    public async Task Admin_publishes_seed_000_a_reporter_reports_and_the_leader_sees_the_progress()
    {
        // Admin: units and users.
        var admin = await server.SignInAsync("admin", AppServer.AdminPassword);
        await admin.GotoAsync("/Admin/Units");
        foreach (var (unit, aliases) in new[] { ("基础教育股", "基教股"), ("计划财务股", "财务股") })
        {
            await admin.FillAsync("#unit-name", unit);
            await admin.FillAsync("#unit-aliases", aliases);
            await admin.ClickAsync("#create-unit-button");
            await Assertions.Expect(admin.Locator("#units")).ToContainTextAsync(unit);
        }
        await CreateUserAsync(admin, "jijiao", "Reporter", "基础教育股");
        await CreateUserAsync(admin, "leader", "Leader", null);

        // Import seed 000.
        await admin.GotoAsync("/Plans/Import");
        await admin.SetInputFilesAsync("#file", Seeds.Seed000);
        await admin.ClickAsync("#import");
        await admin.WaitForURLAsync(new Regex("/Plans/\\d+/Review$"));
        await Assertions.Expect(admin.Locator("#source")).ToContainTextAsync("普惠发展学前教育");
        await Assertions.Expect(admin.Locator("#source mark.target").First).ToBeVisibleAsync();

        // Fix one item: the heading of 三/6, then give it a lead unit.
        var task = Section6(admin);
        await task.Locator("details.edit summary").First.ClickAsync();
        await task.Locator("form.task-form input[name=heading]").FillAsync("普惠发展学前教育（校对）");
        await task.Locator("button.save-task").ClickAsync();
        await admin.WaitForLoadStateAsync();
        task = Section6(admin);
        await Assertions.Expect(task.Locator(".heading")).ToHaveTextAsync("普惠发展学前教育（校对）");
        await task.Locator("details.edit summary").Nth(2).ClickAsync();
        var addUnit = task.Locator("form[action*='handler=AddUnit']");
        await addUnit.Locator("select[name=unitId]").SelectOptionAsync(new SelectOptionValue { Label = "基础教育股" });
        await addUnit.Locator("button").ClickAsync();
        await admin.WaitForLoadStateAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, "review.png"), FullPage = false });
        await PublishAsync(admin);
        await admin.WaitForURLAsync(new Regex("/Plans/\\d+/Ledger$"));
        var planUrl = admin.Url.Replace("/Ledger", "");

        // Reporter: 我的任务 → the task → a report with an evidence file.
        var reporter = await server.SignInAsync("jijiao", "password-123");
        await reporter.GotoAsync("/Tasks/Mine");
        await reporter.ClickAsync("#my-tasks a:has-text('普惠发展学前教育（校对）')");
        await reporter.FillAsync("input[name=progress]", "60");
        await reporter.FillAsync("textarea[name=text]", "已新建普惠性幼儿园15处");
        await reporter.Locator("input[name=actualValues]").First.FillAsync("15");
        var evidence = Path.Combine(Path.GetTempPath(), $"evidence-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(evidence, "幼儿园验收清单");
        await reporter.SetInputFilesAsync("input[name=evidence]", evidence);
        await reporter.ClickAsync("#submit-report");
        await Assertions.Expect(reporter.Locator("#task-progress")).ToHaveTextAsync("60%");
        await Assertions.Expect(reporter.Locator("#reports")).ToContainTextAsync("已新建普惠性幼儿园15处");
        await Assertions.Expect(reporter.Locator("#reports a[href^='/files/']")).ToHaveCountAsync(1);
        await Assertions.Expect(reporter.Locator("#targets")).ToContainTextAsync("15");

        // Leader: the dashboard shows the unit's progress and the task's status.
        var leader = await server.SignInAsync("leader", "password-123");
        await leader.GotoAsync(planUrl.Replace(server.BaseUrl, "") + "/Dashboard");
        var row = leader.Locator("#by-unit tr", new() { HasTextString = "基础教育股" });
        await Assertions.Expect(row.Locator(".unit-progress")).ToHaveTextAsync("60%");
        await Assertions.Expect(leader.Locator("#chart-units canvas")).ToHaveCountAsync(1);
        // 三/6 has no deadline (no due date) and a fresh report: it is the plan's one task on track (green).
        await Assertions.Expect(leader.Locator(".count-on_track")).ToHaveTextAsync("1");
        await leader.ClickAsync("#status-counts a[href$='Status=on_track']");
        await Assertions.Expect(leader.Locator("#ledger")).ToContainTextAsync("普惠发展学前教育（校对）");
        await Assertions.Expect(leader.Locator("#ledger")).ToContainTextAsync("60%");
        // The ledger's filters update the table in place (htmx) and keep the URL shareable.
        await leader.GotoAsync(planUrl.Replace(server.BaseUrl, "") + "/Ledger");
        var all = await leader.Locator("#total").InnerTextAsync();
        await leader.FillAsync("#q", "校对");
        await Assertions.Expect(leader).ToHaveURLAsync(new Regex("Q=(%E6%A0%A1%E5%AF%B9|校对)"));
        await Assertions.Expect(leader.Locator("#total")).ToHaveTextAsync("1");
        await Assertions.Expect(leader.Locator("#ledger")).ToContainTextAsync("普惠发展学前教育（校对）");
        Assert.NotEqual("1", all);
        await leader.GotoAsync(planUrl.Replace(server.BaseUrl, "") + "/Dashboard");
        await leader.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, "dashboard.png"), FullPage = true });
        Assert.True(File.Exists(Path.Combine(AppServer.Screenshots, "review.png")));
    }

    [ChromiumFact]
    public async Task Document_text_with_script_tags_is_shown_as_text_and_never_executed()
    {
        var admin = await server.SignInAsync("admin", AppServer.AdminPassword);
        var html = $"""
            <html><head><title>x</title><script>window.__pwned = 1;</script></head><body>
            <p>测试县教育局2026年工作要点 {Guid.NewGuid():N}</p>
            <p>一、安全工作</p>
            <p>1.开展&lt;script&gt;window.__pwned=2&lt;/script&gt;专项检查10次。完成时限：年内。</p>
            <p>2.完善<img src=x onerror="window.__pwned=3">应急预案。</p>
            </body></html>
            """;
        var file = Path.Combine(Path.GetTempPath(), $"evil-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        await admin.GotoAsync("/Plans/Import");
        await admin.SetInputFilesAsync("#file", file);
        await admin.ClickAsync("#import");
        await admin.WaitForURLAsync(new Regex("/Plans/\\d+/Review$"));
        // Put a script into a heading by hand as well.
        var first = admin.Locator(".task").Last;
        await first.Locator("details.edit summary").First.ClickAsync();
        await first.Locator("form.task-form input[name=heading]").FillAsync("<script>window.__pwned=4</script>标题");
        await first.Locator("button.save-task").ClickAsync();
        await admin.WaitForLoadStateAsync();
        await Assertions.Expect(admin.Locator("#tree")).ToContainTextAsync("<script>window.__pwned=4</script>标题");
        Assert.Null(await admin.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        await admin.GotoAsync(admin.Url.Replace("/Review", "/Ledger?View=tree"));
        await Assertions.Expect(admin.Locator("#ledger-tree")).ToContainTextAsync("<script>window.__pwned=4</script>");
        Assert.Null(await admin.EvaluateAsync<int?>("() => window.__pwned ?? null"));
    }
}
