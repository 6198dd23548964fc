using System.Net;
using System.Text.RegularExpressions;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>
/// The pages that keep their plan content per plan revision (docs/scale.md §17–§19): the office's 今日工作 (本期未报送单位),
/// the task page and the leader's year dashboard show a write on the very next view, read just before it.
/// </summary>
public abstract class PageReadCacheTests(LedgerFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    private static string LateUnits(string home) =>
        Regex.Match(home, "<ul id=\"today-late\">(.*?)</ul>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : "";

    [Fact]
    public async Task A_report_filed_leaves_the_late_units_of_todays_work_at_once()
    {
        // Published in January; on 10 March the February reports are due (report day 5) and nobody has filed.
        var year = DateTime.UtcNow.Year;
        factory.Clock.Set(new DateTimeOffset(year, 1, 5, 2, 0, 0, TimeSpan.Zero));
        var w = await LoopWorld.CreateAsync(factory);
        factory.Clock.Set(new DateTimeOffset(year, 3, 10, 2, 0, 0, TimeSpan.Zero));
        var period = $"{year}-02";
        var office = await PageClient.SignInAsync(factory, w.Office);

        Assert.Contains($"{period}</a>：2 个单位未报", LateUnits(await office.GetHtmlAsync("/")));
        Assert.Contains($"{period}</a>：2 个单位未报", LateUnits(await office.GetHtmlAsync("/"))); // kept
        await w.ReportAsync(w.RepA, w.Task1, 20, period: period);
        await w.ReportAsync(w.RepA, w.Task3, 20, period: period);
        Assert.Contains($"{period}</a>：1 个单位未报", LateUnits(await office.GetHtmlAsync("/")));
        await w.ReportAsync(w.RepB, w.Task1, 20, period: period);
        await w.ReportAsync(w.RepB, w.Task2, 20, period: period);
        Assert.DoesNotContain(period, LateUnits(await office.GetHtmlAsync("/")));
    }

    [Fact]
    public async Task The_task_page_shows_a_report_its_return_a_comment_and_the_close_out_read_just_before_each()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var office = await PageClient.SignInAsync(factory, w.Office);
        var unit = await PageClient.SignInAsync(factory, w.RepA);
        var url = $"/Tasks/{w.Task1}";
        Assert.DoesNotContain("选址已完成", await office.GetHtmlAsync(url));
        Assert.DoesNotContain("选址已完成", await unit.GetHtmlAsync(url));

        var report = await w.ReportAsync(w.RepA, w.Task1, 30, "选址已完成");
        Assert.Contains("选址已完成", await office.GetHtmlAsync(url));
        Assert.Contains("选址已完成", await unit.GetHtmlAsync(url));

        await (await w.As(w.Office)).PostJsonAsync($"/api/v1/reports/{report.Id()}/return", new { comment = "请补充现场照片" }, HttpStatusCode.OK);
        Assert.Contains("请补充现场照片", await unit.GetHtmlAsync(url));

        await (await w.As(w.Leader)).PostJsonAsync($"/api/v1/tasks/{w.Task1}/comments", new { text = "抓紧推进选址后续工作" });
        Assert.Contains("抓紧推进选址后续工作", await office.GetHtmlAsync(url));

        await (await w.As(w.Office)).PostJsonAsync($"/api/v1/tasks/{w.Task1}/close", new { reason = "已建成并验收" }, HttpStatusCode.OK);
        var closed = await unit.GetHtmlAsync(url);
        Assert.Contains("已建成并验收", closed);
        Assert.DoesNotContain("id=\"report-form\"", closed); // a closed task takes no more reports
    }

    [Fact]
    public async Task The_year_dashboard_page_shows_a_close_out_read_just_before_it()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var leader = await PageClient.SignInAsync(factory, w.Leader);
        string Row(string html) => Regex.Match(html, $"<tr data-unit=\"{w.UnitA}\">.*?</tr>", RegexOptions.Singleline).Value;
        var url = $"/Dashboard/Year?year={w.Year}";
        Assert.Contains("(0/2)", Row(await leader.GetHtmlAsync(url)));
        Assert.Contains("(0/2)", Row(await leader.GetHtmlAsync("/"))); // the leader's home shows the same ranking
        await (await w.As(w.Office)).PostJsonAsync($"/api/v1/tasks/{w.Task3}/close", new { reason = "已完成" }, HttpStatusCode.OK);
        Assert.Contains("(1/2)", Row(await leader.GetHtmlAsync(url)));
        Assert.Contains("(1/2)", Row(await leader.GetHtmlAsync("/")));

        // A red 督办单 (reader-scoped, not plan content alone) turns the unit red on the next view.
        Assert.DoesNotContain("data-light=\"red\"", Row(await leader.GetHtmlAsync(url)));
        await (await w.As(w.Office)).PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { w.Task1 }, unitIds = new[] { w.UnitA }, level = "red",
            reason = "严重滞后", replyBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd") });
        Assert.Contains("data-light=\"red\"", Row(await leader.GetHtmlAsync(url)));
    }
}

public sealed class PageReadCacheSqliteTests(SqliteLedgerFactory f) : PageReadCacheTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class PageReadCachePostgresTests(PostgresLedgerFactory f) : PageReadCacheTests(f), IClassFixture<PostgresLedgerFactory>;
