using System.Net;
using System.Text.Json.Nodes;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Plans;

/// <summary>
/// Next year's plan from this year's: the proposed pairs (character bigrams) are confirmed by the office, last year's
/// unfinished tasks are carried over, the task page shows its history across years, and the year dashboard compares the
/// targets and actuals of the recurring tasks.
/// </summary>
public abstract class YearLinksTests(LedgerFactory factory) : IAsyncLifetime
{
    private string N = "";
    private int Org, Last, This, Sibling;
    private Dictionary<string, int> Old = [], New = [];
    private HttpClient Office = null!;

    public async Task InitializeAsync()
    {
        factory.Clock.Reset();
        var root = await factory.ClientAsync();
        N = Guid.NewGuid().ToString("N")[..6];
        Org = await root.OrganisationAsync($"对照县教育局{N}");
        var sibling = await root.OrganisationAsync($"对照邻县{N}");
        await root.UnitAsync($"基础教育股{N}", organisationId: Org);
        await root.UnitAsync($"人事股{N}", organisationId: Org);
        await root.UserAsync($"yoffice{N}", "office", organisationId: Org);
        await root.UserAsync($"yleader{N}", "leader", organisationId: Org);
        await root.UserAsync($"ysoffice{N}", "office", organisationId: sibling);
        Office = await factory.ClientAsync($"yoffice{N}");
        var year = DateTime.UtcNow.Year;
        (Last, Old) = await PlanAsync(year - 1, $"""
            {year - 1}年工作要点 {N}
            一、重点任务
            1.新建幼儿园3处。牵头单位：基础教育股{N}。完成时限：年内。
            2.培训教师500人次。牵头单位：人事股{N}。完成时限：年内。
            3.完成校舍安全排查。牵头单位：基础教育股{N}。完成时限：年内。
            """);
        (This, New) = await PlanAsync(year, $"""
            {year}年工作要点 {N}
            一、重点任务
            1.新建幼儿园5处。牵头单位：基础教育股{N}。完成时限：年内。
            2.开展劳动教育实践活动。牵头单位：人事股{N}。完成时限：年内。
            """);
        var sOffice = await factory.ClientAsync($"ysoffice{N}");
        (Sibling, _) = await PlanAsync(year - 1, $"""
            {year - 1}年邻县工作要点 {N}
            一、重点任务
            1.新建幼儿园4处。牵头单位：基础教育股{N}。完成时限：年内。
            """, sOffice);
        // Last year: the kindergartens task finished at 3 of 3, the training at 60 %, the safety check not done.
        var k = (await Office.GetJsonAsync($"/api/v1/plans/{Last}/tasks")).AsArray().Single(t => t!.Id() == Old["一/1"])!;
        var target = k["targets"]!.AsArray()[0]!.Id();
        await Office.PostJsonAsync($"/api/v1/tasks/{Old["一/1"]}/reports",
            new { period = $"{year - 1}-11", progress = 100, text = "新建幼儿园3处已投用", actuals = new[] { new { targetId = target, value = 3 } } });
        await Office.PostJsonAsync($"/api/v1/tasks/{Old["一/1"]}/close", new { reason = "已全部完成" }, HttpStatusCode.OK);
        await Office.PostJsonAsync($"/api/v1/tasks/{Old["一/2"]}/reports", new { period = $"{year - 1}-11", progress = 60, text = "培训300人次" });
    }

    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    private async Task<(int, Dictionary<string, int>)> PlanAsync(int year, string text, HttpClient? by = null)
    {
        var http = by ?? Office;
        var plan = await http.PostFileAsync($"plan{year}.txt", SyntheticPlan.Text(text), year);
        await http.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await http.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray();
        return (plan.Id(), tasks.ToDictionary(t => t!.Str("path"), t => t!.Id()));
    }

