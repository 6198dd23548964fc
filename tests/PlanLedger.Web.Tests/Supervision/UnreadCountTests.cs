using System.Net;
using System.Text.RegularExpressions;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>
/// The menu's 通知 badge is kept per unit or office between page views (docs/scale.md §20): a notification written, or
/// read on the task page or on the notifications API, shows in the badge on the very next page view, read just before.
/// </summary>
public abstract class UnreadCountTests(LedgerFactory factory)
{
    private static int Badge(string html) =>
        Regex.Match(html, "id=\"unread-count\">(\\d+)<") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

    private static async Task<int> UnreadOf(LoopWorld w, string user) =>
        (await (await w.As(user)).GetJsonAsync("/api/v1/notifications/unread")).Int("unread");

    [Fact]
    public async Task A_returned_report_shows_in_the_badge_and_leaves_it_once_read()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var unit = await PageClient.SignInAsync(factory, w.RepA);
        var before = Badge(await unit.GetHtmlAsync("/"));
        Assert.Equal(await UnreadOf(w, w.RepA), before);
        Assert.Equal(before, Badge(await unit.GetHtmlAsync("/Tasks/Mine"))); // kept between pages

        // The office returns the unit's report: a notification for the unit, in the badge of the next page.
        var report = await w.ReportAsync(w.RepA, w.Task1, 30, "选址已完成");
        await (await w.As(w.Office)).PostJsonAsync($"/api/v1/reports/{report.Id()}/return", new { comment = "请补充现场照片" }, HttpStatusCode.OK);
        Assert.Equal(before + 1, Badge(await unit.GetHtmlAsync("/")));

        // Opening the task marks the unit's notifications about it read (a bulk update): the badge follows at once.
        await unit.GetHtmlAsync($"/Tasks/{w.Task1}");
        var afterTask = Badge(await unit.GetHtmlAsync("/"));
        Assert.True(afterTask <= before, $"badge {afterTask} after opening the task, {before} before the return");
        Assert.Equal(await UnreadOf(w, w.RepA), afterTask);

        // 全部已读 on the API: no badge on the next page.
        await (await w.As(w.RepA)).PostJsonAsync("/api/v1/notifications/read", new { }, HttpStatusCode.OK);
        Assert.DoesNotContain("id=\"unread-count\"", await unit.GetHtmlAsync("/"));
    }

    [Fact]
    public async Task The_office_badge_counts_a_request_filed_just_after_a_page_view()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var office = await PageClient.SignInAsync(factory, w.Office);
        var before = Badge(await office.GetHtmlAsync("/"));
        Assert.Equal(await UnreadOf(w, w.Office), before);

        // A unit asks to close its task out (申请): the office is notified.
        await (await w.As(w.RepA)).PostJsonAsync($"/api/v1/tasks/{w.Task1}/closeout-requests", new { reason = "已建成并验收" });
        var after = Badge(await office.GetHtmlAsync("/"));
        Assert.Equal(await UnreadOf(w, w.Office), after);
        Assert.True(after > before, $"badge {after} after the request, {before} before");
    }
}

public sealed class UnreadCountSqliteTests(SqliteLedgerFactory f) : UnreadCountTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class UnreadCountPostgresTests(PostgresLedgerFactory f) : UnreadCountTests(f), IClassFixture<PostgresLedgerFactory>;
