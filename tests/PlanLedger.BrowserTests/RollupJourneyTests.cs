using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.BrowserTests;

/// <summary>
/// 下级汇总 in a real browser: a province leader opens the roll-up from the home page, reads the two cities ranked with
/// their bars, drills down into a city, sees its counties and opens a county's plan dashboard. At 1440 and 390 px: nothing
/// wider than the screen, no English word. Screenshots to TestResults/screenshots (and docs/screenshots/rollup with
/// PLANLEDGER_UPDATE_SCREENSHOTS=1).
/// </summary>
[Collection("browser")]
public sealed class RollupJourneyTests(AppServer server)
{
    private static readonly (int Width, int Height)[] Widths = [(1440, 900), (390, 844)];

    [ChromiumFact]
    public async Task A_province_leader_ranks_the_cities_and_drills_down_to_a_county_dashboard()
    {
        var (n, cityA, countyA1, planA1) = await CreateAsync();
        var leader = await server.SignInAsync($"sheng{n}", "password-123");

        await leader.ClickAsync("#rollup-link");
        await Assertions.Expect(leader.Locator("h1")).ToContainTextAsync($"江南省教育厅{n}");
        var rows = leader.Locator("#rollup-table tr.rollup-child");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        // 北湖市 files on time, 南山市 files late: 北湖市 first
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync($"北湖市教育局{n}");
        await Assertions.Expect(rows.Nth(0).Locator("td.rank")).ToHaveTextAsync("1");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync($"南山市教育局{n}");
        await CheckAsync(leader, "province", "#chart-rollup-status canvas");

        await leader.Locator($"#rollup-table tr[data-org=\"{cityA}\"] a.drill").ClickAsync();
        await Assertions.Expect(leader.Locator("#rollup-trail")).ToContainTextAsync($"江南省教育厅{n}");
        await Assertions.Expect(leader.Locator("#rollup-table tr.rollup-child")).ToHaveCountAsync(2);
        await CheckAsync(leader, "city", "#chart-rollup-ontime canvas");

        await leader.Locator($"#rollup-table tr[data-org=\"{countyA1}\"] a[href=\"/Plans/{planA1}/Dashboard\"]").ClickAsync();
        await Assertions.Expect(leader.Locator("#status-counts")).ToBeVisibleAsync();
        Assert.EndsWith($"/Plans/{planA1}/Dashboard", leader.Url);

        // back up the trail to the province
        await leader.GoBackAsync();
        await leader.Locator("#rollup-trail a", new() { HasTextString = "江南省教育厅" }).ClickAsync();
        await Assertions.Expect(leader.Locator("#rollup-table tr.rollup-child")).ToHaveCountAsync(2);
    }