    [Fact]
    public async Task The_office_confirms_a_proposed_pair_and_the_task_shows_both_years()
    {
        var matches = await Office.GetJsonAsync($"/api/v1/plans/{This}/matches");
        var pair = matches["matches"]!.AsArray().Single(m => m!.Int("taskId") == New["一/1"])!;
        Assert.Equal(Old["一/1"], pair.Int("previousTaskId"));
        Assert.DoesNotContain(matches["matches"]!.AsArray(), m => m!.Int("taskId") == New["一/2"]); // 劳动教育 is new

        var confirmed = await Office.PostJsonAsync($"/api/v1/plans/{This}/matches/confirmed",
            new { pairs = new[] { new { taskId = New["一/1"], previousTaskId = (int?)Old["一/1"] } } }, HttpStatusCode.OK);
        Assert.Equal(Old["一/1"], confirmed.AsArray().Single()!.Int("previousTaskId"));

        var years = (await Office.GetJsonAsync($"/api/v1/tasks/{New["一/1"]}/years")).AsArray();
        Assert.Equal([DateTime.UtcNow.Year - 1, DateTime.UtcNow.Year], years.Select(y => y!.Int("year")));
        Assert.Equal("done", years[0]!.Str("status"));
        Assert.Equal("新建幼儿园3处已投用", years[0]!.Str("lastReport"));
        // the same chain read from last year's task
        Assert.Equal(2, (await Office.GetJsonAsync($"/api/v1/tasks/{Old["一/1"]}/years")).AsArray().Count);

        var page = await PageClient.SignInAsync(factory, $"yoffice{N}");
        var html = await page.GetHtmlAsync($"/Tasks/{New["一/1"]}/Years?handler=Part");
        Assert.Contains("历年情况", html);
        Assert.Contains("新建幼儿园3处已投用", html);

        // the year dashboard compares the recurring task's targets: 5 this year against 3 (actual 3) last year
        var overview = await (await factory.ClientAsync($"yleader{N}")).GetJsonAsync($"/api/v1/dashboard/year?year={DateTime.UtcNow.Year}");
        var recurring = overview["recurring"]!.AsArray().Single()!;
        Assert.Equal(New["一/1"], recurring.Int("taskId"));
        var t = recurring["targets"]!.AsArray().Single()!;
        Assert.Equal(5m, t["value"]!.GetValue<decimal>());
        Assert.Equal(3m, t["previousValue"]!.GetValue<decimal>());
        Assert.Equal(3m, t["previousActual"]!.GetValue<decimal>());
        var yearPage = await (await PageClient.SignInAsync(factory, $"yleader{N}")).GetHtmlAsync($"/Dashboard/Year?year={DateTime.UtcNow.Year}");
        Assert.Contains("id=\"recurring\"", yearPage);
    }

    [Fact]
    public async Task Pairs_are_checked_and_only_the_plans_office_may_confirm_them()
    {
        var url = $"/api/v1/plans/{This}/matches/confirmed";
        object Body(int task, int? prev) => new { pairs = new[] { new { taskId = task, previousTaskId = prev } } };
        // a task of another plan, a previous task of this year, of a sibling organisation, or the same previous task twice
        Assert.Equal(HttpStatusCode.BadRequest, await Office.Post(url, Body(Old["一/2"], Old["一/1"])).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await Office.Post(url, Body(New["一/1"], New["一/2"])).StatusOf());
        var siblingTask = (await (await factory.ClientAsync($"ysoffice{N}")).GetJsonAsync($"/api/v1/plans/{Sibling}/tasks")).AsArray()
            .Single(x => x!.Str("path") == "一/1")!.Id();
        Assert.Equal(HttpStatusCode.BadRequest, await Office.Post(url, Body(New["一/1"], siblingTask)).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await Office.Post(url, new { pairs = new[] {
            new { taskId = New["一/1"], previousTaskId = (int?)Old["一/1"] }, new { taskId = New["一/2"], previousTaskId = (int?)Old["一/1"] } } }).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await Office.Post(url, new { pairs = Array.Empty<object>() }).StatusOf());
        // the previous task already paired with another task of this plan → 409
        await Office.PostJsonAsync(url, Body(New["一/1"], Old["一/3"]), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, await Office.Post(url, Body(New["一/2"], Old["一/3"])).StatusOf());
        // clearing a pair
        Assert.Empty((await Office.PostJsonAsync(url, Body(New["一/1"], null), HttpStatusCode.OK)).AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, await (await factory.ClientAsync($"yleader{N}")).Post(url, Body(New["一/1"], Old["一/1"])).StatusOf());
        Assert.Equal(HttpStatusCode.NotFound, await (await factory.ClientAsync($"ysoffice{N}")).Post(url, Body(New["一/1"], Old["一/1"])).StatusOf());
    }

