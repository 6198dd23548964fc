using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Language;

/// <summary>
/// People by 姓名, units by pinyin, the unit directory's rename / delete / confirmed merge, organisations as a tree
/// with 乡镇 and 学区 and their own time zone, and the 操作日志 in Chinese with its filters and pages.
/// </summary>
public abstract class LanguagePeopleTests(LedgerFactory factory)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public void The_collation_orders_Chinese_names_by_pinyin_not_by_code_point()
    {
        Assert.Equal(["白", "陈", "张"], new[] { "张", "白", "陈" }.Order(Pinyin.Comparer).ToArray());
        // Code points would put 张 (U+5F20) first: the ICU zh collation is really in use (InvariantGlobalization off).
        Assert.True(string.CompareOrdinal("张", "白") < 0);
        Assert.Equal(["安全股", "办公室", "财务股", "人事股"], new[] { "人事股", "财务股", "办公室", "安全股" }.Order(Pinyin.Comparer).ToArray());
    }

    [Fact]
    public async Task Unit_lists_are_sorted_by_pinyin()
    {
        var admin = await factory.ClientAsync();
        var t = Tag();
        foreach (var n in new[] { "张", "白", "陈" }) await admin.UnitAsync($"{n}{t}科");
        var names = (await admin.GetJsonAsync("/api/v1/units")).AsArray().Select(u => u!["name"]!.GetValue<string>()).Where(n => n.EndsWith($"{t}科")).ToList();
        Assert.Equal([$"白{t}科", $"陈{t}科", $"张{t}科"], names);
        var page = await (await PageClient.SignInAsync(factory)).GetHtmlAsync("/Admin/Units");
        Assert.True(page.IndexOf($"白{t}科", StringComparison.Ordinal) < page.IndexOf($"陈{t}科", StringComparison.Ordinal)
            && page.IndexOf($"陈{t}科", StringComparison.Ordinal) < page.IndexOf($"张{t}科", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_is_renamed_keeping_its_old_name_as_an_alias_and_a_taken_name_is_refused()
    {
        var admin = await factory.ClientAsync();
        var t = Tag();
        var id = await admin.UnitAsync($"教育股{t}");
        await admin.UnitAsync($"占用股{t}");
        var renamed = await admin.PostJsonAsync($"/api/v1/units/{id}/rename", new { name = $"基础教育股{t}" }, HttpStatusCode.OK);
        Assert.Equal($"基础教育股{t}", renamed["name"]!.GetValue<string>());
        Assert.Contains($"教育股{t}", renamed["aliases"]!.GetValue<string>().Split('|'));
        var taken = await admin.PostAsJsonAsync($"/api/v1/units/{id}/rename", new { name = $"占用股{t}" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("单位已存在", await taken.ProblemTitle());
        var empty = await admin.PostAsJsonAsync($"/api/v1/units/{id}/rename", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Only_an_unused_unit_is_deleted_and_a_used_one_says_what_uses_it()
    {
        var admin = await factory.ClientAsync();
        var t = Tag();
        var unused = await admin.UnitAsync($"空闲股{t}");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/units/{unused}")).StatusCode);
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/v1/units")).AsArray(), u => u!["id"]!.GetValue<int>() == unused);

        var used = await admin.UnitAsync($"在用股{t}");
        await admin.UserAsync($"lianluo{t}", "reporter", used);
        var refused = await admin.DeleteAsync($"/api/v1/units/{used}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var title = await refused.ProblemTitle();
        Assert.Contains("仍在使用", title);
        Assert.Contains("1 个用户", title);
        var english = factory.CreateClient();
        english.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        english.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var en = await (await english.DeleteAsync($"/api/v1/units/{used}")).ProblemTitle();
        Assert.Contains("still in use (1 users)", en);
        Assert.Contains($"在用股{t}", en); // the unit's own name stays as it is
        var usage = await admin.GetJsonAsync($"/api/v1/units/{used}/usage");
        Assert.Equal(1, usage["users"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_merge_on_the_page_first_shows_what_moves_and_merges_only_when_confirmed()
    {
        var admin = await factory.ClientAsync();
        var t = Tag();
        var from = await admin.UnitAsync($"旧名股{t}");
        var into = await admin.UnitAsync($"新名股{t}");
        await admin.UserAsync($"yidong{t}", "reporter", from);
        var page = await PageClient.SignInAsync(factory);
        var ask = await page.PostFormAsync("/Admin/Units", "/Admin/Units?handler=Merge", new() { ["unitId"] = $"{from}", ["intoId"] = $"{into}" });
        var html = await ask.Content.ReadAsStringAsync();
        Assert.Contains("id=\"merge-confirm\"", html);
        Assert.Contains("1 个用户", html);
        Assert.Contains((await admin.GetJsonAsync("/api/v1/units")).AsArray(), u => u!["id"]!.GetValue<int>() == from);
        await page.PostFormAsync("/Admin/Units", "/Admin/Units?handler=Merge", new() { ["unitId"] = $"{from}", ["intoId"] = $"{into}", ["confirmed"] = "true" });
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/v1/units")).AsArray(), u => u!["id"]!.GetValue<int>() == from);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        Assert.Equal(into, (await db.Users.SingleAsync(u => u.UserName == $"yidong{t}")).UnitId);
    }

    [Fact]
    public async Task Organisations_form_a_tree_with_townships_and_school_districts_and_can_be_renamed()
    {
        var admin = await factory.ClientAsync();
        var t = Tag();
        var town = (await admin.PostJsonAsync("/api/v1/organisations", new { name = $"城关镇{t}", level = "township" })).Id();
        var district = (await admin.PostJsonAsync("/api/v1/organisations", new { name = $"第一学区{t}", parentId = town, level = "schoolDistrict" })).Id();
        var renamed = await (await admin.PutAsJsonAsync($"/api/v1/organisations/{town}", new { name = $"城关镇中心{t}" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal($"城关镇中心{t}", renamed["name"]!.GetValue<string>());
        var tree = (await admin.GetJsonAsync("/api/v1/organisations")).AsArray();
        var townRow = tree.Single(o => o!.Id() == town)!;
        var districtRow = tree.Single(o => o!.Id() == district)!;
        Assert.Equal(townRow["depth"]!.GetValue<int>() + 1, districtRow["depth"]!.GetValue<int>());
        Assert.Equal(tree.IndexOf(townRow) + 1, tree.IndexOf(districtRow));
        var html = await (await PageClient.SignInAsync(factory)).GetHtmlAsync("/Admin/Organisations");
        Assert.Contains($"城关镇中心{t}", html);
        Assert.Contains(">乡镇<", html);
        Assert.Contains(">学区<", html);
        var bad = await admin.PutAsJsonAsync($"/api/v1/organisations/{town}", new { timeZone = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("时区无效", await bad.ProblemTitle());
    }

    [Fact]
    public async Task Times_are_shown_in_the_organisations_own_time_zone()
    {
        var admin = await factory.ClientAsync();
        var t = Tag();
        var org = (await admin.PostJsonAsync("/api/v1/organisations", new { name = $"东京教育局{t}", level = "county" })).Id();
        await (await admin.PutAsJsonAsync($"/api/v1/organisations/{org}", new { timeZone = "Asia/Tokyo" })).JsonAsync(HttpStatusCode.OK);
        await admin.PostJsonAsync("/api/v1/users", new { userName = $"tokyo{t}", password = "password-12345", displayName = $"东京管理员{t}", role = "admin", organisationId = org });
        var local = await factory.ClientAsync($"tokyo{t}", "password-12345");
        await local.UnitAsync($"东京股{t}");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        var at = (await db.AuditEntries.Where(a => a.Entity == "Unit" && a.After!.Contains($"东京股{t}")).SingleAsync()).At;
        var page = await PageClient.SignInAsync(factory, $"tokyo{t}", "password-12345");
        var html = await page.GetHtmlAsync("/Audit?Entity=Unit");
        Assert.Contains(at.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm"), html);
        Assert.Contains($"东京管理员{t}", html); // the header and the log show the 姓名
        // Shanghai (the default) stays one hour behind for the default organisation.
        var home = await (await PageClient.SignInAsync(factory)).GetHtmlAsync("/Audit?Entity=Unit");
        Assert.Contains(at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"), home);
    }

    [Fact]
    public async Task The_audit_log_reads_in_Chinese_field_by_field_and_is_filtered_and_paged()
    {
        var admin = await factory.ClientAsync();
        var t = Tag();
        var id = await admin.UnitAsync($"日志股{t}");
        await admin.PostJsonAsync($"/api/v1/units/{id}/rename", new { name = $"日志股>{t}" }, HttpStatusCode.OK);
        var page = await PageClient.SignInAsync(factory);
        var html = await page.GetHtmlAsync("/Audit?Entity=Unit");
        Assert.Contains("操作日志", html);
        Assert.Contains("<th class=\"who\">操作人</th>", html);
        Assert.Contains($"名称: 日志股{t} → 日志股&gt;{t}", html);
        Assert.Contains(">修改<", html);
        Assert.Contains(">单位 #", html);
        Assert.DoesNotContain("\\u003E", html);
        Assert.DoesNotContain(">modified<", html);
        Assert.DoesNotContain("\"Name\"", html);

        // Filters: a date range after today finds nothing; another person's changes are not this one's.
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        Assert.Contains("暂无数据", await page.GetHtmlAsync($"/Audit?Entity=Unit&From={tomorrow}"));
        await admin.UserAsync($"rizhi{t}", "office");
        var office = await factory.ClientAsync($"rizhi{t}");
        await office.UnitAsync($"他人股{t}");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        var officeId = (await db.Users.SingleAsync(u => u.UserName == $"rizhi{t}")).Id;
        var mine = await page.GetHtmlAsync($"/Audit?Entity=Unit&UserId={officeId}");
        Assert.Contains($"他人股{t}", mine);
        Assert.DoesNotContain($"日志股{t}", mine);

        // Pages of 50, the filters kept in the links.
        for (var i = 0; i < 52; i++) await admin.UnitAsync($"分页股{t}-{i}");
        var first = await page.GetHtmlAsync("/Audit?Entity=Unit");
        Assert.Contains("id=\"audit-next\"", first);
        Assert.Contains("?Entity=Unit&amp;p=2", first);
        var second = await page.GetHtmlAsync("/Audit?Entity=Unit&p=2");
        Assert.Contains("第 2 /", second);
        Assert.Contains("上一页", second);
    }

    [Fact]
    public async Task Reports_and_reviews_show_display_names_not_usernames()
    {
        var admin = await factory.ClientAsync();
        var t = Tag();
        var unitName = $"姓名股{t}";
        var unitId = await admin.UnitAsync(unitName);
        await admin.PostJsonAsync("/api/v1/users", new { userName = $"ls{t}", password = TestApi.Password, displayName = "李四", role = "reporter", unitId });
        var year = DateTime.UtcNow.Year;
        var plan = await admin.PostFileAsync("p.txt", SyntheticPlan.Text($"""
            {year}年工作要点 {Guid.NewGuid():N}
            一、重点任务
            1.新建幼儿园3处。牵头单位：{unitName}。完成时限：年内。
            """));
        await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        var task = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray().Last()!;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
            var taskId = task.Id();
            if (!db.TaskUnits.Any(u => u.TaskId == taskId && u.UnitId == unitId))
            {
                db.TaskUnits.Add(new PlanLedger.Web.Data.Entities.TaskUnit { TaskId = taskId, UnitId = unitId, Name = unitName });
                db.SaveChanges();
            }
        }
        var reporter = await factory.ClientAsync($"ls{t}");
        var period = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var report = await reporter.PostJsonAsync($"/api/v1/tasks/{task.Id()}/reports", new { period, progress = 30, text = "已选址" });
        Assert.Equal("李四", report["submittedBy"]!.GetValue<string>());
        await admin.PostJsonAsync($"/api/v1/reports/{report.Id()}/approve", new { }, HttpStatusCode.OK);
        var history = (await admin.GetJsonAsync($"/api/v1/tasks/{task.Id()}/reports")).AsArray();
        var row = history.Single(r => r!.Id() == report.Id())!;
        Assert.Equal("李四", row["submittedBy"]!.GetValue<string>());
        Assert.Equal("管理员", row["reviewedBy"]!.GetValue<string>());
        var html = await (await PageClient.SignInAsync(factory)).GetHtmlAsync($"/Tasks/{task.Id()}");
        Assert.Contains("李四", html);
        Assert.DoesNotContain($"ls{t}", html);
    }
}

public sealed class LanguagePeopleSqliteTests(SqliteLedgerFactory f) : LanguagePeopleTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class LanguagePeoplePostgresTests(PostgresLedgerFactory f) : LanguagePeopleTests(f), IClassFixture<PostgresLedgerFactory>;
