using System.Net;
using System.Text.Json.Nodes;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Dashboard;

/// <summary>
/// 下级汇总 (province → city → county roll-up), API and page: the figures a leader reads per organisation, the ranking,
/// the drill-down, the same 按时报送率 as the year dashboard, access, and a fixed number of SQL commands.
/// </summary>
public abstract class RollupTests(LedgerFactory factory) : IAsyncLifetime
{
    private RollupWorld W = null!;
    public async Task InitializeAsync() => W = await RollupWorld.CreateAsync(factory);
    public Task DisposeAsync() { factory.Clock.Reset(); TestApi.ForgetTokens(factory); return Task.CompletedTask; }

    private async Task<JsonNode> RollupAsync(string user, int org) =>
        await (await factory.ClientAsync(user)).GetJsonAsync($"/api/v1/organisations/{org}/rollup?year={W.Year}");

    private static JsonNode Row(JsonNode rollup, int org) => rollup["children"]!.AsArray().Single(r => r!.Int("organisationId") == org)!;
    private static int Status(JsonNode row, string status) => row["byStatus"]![status]!.GetValue<int>();
    private static double Dbl(JsonNode row, string name) => row[name]!.GetValue<double>();

    [Fact]
    public async Task The_province_sees_each_city_with_everything_below_it_ranked()
    {
        var view = await RollupAsync(W.ProvinceLeader, W.P);
        Assert.Equal(W.P, view.Int("organisationId"));
        // C1 = its own plan + K1 + K2; C2 = K3. Both report 50 % on time (11/22, 3/6); C2 has done more (1/3 > 1/7): C2 first.
        Assert.Equal([W.C2, W.C1], view["children"]!.AsArray().Select(r => r!.Int("organisationId")));
        var c1 = Row(view, W.C1);
        var c2 = Row(view, W.C2);
        Assert.Equal((2, 1), (c1.Int("rank"), c2.Int("rank")));
        Assert.Equal((3, 7), (c1.Int("plans"), c1.Int("tasks")));
        Assert.Equal((1, 3, 1, 1, 1), (Status(c1, "not_started"), Status(c1, "on_track"), Status(c1, "at_risk"), Status(c1, "overdue"), Status(c1, "done")));
        Assert.Equal((22, 11, 0.5), (c1.Int("owed"), c1.Int("onTime"), Dbl(c1, "onTimeRate")));
        Assert.Equal(0.143, Dbl(c1, "completionRate"));
        Assert.Equal((1, 2), (c1.Int("overdue"), c1.Int("openNotices")));       // K1's and C1's own notice
        Assert.Equal((1, 0), (c1.Int("openFindings"), c1.Int("overdueFindings"))); // K1's rectified finding is still 未销号
        Assert.True(c1["hasChildren"]!.GetValue<bool>());

        Assert.Equal((1, 3), (c2.Int("plans"), c2.Int("tasks")));
        Assert.Equal((2, 1), (Status(c2, "overdue"), Status(c2, "done")));
        Assert.Equal((6, 3), (c2.Int("owed"), c2.Int("onTime")));
        Assert.Equal(0, c2.Int("openNotices"));                                  // K3's notice is last year's
        Assert.Equal((2, 1), (c2.Int("openFindings"), c2.Int("overdueFindings")));

        var total = view["total"]!;
        Assert.Equal((4, 10, 28, 14, 2, 3), (total.Int("plans"), total.Int("tasks"), total.Int("owed"), total.Int("onTime"), total.Int("openNotices"), total.Int("openFindings")));
        Assert.Equal((0, 0), (view["own"]!.Int("plans"), view["own"]!.Int("tasks"))); // the province has no plan of its own
    }

