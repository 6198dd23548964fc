using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PlanLedger.BrowserTests;

/// <summary>
/// 考核 and 政务公开 in a real browser: the office saves the default scheme, scores a unit by hand, confirms and publishes;
/// the unit sees its own breakdown, the leader the ranking; the plan's public page opens without signing in.
/// </summary>
[Collection("browser")]
public sealed class AssessmentJourneyTests(AppServer server)
{
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
    public async Task The_office_scores_confirms_and_publishes_units_and_leaders_see_the_results_and_the_public_page_opens()
    {
        const int year = 2042;
        var admin = await server.SignInAsync("admin", AppServer.AdminPassword);
        await admin.GotoAsync("/Admin/Units");
        foreach (var name in new[] { "考核甲股", "考核乙股" })
        {
            await admin.FillAsync("#unit-name", name);
            await admin.ClickAsync("#create-unit-button");
            await Assertions.Expect(admin.Locator("#units")).ToContainTextAsync(name);
        }
        await CreateUserAsync(admin, "kaohe-yi", "Reporter", "考核乙股");
        await CreateUserAsync(admin, "kaohe-leader", "Leader", null);

        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, $"""
            测试县教育局{year}年工作要点
            一、重点工作
            1.推进考核甲项工作。牵头单位：考核甲股。完成时限：{year}年6月底前。
            2.推进考核乙项工作。牵头单位：考核乙股。完成时限：{year}年9月底前。
            编号 {Guid.NewGuid():N}
            """);
        await admin.GotoAsync("/Plans/Import");
        await admin.SetInputFilesAsync("#file", file);
        await admin.ClickAsync("#import");
        await admin.WaitForURLAsync(new Regex("/Plans/\\d+/Review$"));
        await JourneyTests.PublishAsync(admin);
        await admin.WaitForURLAsync(new Regex("/Plans/\\d+/Ledger$"));
        var ledgerUrl = new Uri(admin.Url).AbsolutePath;

        // the office saves the default scheme as this year's scheme
        await admin.GotoAsync($"/Assessment/Scheme?Year={year}");
        await Assertions.Expect(admin.Locator("#default-note")).ToBeVisibleAsync();
        await admin.ClickAsync("#save-scheme");
        await Assertions.Expect(admin.Locator(".flash")).ToContainTextAsync("考核方案已保存");
        // both units: 40 + 20 + 15 + 10 + 0 (领导评价 not yet scored) = 85, sharing rank 1
        await Assertions.Expect(admin.Locator("#ranking tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(admin.Locator("#ranking tbody tr .total").First).ToHaveTextAsync("85");

        // a manual score for 乙: 85 + 12 = 97 → first
        await admin.SelectOptionAsync("#score-form select[name=UnitId]", new SelectOptionValue { Label = "考核乙股" });
        await admin.SelectOptionAsync("#score-form select[name=Code]", "leaders");
        await admin.FillAsync("#score-form input[name=Points]", "12");
        await admin.FillAsync("#score-form input[name=Note]", "分管领导评议");
        await admin.ClickAsync("#score-form button[type=submit]");
        await Assertions.Expect(admin.Locator(".flash")).ToContainTextAsync("已保存评分");
        var first = admin.Locator("#ranking tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("考核乙股");
        await Assertions.Expect(first.Locator(".total")).ToHaveTextAsync("97");
        await admin.ClickAsync("#confirm");
        await Assertions.Expect(admin.Locator("#assessment-state")).ToContainTextAsync("已确认");
        await admin.ClickAsync("#publish"); // the assessment's 公布
        await Assertions.Expect(admin.Locator("#assessment-state")).ToContainTextAsync("已公布");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, "assessment.png"), FullPage = true });
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await admin.SetViewportSizeAsync(width, height);
            await admin.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, $"assessment-{width}.png"), FullPage = true });
        }

        var unit = await server.SignInAsync("kaohe-yi", "password-123");
        await unit.GotoAsync($"/Assessment?Year={year}");
        await Assertions.Expect(unit.Locator("#ranking tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(unit.Locator("#ranking")).ToContainTextAsync("分管领导评议");
        await Assertions.Expect(unit.Locator("#ranking")).Not.ToContainTextAsync("考核甲股");

        var leader = await server.SignInAsync("kaohe-leader", "password-123");
        await leader.GotoAsync($"/Assessment?Year={year}");
        await Assertions.Expect(leader.Locator("#ranking tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(leader.Locator("#score-form")).ToHaveCountAsync(0);

        // 政务公开: the office makes the plan public; a visitor without an account reads it
        await admin.GotoAsync(ledgerUrl);
        await admin.ClickAsync("#public-view");
        await admin.ClickAsync("#make-public");
        var link = await admin.Locator("#public-link a").GetAttributeAsync("href");
        Assert.StartsWith("/public/", link);
        var visitor = await (await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl })).NewPageAsync();
        await visitor.GotoAsync(link!);
        await Assertions.Expect(visitor.Locator("h1")).ToContainTextAsync($"{year}年工作要点");
        await Assertions.Expect(visitor.Locator("#tasks")).ToContainTextAsync("考核乙股");
        await visitor.Keyboard.PressAsync("Tab");
        await Assertions.Expect(visitor.Locator(".skip")).ToBeFocusedAsync();
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, "public.png"), FullPage = true });
    }
}
