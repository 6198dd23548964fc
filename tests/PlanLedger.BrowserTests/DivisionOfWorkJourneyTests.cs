using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PlanLedger.BrowserTests;

/// <summary>
/// A 任务分工方案 from import to a unit's report on a phone: the office imports seed 003, whose 24 牵头/配合 names are no
/// units yet, makes them all units in one step from the checklist, publishes; the lead unit's 联络员 finds the tasks
/// on 我的任务 at 390 px and reports on one.
/// </summary>
[Collection("browser")]
public sealed class DivisionOfWorkJourneyTests(AppServer server)
{
    [ChromiumFact]
    public async Task The_office_makes_every_unmapped_name_a_unit_in_one_step_and_the_lead_unit_reports_from_a_phone()
    {
        var admin = await server.SignInAsync("admin", AppServer.AdminPassword);
        await admin.GotoAsync("/Plans/Import");
        await admin.SetInputFilesAsync("#file", Seeds.Seed003);
        await admin.ClickAsync("#import");
        await admin.WaitForURLAsync(new Regex("/Plans/\\d+/Review$"));
        var planUrl = new Uri(admin.Url).AbsolutePath.Replace("/Review", "");

        var unmapped = admin.Locator("#check-unmapped");
        await Assertions.Expect(unmapped).ToContainTextAsync("个单位名称未对应");
        await Assertions.Expect(unmapped).ToContainTextAsync("全部新建为单位");
        await unmapped.Locator("select[name=kind]").SelectOptionAsync("External");
        await admin.ClickAsync("#create-units");
        await admin.ClickAsync("#confirm-ok");
        await Assertions.Expect(admin.Locator("#check-unmapped")).ToContainTextAsync("单位名称都已对应到单位");
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("已新建");
        await JourneyTests.PublishAsync(admin);
        await admin.WaitForURLAsync(new Regex("/Plans/\\d+/Ledger$"));

        // The 联络员 of 市教育局 (made a unit a moment ago, as an outside body) signs in on a phone.
        await admin.GotoAsync("/Admin/Users");
        await admin.FillAsync("#new-username", "shijiaoyuju");
        await admin.FillAsync("#new-password", "password-123");
        await admin.SelectOptionAsync("#new-role", "Reporter");
        await admin.SelectOptionAsync("#new-unit", new SelectOptionValue { Label = "市教育局" });
        await admin.ClickAsync("#create-user-button");
        await Assertions.Expect(admin.Locator("#users")).ToContainTextAsync("shijiaoyuju");

        var phone = await server.SignInAsync("shijiaoyuju", "password-123");
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/Tasks/Mine");
        var mine = phone.Locator("#my-tasks a", new() { HasTextString = "推动学校贯彻落实《中小学德育工作指南》" });
        await Assertions.Expect(mine).ToHaveCountAsync(1); // (一)'s measure, once: the body item and its 附件 row are one task
        await phone.ScreenshotAsync(new() { Path = Path.Combine(AppServer.Screenshots, "division-of-work-mine-390.png"), FullPage = false });
        await mine.ClickAsync();
        await phone.FillAsync("input[name=progress]", "30");
        await phone.FillAsync("textarea[name=text]", "已印发德育工作实施细则");
        await phone.ClickAsync("#submit-report");
        await Assertions.Expect(phone.Locator("#task-progress")).ToHaveTextAsync("30%");
        await Assertions.Expect(phone.Locator("#reports")).ToContainTextAsync("已印发德育工作实施细则");

        // The office's dashboard counts the unit's tasks under 按单位.
        await admin.GotoAsync(planUrl + "/Dashboard");
        await Assertions.Expect(admin.Locator("#by-unit tr", new() { HasTextString = "市教育局" }).First).ToBeVisibleAsync();
    }
}