    [Fact]
    public async Task A_city_drills_down_to_its_counties_and_a_county_links_its_plan_dashboards()
    {
        var view = await RollupAsync(W.C1Office, W.C1);
        // K2 files everything on time (6/6); K1: owed 1 (closed task, March only) + 3 + 3 + 3 (the supporting unit too) + 3 = 13,
        // on time 1 + 1 (April; March was late) + 3 = 5 (the returned May report does not count)
        Assert.Equal([W.K2, W.K1], view["children"]!.AsArray().Select(r => r!.Int("organisationId")));
        var k1 = Row(view, W.K1);
        Assert.Equal((13, 5, 0.385), (k1.Int("owed"), k1.Int("onTime"), Dbl(k1, "onTimeRate")));
        Assert.Equal((4, 1, 1, 1, 1), (k1.Int("tasks"), Status(k1, "not_started"), Status(k1, "on_track"), Status(k1, "overdue"), Status(k1, "done")));
        Assert.False(k1["hasChildren"]!.GetValue<bool>());
        Assert.Equal([W.K1Plan], k1["planList"]!.AsArray().Select(p => p!.Id()));
        Assert.Equal((6, 6, 1.0), (Row(view, W.K2).Int("owed"), Row(view, W.K2).Int("onTime"), Dbl(Row(view, W.K2), "onTimeRate")));
        var own = view["own"]!;
        Assert.Equal((1, 1, 1, 3, 0), (own.Int("plans"), own.Int("tasks"), Status(own, "at_risk"), own.Int("owed"), own.Int("onTime")));
        Assert.Equal([W.C1], view["trail"]!.AsArray().Select(c => c!.Id()));       // the city office starts at its own organisation
        Assert.Equal([W.P, W.C1], (await RollupAsync(W.ProvinceLeader, W.C1))["trail"]!.AsArray().Select(c => c!.Id()));

        // the page: the ranked table, a city links its drill-down, a county its plan dashboard, the bars' data
        var page = await (await PageClient.SignInAsync(factory, W.ProvinceLeader)).GetHtmlAsync($"/Dashboard/Rollup?Year={W.Year}&OrganisationId={W.P}");
        Assert.Contains($"href=\"/Dashboard/Rollup?Year={W.Year}&amp;OrganisationId={W.C1}\"", page);
        Assert.Contains("id=\"chart-rollup-status\"", page);
        var city = await (await PageClient.SignInAsync(factory, W.C1Office)).GetHtmlAsync($"/Dashboard/Rollup?Year={W.Year}&OrganisationId={W.C1}");
        Assert.Contains($"href=\"/Plans/{W.K1Plan}/Dashboard\"", city);
        Assert.Contains($"href=\"/Plans/{W.C1Plan}/Dashboard\"", city);              // 本级
        Assert.Matches($"data-org=\"{W.K1}\" class=\"rollup-child\">\\s*<td class=\"rank\">2</td>", city);
        Assert.Contains($"{(0.385 * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}% <span class=\"muted\">(5/13)</span>", city);
        Assert.Contains("id=\"nav-rollup\"", city);

        // a county has nobody below: no menu entry, its roll-up is its own plans, no bars (暂无数据)
        var county = await PageClient.SignInAsync(factory, W.K1Leader);
        Assert.DoesNotContain("id=\"nav-rollup\"", await county.GetHtmlAsync("/"));
        var leaf = await county.GetHtmlAsync($"/Dashboard/Rollup?Year={W.Year}");
        Assert.Contains("id=\"rollup-no-children\"", leaf);
        Assert.Contains("id=\"chart-rollup-status-empty\"", leaf);
        Assert.Contains($"href=\"/Plans/{W.K1Plan}/Dashboard\"", leaf);
    }

