using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PlanLedger.BrowserTests;

/// <summary>
/// 级联 in a real browser: a city and two counties below it; county B's plan is already linked (API); county A's office
/// opens its ledger, 对接上级计划, chooses the city's plan, sees the proposed pairs with their similarity, confirms them and
/// adds one by hand; the city's office opens its plan's 下级落实 and a task's 下级落实情况 panel. Each page at 1440 and
/// 390 px: no sideways scrolling, no English word; screenshots in TestResults/screenshots (and docs/screenshots/cascade
/// with PLANLEDGER_UPDATE_SCREENSHOTS=1).
/// </summary>
[Collection("browser")]
public sealed partial class CascadeJourneyTests(AppServer server)
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "PlanLedger", "xlsx", "csv" };

    private async Task<HttpClient> ApiAsync(string user, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var res = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password });
        var token = (await res.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string url, object body)
    {
        var res = await http.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"{url}: {(int)res.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<(int Plan, Dictionary<string, int> Tasks)> PublishedPlanAsync(HttpClient http, int year, string text)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", "cascade.txt");
        form.Add(new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year");
        var res = await http.PostAsync("/api/v1/plans", form);
        var id = JsonNode.Parse(await res.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        await SendAsync(http, HttpMethod.Post, $"/api/v1/plans/{id}/publish", new { });
        var tasks = JsonNode.Parse(await http.GetStringAsync($"/api/v1/plans/{id}/tasks"))!.AsArray();
        return (id, tasks.ToDictionary(t => t!["path"]!.GetValue<string>(), t => t!["id"]!.GetValue<int>()));
    }

    [ChromiumFact]
    public async Task The_county_links_its_plan_and_the_city_sees_who_carries_its_tasks()
    {
        var n = Random.Shared.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var year = DateTime.UtcNow.Year;
        var admin = await ApiAsync("admin", AppServer.AdminPassword);
        async Task<int> Org(string name, int? parentId, string level) =>
            (await SendAsync(admin, HttpMethod.Post, "/api/v1/organisations", new { name, parentId, level }))["id"]!.GetValue<int>();
        var city = await Org($"级联市教育局{n}", null, "city");
        var countyA = await Org($"甲县教育局{n}", city, "county");
        var countyB = await Org($"乙县教育局{n}", city, "county");
        await Org($"丙县教育局{n}", city, "county"); // has not linked: 未对接
        foreach (var (org, user, suffix) in new[] { (city, $"cityoffice{n}", "科"), (countyA, $"aoffice{n}", "股"), (countyB, $"boffice{n}", "股") })
        {
            foreach (var unit in new[] { "学前教育", "教师工作", "安全稳定" })
                await SendAsync(admin, HttpMethod.Post, "/api/v1/units", new { name = $"{unit}{suffix}{n}", kind = "department", organisationId = org,
                    aliases = org == countyA ? $"{unit}科{n}" : null });
            await SendAsync(admin, HttpMethod.Post, "/api/v1/users", new { userName = user, password = "password-123", displayName = suffix == "科" ? "王主任" : user.StartsWith('a') ? "李科长" : "赵科长",
                role = "office", organisationId = org });
        }
        var (cityPlan, cityTasks) = await PublishedPlanAsync(await ApiAsync($"cityoffice{n}", "password-123"), year, $"""
            {year}年全市教育工作要点
            一、重点任务
            1.新建改扩建公办幼儿园。牵头单位：学前教育科{n}。完成时限：年内。
            2.开展中小学教师全员培训。牵头单位：教师工作科{n}。完成时限：年内。
            3.推进校园安全隐患排查整治。牵头单位：安全稳定科{n}。完成时限：年内。
            """);
        var a = await ApiAsync($"aoffice{n}", "password-123");
        var (planA, tasksA) = await PublishedPlanAsync(a, year, $"""
            {year}年甲县教育工作要点
            一、重点任务
            1.新建改扩建公办幼儿园3所。牵头单位：学前教育股{n}。完成时限：年内。
            2.组织中小学教师全员培训。牵头单位：教师工作股{n}。完成时限：年内。
            3.实施教师信息技术应用能力提升工程。牵头单位：教师工作股{n}。完成时限：年内。
            """);
        var b = await ApiAsync($"boffice{n}", "password-123");
        var (planB, tasksB) = await PublishedPlanAsync(b, year, $"""
            {year}年乙县教育工作要点
            一、重点任务
            1.新建改扩建公办幼儿园2所。牵头单位：学前教育股{n}。完成时限：年内。
            """);
        var linkB = await SendAsync(b, HttpMethod.Put, $"/api/v1/plans/{planB}/upper-link", new { upperPlanId = cityPlan });
        await SendAsync(b, HttpMethod.Post, $"/api/v1/plans/{planB}/upper-link/pairs", new { version = linkB["version"]!.GetValue<int>(),
            pairs = new[] { new { taskId = tasksB["一/1"], upperTaskId = cityTasks["一/1"], decision = "confirm" } } });
        await SendAsync(b, HttpMethod.Post, $"/api/v1/tasks/{tasksB["一/1"]}/reports", new { period = $"{year}-{Math.Max(1, DateTime.UtcNow.Month - 1):00}", progress = 40, text = "主体施工" });

        // county A's office: ledger → 对接上级计划 → choose the city's plan → proposals
        var county = await server.SignInAsync($"aoffice{n}", "password-123");
        await county.GotoAsync($"/Plans/{planA}/Ledger");
        await county.ClickAsync("#upper-link");
        await county.WaitForURLAsync(new Regex($"/Plans/{planA}/UpperLink$"));
        // Plans of every organisation above are offered (the city's, and any of the province's); the office picks the city's.
        var upperChoice = $"级联市教育局{n} · {year}年全市教育工作要点";
        await Assertions.Expect(county.Locator("#upper-plan-select option", new() { HasTextString = upperChoice })).ToHaveCountAsync(1);
        await county.SelectOptionAsync("#upper-plan-select", new SelectOptionValue { Label = upperChoice });
        await county.ClickAsync("#choose-upper");
        await Assertions.Expect(county.Locator("#linked-plan")).ToContainTextAsync($"{year}年全市教育工作要点");
        var rows = county.Locator("#suggestions tr[data-task]");
        await Assertions.Expect(rows).ToHaveCountAsync(2); // 信息技术应用能力提升 is not proposed: the training task above is taken by the closer 全员培训
        await Assertions.Expect(county.Locator($"#suggestions tr[data-task='{tasksA["一/1"]}']")).ToContainTextAsync("新建改扩建公办幼儿园");
        await CheckAsync(county, "county-proposals");
        await county.ClickAsync("#confirm-pairs");
        await Assertions.Expect(county.Locator(".flash, [role=status]").First).ToContainTextAsync("已对接 2 项任务");
        // the third by hand
        await county.SelectOptionAsync("#add-task", tasksA["一/3"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await county.SelectOptionAsync("#add-upper", cityTasks["一/2"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await county.ClickAsync("#add-pair");
        await Assertions.Expect(county.Locator("#confirmed tr[data-pair]")).ToHaveCountAsync(3);
        await Assertions.Expect(county.Locator("#confirmed")).ToContainTextAsync("手工添加");
        await CheckAsync(county, "county-linked");

        // the city's office: plan ledger → 下级落实
        var cityPage = await server.SignInAsync($"cityoffice{n}", "password-123");
        await cityPage.GotoAsync($"/Plans/{cityPlan}/Ledger");
        await cityPage.ClickAsync("#cascade-link");
        await cityPage.WaitForURLAsync(new Regex($"/Plans/{cityPlan}/Cascade$"));
        var orgs = cityPage.Locator("#cascade-organisations");
        await Assertions.Expect(orgs).ToContainTextAsync($"甲县教育局{n}");
        await Assertions.Expect(orgs.Locator("tr", new() { HasText = $"丙县教育局{n}" })).ToContainTextAsync("未对接");
        var kinder = cityPage.Locator($"#cascade-task-{cityTasks["一/1"]}");
        await Assertions.Expect(kinder.Locator(".cascade-rollup")).ToContainTextAsync("落实单位 2");
        await Assertions.Expect(kinder).ToContainTextAsync("新建改扩建公办幼儿园2所");
        await Assertions.Expect(kinder).ToContainTextAsync("40%");
        await Assertions.Expect(cityPage.Locator($"#cascade-task-{cityTasks["一/2"]} .not-linked")).ToContainTextAsync($"乙县教育局{n}");
        await CheckAsync(cityPage, "city-cascade");
        // a task's 下级落实情况 panel
        await cityPage.GotoAsync($"/Tasks/{cityTasks["一/1"]}");
        await Assertions.Expect(cityPage.Locator("#task-cascade")).ToBeVisibleAsync();
        await Assertions.Expect(cityPage.Locator("#task-cascade-part")).ToContainTextAsync($"乙县教育局{n}");
        await CheckAsync(cityPage, "city-task", "#task-cascade");
    }

    /// <summary>At 1440 and 390 px: no sideways scrolling, no English word; a screenshot of each.</summary>
    private static async Task CheckAsync(IPage page, string name, string? scrollTo = null)
    {
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (scrollTo is not null) await page.Locator(scrollTo).ScrollIntoViewIfNeededAsync();
            var file = Path.Combine(AppServer.Screenshots, $"cascade-{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = scrollTo is null });
            if (Environment.GetEnvironmentVariable("PLANLEDGER_UPDATE_SCREENSHOTS") == "1" && Docs() is { } docs)
                File.Copy(file, Path.Combine(docs, $"{name}-{width}.png"), overwrite: true);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{name} at {width}px: the document is {widths[0]}px wide, the screen {widths[1]}px");
            var texts = await page.EvaluateAsync<string[]>("""
                () => {
                  const out = [];
                  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    const el = n.parentElement;
                    if (!el || el.closest('script, style, noscript, template, [lang]:not([lang^="zh"])')) continue;
                    if (n.textContent.trim()) out.push(n.textContent);
                  }
                  for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label]'))
                    for (const a of ['placeholder', 'title', 'aria-label']) if (el.hasAttribute(a)) out.push(el.getAttribute(a));
                  out.push(document.title);
                  return out;
                }
                """);
            var english = texts.SelectMany(t => Word().Matches(t).Select(m => m.Value)).Where(w => !Allowed.Contains(w)).Distinct().ToList();
            Assert.True(english.Count == 0, $"{name} at {width}px shows English: {string.Join(", ", english)}");
        }
        await page.SetViewportSizeAsync(1440, 900);
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[A-Za-z]{2,}(?![0-9A-Za-z])")]
    private static partial Regex Word();

    private static string? Docs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanLedger.slnx"))) return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "screenshots", "cascade")).FullName;
        return null;
    }
}