    private static async Task CheckAsync(IPage page, string name, string ready)
    {
        var url = page.Url;
        foreach (var (width, height) in Widths)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(url);
            await page.Locator(ready).First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var file = Path.Combine(AppServer.Screenshots, $"rollup-{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            if (Environment.GetEnvironmentVariable("PLANLEDGER_UPDATE_SCREENSHOTS") == "1" && Docs() is { } docs)
                File.Copy(file, Path.Combine(docs, $"{name}-{width}.png"), overwrite: true);

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[2] && widths[1] <= widths[2],
                $"{url} at {width}px: the document is {widths[0]}px wide — wider than the screen ({await LookTests.WidestAsync(page)})");
            var english = await LookTests.EnglishWordsAsync(page);
            Assert.True(english.Count == 0, $"{url} at {width}px shows English: {string.Join(", ", english)}");
            // each chart fits the screen; on a phone they are stacked
            var status = await page.Locator("#chart-rollup-status").BoundingBoxAsync();
            var onTime = await page.Locator("#chart-rollup-ontime").BoundingBoxAsync();
            Assert.True(status is not null && onTime is not null && status.X + status.Width <= width && onTime.X + onTime.Width <= width);
            if (width < 500) Assert.True(onTime!.Y >= status!.Y + status.Height, "the charts are stacked on a phone");
        }
        await page.SetViewportSizeAsync(1440, 900);
    }

    private static string? Docs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanLedger.slnx"))) return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "screenshots", "rollup")).FullName;
        return null;
    }

    /// <summary>
    /// A province with two cities of two counties each; every county imports and publishes a plan of the year through the
    /// API; the plans are then dated three months back and given monthly reports (北湖市's counties on time, 南山市's late).
    /// </summary>
    private async Task<(string N, int CityA, int CountyA1, int PlanA1)> CreateAsync()
    {
        var n = Random.Shared.Next(1000, 10000).ToString(System.Globalization.CultureInfo.InvariantCulture); // digits: a Latin letter would read as English
        var admin = await ApiAsync("admin", AppServer.AdminPassword);
        async Task<int> Org(string name, int? parentId, string level) =>
            (await PostAsync(admin, "/api/v1/organisations", new { name, parentId, level }))["id"]!.GetValue<int>();
        var province = await Org($"江南省教育厅{n}", null, "province");
        await PostAsync(admin, "/api/v1/users", new { userName = $"sheng{n}", password = "password-123", displayName = "张胜", role = "leader", organisationId = province });
        var year = DateTime.UtcNow.Year;
        var counties = new List<(int Org, int Plan, bool OnTime)>();
        int cityA = 0, countyA1 = 0, planA1 = 0;
        foreach (var (city, onTime, names) in new[] { ("北湖市教育局", true, new[] { "东湖区教育局", "西岭县教育局" }), ("南山市教育局", false, new[] { "南溪县教育局", "石门县教育局" }) })
        {
            var c = await Org($"{city}{n}", province, "city");
            if (onTime) cityA = c;
            foreach (var county in names)
            {
                var k = await Org($"{county}{n}", c, "county");
                var unit = (await PostAsync(admin, "/api/v1/units", new { name = "基础教育科", kind = "department", organisationId = k }))["id"]!.GetValue<int>();
                await PostAsync(admin, "/api/v1/units", new { name = "安全稳定科", kind = "department", organisationId = k });
                var office = $"o{k}x{n}";
                await PostAsync(admin, "/api/v1/users", new { userName = office, password = "password-123", displayName = "李静", role = "office", organisationId = k });
                var api = await ApiAsync(office, "password-123");
                using var form = new MultipartFormDataContent();
                form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"""
                    {year}年{county}教育工作要点
                    一、推进基础教育优质均衡发展
                    1.新建、改扩建义务教育学校3所。牵头单位：基础教育科。完成时限：{year}年3月底前。
                    2.开展课后服务，覆盖率达到100%。牵头单位：基础教育科。完成时限：年内。
                    二、守牢校园安全底线
                    1.开展校园安全隐患排查整治专项行动4次。牵头单位：安全稳定科。完成时限：年内。
                    2.持续推进平安校园建设。牵头单位：安全稳定科。完成时限：长期坚持。
                    """)), "file", $"{county}.txt");
                form.Add(new StringContent(year.ToString()), "year");
                var res = await api.PostAsync("/api/v1/plans", form);
                var body = await res.Content.ReadAsStringAsync();
                Assert.True(res.IsSuccessStatusCode, body);
                var plan = JsonNode.Parse(body)!["id"]!.GetValue<int>();
                await PostAsync(api, $"/api/v1/plans/{plan}/publish", new { });
                counties.Add((k, plan, onTime));
                if (countyA1 == 0) (countyA1, planA1) = (k, plan);
            }
        }

        // three months of reports: on time (the 3rd of the next month) in 北湖市, late (the 12th) in 南山市
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var now = DateTimeOffset.UtcNow;
        var first = new DateOnly(now.Year, now.Month, 1).AddMonths(-3);
        if (first.Year != year) first = new DateOnly(year, 1, 1);
        foreach (var (_, planId, onTime) in counties)
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            plan.PublishedAt = new DateTimeOffset(first.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var leaves = await db.Tasks.Where(t => t.PlanId == planId && !db.Tasks.Any(c => c.ParentId == t.Id))
                .Select(t => new { t.Id, Unit = t.Units.Where(u => u.Role == UnitRole.Lead).Select(u => u.UnitId).FirstOrDefault() }).ToListAsync();
            for (var m = first; m.AddMonths(1) <= DateOnly.FromDateTime(now.UtcDateTime).AddDays(-12); m = m.AddMonths(1))
                foreach (var t in leaves)
                {
                    var at = new DateTimeOffset(m.AddMonths(1).AddDays(onTime ? 2 : 11).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
                    db.Reports.Add(ProgressReport.Submit(t.Id, t.Unit, m.ToString("yyyy-MM"), 30, "按计划推进", true, 1, "李静", at));
                }
        }
        await db.SaveChangesAsync();
        return (n, cityA, countyA1, planA1);
    }

    private async Task<HttpClient> ApiAsync(string user, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var res = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password });
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
}
