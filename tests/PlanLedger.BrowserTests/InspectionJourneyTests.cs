using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PlanLedger.BrowserTests;

/// <summary>
/// 随机督导 in a real browser: the office defines a round and draws it, an inspector records a finding, the unit
/// rectifies with evidence, the office re-checks and closes it, the bulletin is drafted and issued. Screenshots of each
/// page at 1440 and 390 px.
/// </summary>
[Collection("browser")]
public sealed class InspectionJourneyTests(AppServer server)
{
    private static async Task ShotAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1440, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, $"inspection-{name}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1400, 1000);
    }

    private static async Task CreateUserAsync(IPage admin, string name, string display, string role, string? unit)
    {
        await admin.GotoAsync("/Admin/Users");
        await admin.FillAsync("#new-username", name);
        await admin.FillAsync("#new-password", "password-123");
        await admin.FillAsync("input[name=displayName]", display);
        await admin.SelectOptionAsync("#new-role", role);
        if (unit is not null) await admin.SelectOptionAsync("#new-unit", new SelectOptionValue { Label = unit });
        await admin.ClickAsync("#create-user-button");
        await Assertions.Expect(admin.Locator("#users")).ToContainTextAsync(name);
    }

    [ChromiumFact]
    public async Task A_round_is_drawn_a_finding_rectified_rechecked_and_closed_and_the_bulletin_issued()
    {
        var n = Guid.NewGuid().ToString("N")[..4];
        var (school1, school2) = ($"城关一中{n}", $"实验小学{n}");
        var admin = await server.SignInAsync("admin", AppServer.AdminPassword);
        await admin.GotoAsync("/Admin/Units");
        foreach (var unit in new[] { school1, school2 })
        {
            await admin.FillAsync("#unit-name", unit);
            await admin.ClickAsync("#create-unit-button");
            await Assertions.Expect(admin.Locator("#units")).ToContainTextAsync(unit);
        }
        await CreateUserAsync(admin, $"duban{n}", "王督查", "Office", null);
        await CreateUserAsync(admin, $"duxue{n}", "李督学", "Viewer", null);
        await CreateUserAsync(admin, $"yizhong{n}", "赵联络员", "Reporter", school1);

        // Office: a round over the two schools, both visited, one inspector each; drawn with a chosen seed.
        var office = await server.SignInAsync($"duban{n}", "password-123");
        await office.GotoAsync("/Inspections");
        await office.FillAsync("input[name=title]", $"春季学校安全随机督导{n}");
        await office.FillAsync("input[name=visits]", "2");
        await office.FillAsync("input[name=inspectorsPerVisit]", "1");
        foreach (var box in await office.Locator("input[name=unitIds]").AllAsync()) await box.UncheckAsync();
        foreach (var unit in new[] { school1, school2 }) await office.Locator("label.check", new() { HasText = unit }).Locator("input").CheckAsync();
        await office.Locator("label.check", new() { HasText = "李督学" }).Locator("input").CheckAsync();
        await ShotAsync(office, "new-round");
        await office.ClickAsync("#create-round");
        await office.WaitForURLAsync(new Regex(@"/Inspections/\d+$"));
        var roundUrl = new Uri(office.Url).AbsolutePath;
        await office.FillAsync("input[name=seed]", "2026");
        await office.ClickAsync("#draw");
        await Assertions.Expect(office.Locator("#seed")).ToHaveTextAsync("0000000000002026");
        await Assertions.Expect(office.Locator("#visits .visit-unit")).ToHaveCountAsync(2);
        await office.ClickAsync("#verify");
        await Assertions.Expect(office.Locator("#verification")).ToContainTextAsync("复核一致");
        await ShotAsync(office, "drawn");

        // The inspector records a finding at school 1.
        var inspector = await server.SignInAsync($"duxue{n}", "password-123");
        await inspector.GotoAsync(roundUrl);
        await inspector.SelectOptionAsync("#finding-form select[name=unitId]", new SelectOptionValue { Label = school1 });
        await inspector.SelectOptionAsync("#finding-form select[name=severity]", "severe");
        await inspector.FillAsync("#finding-form textarea[name=description]", "消防通道堆放杂物，应急照明损坏");
        await inspector.FillAsync("#finding-form textarea[name=requirement]", "立即清理通道，更换应急照明");
        await inspector.ClickAsync("#record-finding");
        await Assertions.Expect(inspector.Locator("#finding-table")).ToContainTextAsync("消防通道堆放杂物");
        await ShotAsync(inspector, "finding-recorded");

        // The unit sees the notice, rectifies with evidence.
        var unit1 = await server.SignInAsync($"yizhong{n}", "password-123");
        await unit1.GotoAsync("/");
        await unit1.ClickAsync("#notifications a:has-text('督导发现问题')");
        await Assertions.Expect(unit1.Locator("#finding-status")).ToHaveTextAsync("待整改");
        await unit1.FillAsync("#rectify-form textarea[name=text]", "已清理消防通道，更换应急照明 6 盏");
        var photo = Path.Combine(Path.GetTempPath(), $"rectify-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(photo, "整改照片说明");
        await unit1.SetInputFilesAsync("#rectify-form input[name=evidence]", photo);
        await unit1.ClickAsync("#rectify");
        await Assertions.Expect(unit1.Locator("#finding-status")).ToHaveTextAsync("已整改（待复查）");
        await Assertions.Expect(unit1.Locator("#finding-events a[href^='/Inspections/Files/']")).ToHaveCountAsync(1);
        var findingUrl = new Uri(unit1.Url).AbsolutePath;
        await ShotAsync(unit1, "rectified");

        // The office re-checks and closes it.
        await office.GotoAsync(findingUrl);
        await office.FillAsync("#close-form input[name=comment]", "现场复查：通道畅通，照明正常");
        await office.ClickAsync("#close-finding");
        await Assertions.Expect(office.Locator("#finding-status")).ToHaveTextAsync("已销号");
        await ShotAsync(office, "closed");

        // The bulletin: drafted from the round, issued, printable.
        await office.GotoAsync(roundUrl);
        await office.ClickAsync("#draft-bulletin");
        await office.WaitForURLAsync(new Regex(@"/Bulletin$"));
        await Assertions.Expect(office.Locator("#bulletin")).ToContainTextAsync("消防通道堆放杂物");
        await Assertions.Expect(office.Locator("#bulletin")).ToContainTextAsync(school2);
        await office.FillAsync("#bulletin-form textarea[name=GoodPractice]", $"{school2}安全管理台账规范，值得推广。");
        await office.ClickAsync("#save-bulletin");
        await Assertions.Expect(office.Locator("#bulletin")).ToContainTextAsync("值得推广");
        await ShotAsync(office, "bulletin-draft");
        await office.ClickAsync("#publish-bulletin");
        await Assertions.Expect(office.Locator("#bulletin-state")).ToContainTextAsync("已印发");
        await Assertions.Expect(office.Locator("#bulletin-form")).ToHaveCountAsync(0);
        await ShotAsync(office, "bulletin-issued");
        await office.ClickAsync("#print-link");
        await office.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(office.Locator("#bulletin-title")).ToContainTextAsync("情况的通报");
        await office.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, "inspection-bulletin-print.png"), FullPage = true });
        await office.EmulateMediaAsync(new() { Media = Media.Screen });

        // The unit is told and reads the issued bulletin.
        await unit1.GotoAsync("/");
        await unit1.ClickAsync("#notifications a:has-text('督导通报已印发')");
        await Assertions.Expect(unit1.Locator("#bulletin")).ToContainTextAsync("值得推广");
        await ShotAsync(unit1, "bulletin-unit");
        Assert.True(File.Exists(Path.Combine(AppServer.Screenshots, "inspection-bulletin-issued-390.png")));
    }
}
