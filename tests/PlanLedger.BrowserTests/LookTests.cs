using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanLedger.Web.Data;

namespace PlanLedger.BrowserTests;

/// <summary>
/// The everyday pages at a desktop width (1440 px) and a phone's (390 px), as their users see them: nothing wider
/// than the screen, no English word on a Chinese page (product and file-format names aside), times in Asia/Shanghai,
/// people by their display names, a header that never breaks a word, stacked dashboard charts and a report form
/// that fills the phone's width. Screenshots of each page go to TestResults/screenshots (and to docs/screenshots/ui with
/// PLANLEDGER_UPDATE_SCREENSHOTS=1).
/// </summary>
[Collection("browser")]
public sealed class LookTests(AppServer server)
{
    private static readonly (int Width, int Height)[] Widths = [(1440, 900), (390, 844)];

    /// <summary>Latin words allowed on a Chinese page: product, format and size names.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
        { "PlanLedger", "Excel", "Word", "WPS", "PDF", "xlsx", "xls", "csv", "docx", "doc", "txt", "html", "KB", "MB", "GB" };

    /// <summary>A stored UTC instant and how Asia/Shanghai (+08:00) shows it: the next calendar day.</summary>
    private static readonly DateTimeOffset KnownUtc = new(2026, 3, 1, 16, 30, 0, TimeSpan.Zero);
    private const string KnownShanghai = "2026-03-02 00:30";

    private sealed record Data(int PlanId, int TaskId);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Data? _data;

    [ChromiumFact]
    public async Task Review_page_fits_both_widths_and_reads_in_Chinese()
    {
        var d = await DataAsync();
        var office = await server.SignInAsync("lijing", "password-123");
        await CheckAsync(office, $"/Plans/{d.PlanId}/Review", "review", "#tree", async (page, width) =>
        {
            await Assertions.Expect(page.Locator("#tree")).ToContainTextAsync("普惠性幼儿园");
            if (width < 500)
            {
                // Source and tree are stacked, not side by side.
                var source = await BoxAsync(page, "#source");
                var tree = await BoxAsync(page, "#tree");
                Assert.True(tree.Y >= source.Y + source.Height - 1, "the tree is below the source text on a phone");
            }
        });
    }