    [Fact]
    public async Task The_on_time_rate_is_the_year_dashboards()
    {
        foreach (var (leader, org) in new[] { (W.K1Leader, W.K1) })
        {
            var year = await (await factory.ClientAsync(leader)).GetJsonAsync($"/api/v1/dashboard/year?year={W.Year}");
            var units = year["units"]!.AsArray();
            var own = (await RollupAsync(W.ProvinceLeader, W.C1))["children"]!.AsArray().Single(r => r!.Int("organisationId") == org)!;
            Assert.Equal(units.Sum(u => u!.Int("owed")), own.Int("owed"));
            Assert.Equal(units.Sum(u => u!.Int("onTime")), own.Int("onTime"));
        }
        // the province's year dashboard sums every unit of the province: the same totals as the roll-up's
        var all = (await (await factory.ClientAsync(W.ProvinceLeader)).GetJsonAsync($"/api/v1/dashboard/year?year={W.Year}"))["units"]!.AsArray();
        var total = (await RollupAsync(W.ProvinceLeader, W.P))["total"]!;
        Assert.Equal((all.Sum(u => u!.Int("owed")), all.Sum(u => u!.Int("onTime"))), (total.Int("owed"), total.Int("onTime")));
    }

    [Fact]
    public async Task After_a_return_and_a_close_out_the_kept_shares_and_the_written_plans_add_up()
    {
        var before = await RollupAsync(W.ProvinceLeader, W.P); // every plan's share is kept from here on
        Assert.Equal((22, 11), (Row(before, W.C1).Int("owed"), Row(before, W.C1).Int("onTime")));

        // K2's May report of 乙县任务一 returned: C1 (its own plan, K1 and K2) on time 11 → 10 on the next view
        var t5 = TaskId("乙县任务一");
        await WriteAsync(db => db.Reports.Single(r => r.TaskId == t5 && r.Period == $"{W.Year}-05").Return("督查室", "数据有误", factory.Clock.GetUtcNow()));
        var returned = await RollupAsync(W.ProvinceLeader, W.P);
        Assert.Equal((22, 10, 0.455), (Row(returned, W.C1).Int("owed"), Row(returned, W.C1).Int("onTime"), Dbl(Row(returned, W.C1), "onTimeRate")));

        // K3's overdue 丙县逾期一 closed out: C2 done 1 → 2, overdue 2 → 1 — and C2 (2/3 done) still ranks first
        var t9 = TaskId("丙县逾期一");
        await WriteAsync(db =>
        {
            var t = db.Tasks.Single(x => x.Id == t9);
            t.Status = Web.Data.Entities.PlanTaskStatus.Done;
            t.ClosedAt = factory.Clock.GetUtcNow();
        });
        var closed = await RollupAsync(W.ProvinceLeader, W.P);
        Assert.Equal((2, 1), (Status(Row(closed, W.C2), "done"), Status(Row(closed, W.C2), "overdue")));
        Assert.Equal(0.667, Dbl(Row(closed, W.C2), "completionRate"));
        Assert.Equal([W.C2, W.C1], closed["children"]!.AsArray().Select(r => r!.Int("organisationId")));
        // the county's own roll-up reads the same kept share
        Assert.Equal(2, Status((await RollupAsync(W.C2Office, W.C2))["total"]!, "done"));
    }

    private async Task WriteAsync(Action<Web.Data.LedgerDbContext> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.LedgerDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }

