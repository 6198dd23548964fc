using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Pages;

/// <summary>The server-rendered pages as a person uses them (cookie sign-in, antiforgery, forms).</summary>
public abstract class PagesTests(LedgerFactory factory)
{
    [Fact]
    public async Task Signing_in_with_a_wrong_password_shows_an_error_and_pages_need_sign_in()
    {
        var anon = new PageClient(factory.CreateClient(new() { AllowAutoRedirect = false }));
        var res = await anon.Http.GetAsync("/Plans");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/Account/Login", res.Headers.Location!.PathAndQuery);

        var browser = new PageClient(factory.CreateClient());
        var wrong = await browser.PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = "admin", ["Password"] = "nope-nope" });
        Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_rejected()
    {
        var admin = await PageClient.SignInAsync(factory);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "无令牌单位", ["kind"] = "School" });
        var res = await admin.Http.PostAsync("/Admin/Units?handler=Create", form);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.DoesNotContain("无令牌单位", await admin.GetHtmlAsync("/Admin/Units"));
    }

    [Fact]
    public async Task A_heading_containing_a_script_tag_is_encoded_on_every_page()
    {
        var admin = await PageClient.SignInAsync(factory);
        var res = await admin.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "s.txt", SyntheticPlan.Unique())]);
        var reviewUrl = res.RequestMessage!.RequestUri!.AbsolutePath;
        var planId = int.Parse(reviewUrl.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var task = (await (await factory.ClientAsync()).GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Last()!;
        await admin.PostFormAsync(reviewUrl, $"{reviewUrl}?handler=Update", new()
        {
            ["taskId"] = task.Id().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["heading"] = "<script>alert('x')</script>标题", ["text"] = "<img src=x onerror=alert(1)>内容",
        });
        foreach (var url in new[] { reviewUrl, $"/Plans/{planId}/Ledger", $"/Plans/{planId}/Ledger?View=tree", $"/Tasks/{task.Id()}" })
        {
            var head = await admin.Http.GetAsync(url);
            Assert.Contains("script-src 'self'", head.Headers.GetValues("Content-Security-Policy").Single());
            var html = await admin.GetHtmlAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;", html);
        }
    }

    [Fact]
    public async Task Document_text_with_html_and_script_is_shown_as_text_on_every_page()
    {
        var admin = await PageClient.SignInAsync(factory);
        var evil = SyntheticPlan.Text($"""
            {DateTime.UtcNow.Year}年工作要点 {Guid.NewGuid():N}
            一、<script>alert('x')</script>安全工作
            1.开展<img src=x onerror=alert(1)>检查10次。牵头单位：<b>安全股</b>。完成时限：年内。
            """);
        var res = await admin.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "evil.txt", evil)]);
        var review = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("/Review", res.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("<script>alert", review);
        Assert.DoesNotContain("<img src=x", review);
        var planId = res.RequestMessage.RequestUri.Segments[2].TrimEnd('/');
        foreach (var url in new[] { $"/Plans/{planId}/Ledger", $"/Plans/{planId}/Ledger?View=tree", $"/Plans/{planId}/Dashboard" })
        {
            var html = await admin.GetHtmlAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }
    }

    [Fact]
    public async Task Importing_the_same_file_on_the_page_offers_the_existing_plan()
    {
        var admin = await PageClient.SignInAsync(factory);
        var bytes = SyntheticPlan.Unique();
        var first = await admin.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "a.txt", bytes)]);
        var planPath = first.RequestMessage!.RequestUri!.AbsolutePath;
        var again = await admin.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "b.txt", bytes)]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"href=\"{planPath}\"", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Review_edits_and_publish_change_the_ledger()
    {
        var admin = await PageClient.SignInAsync(factory);
        var res = await admin.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "r.txt", SyntheticPlan.Unique())]);
        var reviewUrl = res.RequestMessage!.RequestUri!.AbsolutePath;
        var planId = int.Parse(reviewUrl.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var http = await factory.ClientAsync();
        var task = (await http.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Last()!;

        var edit = await admin.PostFormAsync(reviewUrl, $"{reviewUrl}?handler=Update", new()
        {
            ["taskId"] = task.Id().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["heading"] = "校对后的标题", ["text"] = "校对后的内容", ["deadline"] = "6月底前",
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        await admin.PostFormAsync(reviewUrl, $"{reviewUrl}?handler=AddTarget", new()
        {
            ["taskId"] = task.Id().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["targetText"] = "覆盖率100%", ["targetValue"] = "100", ["targetUnit"] = "%", ["op"] = ">=",
        });
        var published = await admin.PostFormAsync(reviewUrl, $"{reviewUrl}?handler=Publish", new());
        Assert.EndsWith("/Ledger", published.RequestMessage!.RequestUri!.AbsolutePath);

        var updated = (await http.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Single(t => t!.Id() == task.Id())!;
        Assert.Equal("校对后的标题", updated["heading"]!.GetValue<string>());
        Assert.Equal($"{DateTime.UtcNow.Year}-06-30", updated["dueDate"]!.GetValue<string>());
        Assert.Contains(updated["targets"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "覆盖率100%");
        var list = (await http.GetJsonAsync("/api/v1/plans")).AsArray().Single(p => p!.Id() == planId)!;
        Assert.Equal("published", list["status"]!.GetValue<string>());
        Assert.Contains("校对后的标题", await admin.GetHtmlAsync($"/Plans/{planId}/Ledger?Q=校对后"));
        Assert.DoesNotContain("校对后的标题", await admin.GetHtmlAsync($"/Plans/{planId}/Ledger?Q=不存在的词"));
    }

    [Fact]
    public async Task Items_can_be_moved_and_merged_on_the_review_page()
    {
        var admin = await PageClient.SignInAsync(factory);
        var res = await admin.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "m.txt", SyntheticPlan.Unique())]);
        var reviewUrl = res.RequestMessage!.RequestUri!.AbsolutePath;
        var planId = int.Parse(reviewUrl.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var http = await factory.ClientAsync();
        var tasks = (await http.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Select(t => t!).ToList();
        var moving = tasks.Single(t => t["path"]!.GetValue<string>() == "二/1");
        var fmt = System.Globalization.CultureInfo.InvariantCulture;

        await admin.PostFormAsync(reviewUrl, $"{reviewUrl}?handler=Move", new() { ["taskId"] = moving.Id().ToString(fmt), ["parentPath"] = "一" });
        tasks = (await http.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Select(t => t!).ToList();
        Assert.Equal("一/1", tasks.Single(t => t.Id() == moving.Id())["path"]!.GetValue<string>());

        var merged = await admin.PostFormAsync(reviewUrl, $"{reviewUrl}?handler=Merge", new() { ["taskId"] = moving.Id().ToString(fmt), ["intoPath"] = "二" });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        tasks = (await http.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Select(t => t!).ToList();
        Assert.DoesNotContain(tasks, t => t.Id() == moving.Id());
        Assert.Contains("培训教师500人次", tasks.Single(t => t["path"]!.GetValue<string>() == "二")["text"]!.GetValue<string>());
        Assert.Contains(tasks.Single(t => t["path"]!.GetValue<string>() == "二")["lead"]!.AsArray(), x => x!.GetValue<string>() == "人事股");

        var day = await admin.PostFormAsync(reviewUrl, $"{reviewUrl}?handler=ReportDay", new() { ["reportDay"] = "31" });
        Assert.Contains("报送日应为 1–28", await day.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_ledger_exports_to_xlsx_and_csv_in_the_task_breakdown_shape()
    {
        var http = await factory.ClientAsync();
        var plan = await http.PostFileAsync("x.txt", SyntheticPlan.Unique());
        var xlsx = await http.GetAsync($"/api/v1/plans/{plan.Id()}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var ms = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(ms, false);
        var sheet = doc.WorkbookPart!.Workbook.Descendants<Sheet>().Single();
        Assert.Equal("台账", sheet.Name!.Value);
        var ws = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
        var rows = ws.Descendants<Row>().ToList();
        Assert.EndsWith("任务分解及推进情况台账", rows[0].Elements<Cell>().First().InnerText);
        Assert.Equal(new[] { "序号", "工作任务", "具体内容", "牵头单位", "配合单位", "完成时限", "目标", "实际", "进展情况", "状态", "备注" },
            rows[1].Elements<Cell>().Select(c => c.InnerText));
        Assert.True(ws.Descendants<Column>().ElementAt(2).Width!.Value >= 20);
        Assert.Equal(plan["taskCount"]!.GetValue<int>(), rows.Count - 2);

        var csv = await (await http.GetAsync($"/api/v1/plans/{plan.Id()}/export?format=csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.StartsWith("序号,工作任务,具体内容", System.Text.Encoding.UTF8.GetString(csv[3..]));
    }

    [Fact]
    public async Task The_audit_trail_records_who_changed_what()
    {
        var http = await factory.ClientAsync();
        var name = "审计单位" + Guid.NewGuid().ToString("N")[..6];
        await http.UnitAsync(name);
        var admin = await PageClient.SignInAsync(factory);
        var html = await admin.GetHtmlAsync("/Audit?Entity=Unit");
        Assert.Contains(name, html);
        Assert.Contains("<td>管理员</td>", html); // who, by display name
        Assert.Contains("added", html);
    }

    [Fact]
    public async Task English_can_be_switched_on_and_off()
    {
        var admin = await PageClient.SignInAsync(factory);
        Assert.Contains("计划列表", await admin.GetHtmlAsync("/"));
        await admin.Http.GetAsync("/culture?c=en&returnUrl=/");
        Assert.Contains("Plans", await admin.GetHtmlAsync("/"));
        await admin.Http.GetAsync("/culture?c=zh-CN&returnUrl=/");
        Assert.Contains("计划列表", await admin.GetHtmlAsync("/"));
    }
}

public sealed class PagesSqliteTests(SqliteLedgerFactory f) : PagesTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class PagesPostgresTests(PostgresLedgerFactory f) : PagesTests(f), IClassFixture<PostgresLedgerFactory>;