    [ChromiumFact]
    public async Task Ledger_fits_both_widths_with_one_card_per_task_on_a_phone()
    {
        var d = await DataAsync();
        var office = await server.SignInAsync("lijing", "password-123");
        await CheckAsync(office, $"/Plans/{d.PlanId}/Ledger", "ledger", "#ledger", async (page, width) =>
        {
            var row = page.Locator("#ledger tr", new() { HasTextString = "新建、改扩建普惠性幼儿园" });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            if (width < 500)
            {
                // Each cell is labelled with its column: the card reads 牵头单位：学前教育科.
                var label = await row.Locator("td", new() { HasTextString = "学前教育科" }).First
                    .EvaluateAsync<string>("c => getComputedStyle(c, '::before').content");
                Assert.Contains("牵头单位", label);
                Assert.Equal("none", await page.Locator("#ledger tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
            }
        });
    }

    [ChromiumFact]
    public async Task My_tasks_fit_both_widths_and_the_report_form_fills_a_phone()
    {
        var d = await DataAsync();
        var reporter = await server.SignInAsync("wangxm", "password-123");
        await CheckAsync(reporter, "/Tasks/Mine", "my-tasks", "#my-tasks", async (page, _) =>
        {
            await Assertions.Expect(page.Locator("#my-tasks")).ToContainTextAsync("新建、改扩建普惠性幼儿园");
        });
        await CheckAsync(reporter, $"/Tasks/{d.TaskId}", "report-form", "#report-form", async (page, width) =>
        {
            // The report's stored UTC time is shown in Asia/Shanghai, with the reporter's display name.
            var report = page.Locator("#reports tr", new() { HasTextString = "已完成选址" });
            await Assertions.Expect(report).ToContainTextAsync(KnownShanghai);
            await Assertions.Expect(report).ToContainTextAsync("王晓明");
            if (width < 500)
            {
                var form = await BoxAsync(page, "#report-form");
                foreach (var field in new[] { "textarea[name=text]", "input[name=progress]", "#submit-report" })
                {
                    var box = await BoxAsync(page, $"#report-form {field}");
                    Assert.True(box.Width >= form.Width * 0.85, $"{field} is {box.Width}px wide in a {form.Width}px form");
                    Assert.True(box.Height >= 38, $"{field} is {box.Height}px high: too small to tap");
                }
            }
        }, scrollTo: "#report-form");
    }

    [ChromiumFact]
    public async Task Dashboard_fits_both_widths_with_its_charts_stacked_on_a_phone()
    {
        var d = await DataAsync();
        var office = await server.SignInAsync("lijing", "password-123");
        await CheckAsync(office, $"/Plans/{d.PlanId}/Dashboard", "dashboard", "#chart-status canvas", async (page, width) =>
        {
            var status = await BoxAsync(page, "#chart-status");
            var periods = await BoxAsync(page, "#chart-periods");
            if (width < 500)
            {
                Assert.True(periods.Y >= status.Y + status.Height, "the charts are stacked on a phone");
                Assert.True(status.X + status.Width <= width && periods.X + periods.Width <= width, "each chart fits the phone's width");
                var canvas = await BoxAsync(page, "#chart-status canvas");
                Assert.True(canvas.Width <= status.Width + 1, "the chart is drawn at its container's width");
            }
            else Assert.True(Math.Abs(periods.Y - status.Y) < 2, "the charts are side by side on a desktop");
        });
    }

    [ChromiumFact]
    public async Task Activity_log_fits_both_widths_with_Shanghai_times_and_display_names()
    {
        await DataAsync();
        var office = await server.SignInAsync("lijing", "password-123");
        await CheckAsync(office, "/Audit", "audit", "#audit", async (page, _) =>
        {
            var row = page.Locator("#audit tr", new() { HasTextString = KnownShanghai });
            await Assertions.Expect(row.First).ToBeVisibleAsync();
            await Assertions.Expect(row.First).ToContainTextAsync("王晓明");
            await Assertions.Expect(page.Locator("#audit")).ToContainTextAsync("李静");
            // The 操作人 column names people, never accounts.
            var actors = await page.Locator("#audit tr td:nth-child(2)").AllInnerTextsAsync();
            Assert.DoesNotContain(actors, a => a.Trim() is "wangxm" or "lijing");
            Assert.Contains(actors, a => a.Trim() == "李静");
        }, chineseOnly: false);
    }

    [ChromiumFact]
    public async Task Activity_log_reads_in_Chinese()
    {
        await DataAsync();
        var office = await server.SignInAsync("lijing", "password-123");
        await CheckAsync(office, "/Audit", "audit", "#audit", (_, _) => Task.CompletedTask);
    }

    [ChromiumFact]
    public async Task Plans_list_and_units_page_fit_both_widths()
    {
        await DataAsync();
        var office = await server.SignInAsync("lijing", "password-123");
        await CheckAsync(office, "/Plans", "plans", "table.plans", async (page, _) =>
            await Assertions.Expect(page.Locator("table.plans")).ToContainTextAsync("全县教育工作要点"));
        await CheckAsync(office, "/Admin/Units", "units", "#units", async (page, width) =>
        {
            var row = UnitRow(page, "教育装备与信息化服务中心");
            foreach (var control in new[] { "input[name=aliases]", "select[name=intoId]" })
            {
                var box = await row.Locator(control).BoundingBoxAsync();
                Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"{control} is inside the screen");
            }
        });
    }

    [ChromiumFact]
    public async Task Organisations_tree_fits_both_widths()
    {
        await DataAsync();
        var admin = await server.SignInAsync("admin", AppServer.AdminPassword);
        await CheckAsync(admin, "/Admin/Organisations", "organisations", "#organisations", async (page, _) =>
            await Assertions.Expect(page.Locator("#organisations input[name=name][value=\"城关区教育体育局\"]")).ToHaveCountAsync(1));
    }

    [ChromiumFact]
    public async Task Year_to_year_pairs_and_a_tasks_history_fit_both_widths()
    {
        var data = await DataAsync();
        var office = await server.SignInAsync("lijing", "password-123");
        await CheckAsync(office, $"/Plans/{data.PlanId}/Matches", "matches", "#matches", async (page, _) =>
            await Assertions.Expect(page.Locator("#matches tr[data-task]")).ToHaveCountAsync(3));

        // The office confirms the proposed pairs; the task then shows last year's task beside this year's.
        await office.GotoAsync($"/Plans/{data.PlanId}/Matches");
        await office.ClickAsync("#confirm-pairs");
        await Assertions.Expect(office.Locator("#confirmed li")).ToHaveCountAsync(3);
        await CheckAsync(office, $"/Tasks/{data.TaskId}/Years", "task-years", "#task-years", async (page, _) =>
        {
            await Assertions.Expect(page.Locator("#task-years tr")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("#task-years")).ToContainTextAsync("普惠性幼儿园10处");
        });
    }

    [ChromiumFact]
    public async Task Merging_a_unit_asks_first_and_cancelling_changes_nothing()
    {
        await DataAsync();
        var office = await server.SignInAsync("lijing", "password-123");
        await office.GotoAsync("/Admin/Units");
        await office.FillAsync("#unit-name", "临时合并科");
        await office.ClickAsync("#create-unit-button");
        var row = UnitRow(office, "临时合并科");
        await row.Locator("select[name=intoId]").SelectOptionAsync(new SelectOptionValue { Label = "督导评估室" });

        // The merge first shows what would move; 取消 leaves everything as it was.
        await row.Locator("button", new() { HasTextString = "合并到" }).ClickAsync();
        var preview = office.Locator("#merge-confirm");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync("临时合并科");
        await Assertions.Expect(preview).ToContainTextAsync("督导评估室");
        await preview.Locator("a", new() { HasTextString = "取消" }).ClickAsync();
        await Assertions.Expect(UnitRow(office, "临时合并科")).ToHaveCountAsync(1);

        row = UnitRow(office, "临时合并科");
        await row.Locator("select[name=intoId]").SelectOptionAsync(new SelectOptionValue { Label = "督导评估室" });
        await row.Locator("button", new() { HasTextString = "合并到" }).ClickAsync();
        await office.ClickAsync("#merge-confirm-button");
        await Assertions.Expect(office.Locator("#merge-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(UnitRow(office, "临时合并科")).ToHaveCountAsync(0);
    }

    private static ILocator UnitRow(IPage page, string name) =>
        page.Locator("#units tr", new() { Has = page.Locator($"td:first-child input[name=name][value=\"{name}\"]") });

    /// <summary>
    /// Opens <paramref name="url"/> at each width and checks what every page must: no horizontal scrolling of the
    /// document, only Chinese words, the signed-in person by display name, a header whose links never wrap (a menu
    /// button on a phone); then the page's own checks and a screenshot.
    /// </summary>
    private static async Task CheckAsync(IPage page, string url, string name, string ready, Func<IPage, int, Task> more, string? scrollTo = null, bool chineseOnly = true)
    {
        foreach (var (width, height) in Widths)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(url);
            await page.Locator(ready).First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await ShotAsync(page, $"{name}-{width}", scrollTo);

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[2] && widths[1] <= widths[2],
                $"{url} at {width}px: the document is {widths[0]}px wide — wider than the screen ({await WidestAsync(page)})");

            var english = chineseOnly ? await EnglishWordsAsync(page) : [];
            Assert.True(english.Count == 0, $"{url} at {width}px shows English: {string.Join(", ", english)}");

            var who = page.Locator("#who");
            if (width < 500)
            {
                await Assertions.Expect(page.Locator("#nav-main")).ToBeHiddenAsync();
                await page.ClickAsync("#nav-toggle-label");
                await Assertions.Expect(page.Locator("#nav-main")).ToBeVisibleAsync();
                if (name == "my-tasks") await ShotAsync(page, "menu-390", null);
            }
            await Assertions.Expect(who).ToBeVisibleAsync();
            Assert.Matches(new Regex("^\\p{IsCJKUnifiedIdeographs}+$"), (await who.InnerTextAsync()).Trim());
            var wrapped = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('header.top a, header.top .who, header.top label')]
                  .filter(a => a.checkVisibility() && (a.getClientRects().length > 1 || a.getBoundingClientRect().height > parseFloat(getComputedStyle(a).lineHeight) * 1.5 + 16))
                  .map(a => a.textContent.trim())
                """);
            Assert.True(wrapped.Length == 0, $"{url} at {width}px: header items broken over lines: {string.Join(", ", wrapped)}");
            var open = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(open[0] <= open[1], $"{url} at {width}px: the header is wider than the screen");
            if (width < 500) await page.ClickAsync("#nav-toggle-label");

            await more(page, width);
        }
    }

    private static async Task ShotAsync(IPage page, string name, string? scrollTo)
    {
        if (scrollTo is not null) await page.Locator(scrollTo).ScrollIntoViewIfNeededAsync();
        else await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var file = Path.Combine(AppServer.Screenshots, $"look-{name}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = false });
        if (Environment.GetEnvironmentVariable("PLANLEDGER_UPDATE_SCREENSHOTS") == "1" && RepositoryDocs() is { } docs)
            File.Copy(file, Path.Combine(docs, $"{name}.png"), overwrite: true);
    }

    private static string? RepositoryDocs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanLedger.slnx"))) return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "screenshots", "ui")).FullName;
        return null;
    }

    /// <summary>Latin words in the page's text, its options, placeholders, titles and labels, outside elements in another language.</summary>
    internal static async Task<List<string>> EnglishWordsAsync(IPage page)
    {
        var texts = await page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              const foreign = el => el.closest('[lang]:not([lang^="zh"])') !== null;
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const el = n.parentElement;
                if (!el || el.closest('script, style, noscript, template') || foreign(el)) continue;
                if (n.textContent.trim()) out.push(n.textContent);
              }
              for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label], input[type=submit][value], input[type=button][value]'))
                if (!foreign(el)) for (const a of ['placeholder', 'title', 'aria-label', 'value']) if (el.hasAttribute(a) && (a !== 'value' || el.type === 'submit' || el.type === 'button')) out.push(el.getAttribute(a));
              out.push(document.title);
              return out;
            }
            """);
        return texts.SelectMany(t => Regex.Matches(t, "[A-Za-z]{2,}").Select(m => m.Value))
            .Where(w => !Allowed.Contains(w)).Distinct().ToList();
    }