    private int TaskId(string heading)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Web.Data.LedgerDbContext>().Tasks.Where(t => t.Heading == heading && t.Plan!.Year == W.Year
            && (t.PlanId == W.K1Plan || t.PlanId == W.K2Plan || t.PlanId == W.C1Plan || t.PlanId == W.K3Plan)).Select(t => t.Id).Single();
    }

    [Fact]
    public async Task Nobody_sees_a_parents_or_a_siblings_roll_up()
    {
        async Task<HttpStatusCode> Get(string user, int org, string query = "") =>
            (await (await factory.ClientAsync(user)).GetAsync($"/api/v1/organisations/{org}/rollup{query}")).StatusCode;
        Assert.Equal(HttpStatusCode.OK, await Get(W.ProvinceLeader, W.K3));
        Assert.Equal(HttpStatusCode.OK, await Get(W.C1Viewer, W.K1));
        Assert.Equal(HttpStatusCode.NotFound, await Get(W.C1Office, W.P));    // the parent
        Assert.Equal(HttpStatusCode.NotFound, await Get(W.C1Office, W.C2));   // a sibling
        Assert.Equal(HttpStatusCode.NotFound, await Get(W.C1Office, W.K3));   // a sibling's county
        Assert.Equal(HttpStatusCode.NotFound, await Get(W.C2Office, W.K1));
        Assert.Equal(HttpStatusCode.Forbidden, await Get(W.K1Reporter, W.K1)); // a unit reporter's view is its tasks, not the roll-up
        Assert.Equal(HttpStatusCode.NotFound, await Get(W.ProvinceLeader, 999_999));
        var bad = await (await factory.ClientAsync(W.ProvinceLeader)).GetAsync($"/api/v1/organisations/{W.P}/rollup?year=1900");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("年度", await bad.ProblemTitle());
        var page = await PageClient.SignInAsync(factory, W.C1Office);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/Dashboard/Rollup?OrganisationId={W.C2}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/Dashboard/Rollup?OrganisationId={W.P}")).StatusCode);
    }

    [Fact]
    public async Task The_roll_up_costs_the_same_number_of_queries_for_two_or_many_organisations()
    {
        async Task<int> Count(string url, HttpClient http)
        {
            (await http.GetAsync(url)).EnsureSuccessStatusCode(); // warm up
            factory.Commands.Reset();
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
            return factory.Commands.Count;
        }
        var api = await factory.ClientAsync(W.ProvinceLeader);
        var page = (await PageClient.SignInAsync(factory, W.ProvinceLeader)).Http;
        var urls = new[] { "/api/v1/organisations/{0}/rollup?year={1}", "/Dashboard/Rollup?Year={1}&OrganisationId={0}" };
        // K2 (a county: nobody below, one plan) against the province (2 cities, 3 counties, 4 plans)
        foreach (var url in urls)
        {
            var http = url.StartsWith("/api", StringComparison.Ordinal) ? api : page;
            var small = await Count(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, W.K2, W.Year), http);
            var large = await Count(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, W.P, W.Year), http);
            Assert.True(small == large, $"{url}: {small} queries for a county, {large} for the province");
            Assert.True(large <= 10, $"{url}: {large} queries");
        }
    }

    [Fact]
    public async Task The_year_dashboard_costs_the_same_number_of_queries_for_one_plan_or_the_provinces_plans()
    {
        async Task<int> Count(string user)
        {
            var http = await factory.ClientAsync(user);
            (await http.GetAsync($"/api/v1/dashboard/year?year={W.Year}")).EnsureSuccessStatusCode(); // warm up
            factory.Commands.Reset();
            (await http.GetAsync($"/api/v1/dashboard/year?year={W.Year}")).EnsureSuccessStatusCode();
            return factory.Commands.Count;
        }
        var county = await Count(W.K1Leader);     // the county's own plan
        var province = await Count(W.ProvinceLeader); // every plan of the province
        Assert.True(county == province, $"{county} queries for a county, {province} for the province");
    }
}

/// <summary>The roll-up composed on every request (no minute's cache), so that the tests read the SQL's and the kept
/// shares' figures right after a write, and count the commands.</summary>
public sealed class RollupSqliteFactory : SqliteLedgerFactory
{
    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) => builder.UseSetting("PlanLedger:RollupCacheFor", "00:00:00");
}

/// <inheritdoc cref="RollupSqliteFactory"/>
public sealed class RollupPostgresFactory : PostgresLedgerFactory
{
    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) => builder.UseSetting("PlanLedger:RollupCacheFor", "00:00:00");
}

public sealed class RollupSqliteTests(RollupSqliteFactory f) : RollupTests(f), IClassFixture<RollupSqliteFactory>;
public sealed class RollupPostgresTests(RollupPostgresFactory f) : RollupTests(f), IClassFixture<RollupPostgresFactory>;