    [Fact]
    public async Task Unfinished_tasks_are_carried_over_with_their_units_and_targets_and_finished_ones_refused()
    {
        var url = $"/api/v1/plans/{This}/carry-over";
        Assert.Equal(HttpStatusCode.Conflict, await Office.Post(url, new { taskIds = new[] { Old["一/1"] } }).StatusOf()); // done
        Assert.Equal(HttpStatusCode.BadRequest, await Office.Post(url, new { taskIds = new[] { New["一/2"] } }).StatusOf()); // this year's
        Assert.Equal(HttpStatusCode.BadRequest, await Office.Post(url, new { taskIds = Array.Empty<int>() }).StatusOf());
        Assert.Equal(HttpStatusCode.Forbidden, await (await factory.ClientAsync($"yleader{N}")).Post(url, new { taskIds = new[] { Old["一/3"] } }).StatusOf());

        var pairs = (await Office.PostJsonAsync(url, new { taskIds = new[] { Old["一/2"], Old["一/3"] } }, HttpStatusCode.OK)).AsArray();
        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, p => Assert.True(p!["carriedOver"]!.GetValue<bool>()));
        var tasks = (await Office.GetJsonAsync($"/api/v1/plans/{This}/tasks")).AsArray();
        var section = tasks.Single(t => t!.Str("heading") == "结转任务")!;
        var carried = tasks.Where(t => t!["parentId"]?.GetValue<int>() == section.Id()).ToList();
        Assert.Equal(["培训教师500人次", "完成校舍安全排查"], carried.Select(t => t!.Str("heading")));
        Assert.Equal($"人事股{N}", carried[0]!["lead"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal(500m, carried[0]!["targets"]!.AsArray().Single()!["value"]!.GetValue<decimal>());
        Assert.Equal(0, carried[0]!.Int("progress"));
        // carrying the same task again → 409; its history shows last year's 60 %
        Assert.Equal(HttpStatusCode.Conflict, await Office.Post(url, new { taskIds = new[] { Old["一/2"] } }).StatusOf());
        var years = (await Office.GetJsonAsync($"/api/v1/tasks/{carried[0]!.Id()}/years")).AsArray();
        Assert.Equal(60, years[0]!.Int("progress"));
        Assert.True(years[1]!["carriedOver"]!.GetValue<bool>());

        // the page: the remaining unfinished list no longer offers them
        var page = await PageClient.SignInAsync(factory, $"yoffice{N}");
        var html = await page.GetHtmlAsync($"/Plans/{This}/Matches");
        Assert.Contains("上年任务均已完成或已有对照", html);
    }

    [Fact]
    public async Task The_matches_page_confirms_the_ticked_pairs()
    {
        var page = await PageClient.SignInAsync(factory, $"yoffice{N}");
        var html = await page.GetHtmlAsync($"/Plans/{This}/Matches");
        Assert.Contains("确认勾选的对照", html);
        Assert.Contains("完成校舍安全排查", html); // an unfinished task to carry over
        var res = await page.PostFormAsync($"/Plans/{This}/Matches", $"/Plans/{This}/Matches?handler=Confirm",
            new() { ["pair"] = $"{New["一/1"]}:{Old["一/1"]}" });
        var after = await res.Content.ReadAsStringAsync();
        Assert.Contains("已确认 1 对", after);
        Assert.Contains("class=\"confirmed\"", after);
        var res2 = await page.PostFormAsync($"/Plans/{This}/Matches", $"/Plans/{This}/Matches?handler=CarryOver",
            new() { ["taskIds"] = Old["一/3"].ToString() });
        Assert.Contains("已结转 1 项任务", await res2.Content.ReadAsStringAsync());
    }
}

public sealed class YearLinksSqliteTests(SqliteLedgerFactory f) : YearLinksTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class YearLinksPostgresTests(PostgresLedgerFactory f) : YearLinksTests(f), IClassFixture<PostgresLedgerFactory>;