    /// <summary>The elements sticking out furthest to the right, for the failure message.</summary>
    internal static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')].map(e => [e, e.getBoundingClientRect().right])
          .filter(([, r]) => r > window.innerWidth).sort((a, b) => b[1] - a[1]).slice(0, 4)
          .map(([e, r]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''} → ${Math.round(r)}px`).join('; ')
        """);

    private static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string selector) =>
        await page.Locator(selector).First.BoundingBoxAsync() ?? throw new InvalidOperationException(selector + " is not shown");

    /// <summary>
    /// Once per test run: units with long names, an office user 李静 and a unit reporter 王晓明, a plan imported and
    /// published by the office, and one report by the reporter whose stored time (and its audit entry) is set to a
    /// known UTC instant.
    /// </summary>
    private async Task<Data> DataAsync()
    {
        await Gate.WaitAsync();
        try { return _data ??= await CreateAsync(); }
        finally { Gate.Release(); }
    }

    private async Task<Data> CreateAsync()
    {
        // An organisation of its own, so that the other browser tests' plans, units and people are not on these pages.
        var admin = await ApiAsync("admin", AppServer.AdminPassword);
        var org = (await PostAsync(admin, "/api/v1/organisations", new { name = "城关区教育体育局", level = "county" }))["id"]!.GetValue<int>();
        var units = new Dictionary<string, int>();
        foreach (var unit in new[] { "学前教育科", "教师发展中心", "督导评估室", "安全稳定科", "教育装备与信息化服务中心" })
            units[unit] = (await PostAsync(admin, "/api/v1/units", new { name = unit, kind = "department", organisationId = org }))["id"]!.GetValue<int>();
        await PostAsync(admin, "/api/v1/users", new { userName = "lijing", password = "password-123", displayName = "李静", role = "office", organisationId = org });
        await PostAsync(admin, "/api/v1/users", new { userName = "wangxm", password = "password-123", displayName = "王晓明", role = "reporter", organisationId = org, unitId = units["学前教育科"] });

        var office = await ApiAsync("lijing", "password-123");
        var year = DateTime.UtcNow.Year;
        // Last year's plan of the same bureau, published, for 上年对照 and a task's 历年情况.
        using (var last = new MultipartFormDataContent())
        {
            last.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"""
                {year - 1}年全县教育工作要点
                一、推进学前教育普及普惠安全优质发展
                1.新建、改扩建普惠性幼儿园10处，新增学位3000个。牵头单位：学前教育科；配合单位：安全稳定科。完成时限：{year - 1}年10月底前。
                二、建设高素质专业化教师队伍
                （一）实施教师全员培训，培训教师2800人次。牵头单位：教师发展中心。完成时限：{year - 1}年12月底前。
                三、守牢校园安全底线
                1.完成中小学校舍抗震加固工程6处。牵头单位：教育装备与信息化服务中心。完成时限：{year - 1}年6月底前。
                """)), "file", "上年教育工作要点.txt");
            last.Add(new StringContent((year - 1).ToString()), "year");
            var imported = await office.PostAsync("/api/v1/plans", last);
            var text = await imported.Content.ReadAsStringAsync();
            Assert.True(imported.IsSuccessStatusCode, text);
            await PostAsync(office, $"/api/v1/plans/{JsonNode.Parse(text)!["id"]!.GetValue<int>()}/publish", new { });
        }
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"""
            {year}年全县教育工作要点
            一、推进学前教育普及普惠安全优质发展
            1.新建、改扩建普惠性幼儿园12处，新增学位3600个。牵头单位：学前教育科；配合单位：教育装备与信息化服务中心、安全稳定科、督导评估室。完成时限：{year}年10月底前。
            2.开展幼儿园保育教育质量评估，覆盖全县公办幼儿园100%。牵头单位：督导评估室。完成时限：年内。
            二、建设高素质专业化教师队伍
            （一）实施教师全员培训，培训教师3000人次。牵头单位：教师发展中心；配合单位：学前教育科。完成时限：{year}年12月底前。
            （二）持续推进师德师风建设，常态化开展警示教育。牵头单位：教师发展中心。完成时限：长期坚持。
            三、守牢校园安全底线
            1.开展校园安全隐患排查整治专项行动4次。牵头单位：安全稳定科；配合单位：教育装备与信息化服务中心。完成时限：每季度。
            2.完成中小学校舍抗震加固工程8处。牵头单位：教育装备与信息化服务中心。完成时限：{year}年6月底前。
            """)), "file", "全县教育工作要点.txt");
        form.Add(new StringContent(year.ToString()), "year");
        var res = await office.PostAsync("/api/v1/plans", form);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, body);
        var planId = JsonNode.Parse(body)!["id"]!.GetValue<int>();
        var tasks = JsonNode.Parse(await office.GetStringAsync($"/api/v1/plans/{planId}/tasks"))!.AsArray();
        var task = tasks.First(t => t!["heading"]!.GetValue<string>().Contains("普惠性幼儿园") || t["text"]!.GetValue<string>().Contains("普惠性幼儿园"))!["id"]!.GetValue<int>();
        // Every unit name maps onto the directory (the import matches them by name); publish.
        await PostAsync(office, $"/api/v1/plans/{planId}/publish", new { });

        var reporter = await ApiAsync("wangxm", "password-123");
        var report = await PostAsync(reporter, $"/api/v1/tasks/{task}/reports",
            new { period = DateTime.UtcNow.ToString("yyyy-MM"), progress = 40, text = "已完成选址5处，开工建设3处。" });
        var reportId = report["id"]!.GetValue<int>();

        // The known UTC instant on the report and on the audit entry that recorded it.
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var stored = await db.Reports.SingleAsync(r => r.Id == reportId);
        stored.SubmittedAt = KnownUtc;
        await db.SaveChangesAsync();
        var entry = await db.AuditEntries.Where(a => a.Entity == "ProgressReport" && a.EntityId == reportId.ToString() && a.Action == "added").SingleAsync();
        entry.At = KnownUtc;
        await db.SaveChangesAsync();
        return new Data(planId, task);
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
