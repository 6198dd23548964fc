using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanLedger.Web.Data;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Plans;

/// <summary>
/// 对接上级计划 and 下级落实: two counties link their plans to their city's, the proposals pair tasks by text and unit
/// (units compared by name across the two directories), the county offices confirm, reject, add by hand and undo, and the
/// city sees per task which counties carry it and how far they are, in a fixed number of SQL queries.
/// </summary>
public abstract class CascadeTests(LedgerFactory factory) : IAsyncLifetime
{
    private string N = "";
    private int Year, City, CountyA, CountyB, CountyC, CityPlan, PlanA, PlanB, PlanC;
    private Dictionary<string, int> CityTasks = [], A = [], B = [], C = [];
    private HttpClient CityOffice = null!, OfficeA = null!, OfficeB = null!, OfficeC = null!;

    public async Task InitializeAsync()
    {
        Year = DateTime.UtcNow.Year;
        factory.Clock.Set(new DateTimeOffset(Year, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var root = await factory.ClientAsync();
        N = Guid.NewGuid().ToString("N")[..6];
        City = await OrgAsync(root, $"级联市教育局{N}", null, "city");
        CountyA = await OrgAsync(root, $"甲县教育局{N}", City, "county");
        CountyB = await OrgAsync(root, $"乙县教育局{N}", City, "county");
        var otherCity = await OrgAsync(root, $"邻市教育局{N}", null, "city");
        CountyC = await OrgAsync(root, $"丙县教育局{N}", otherCity, "county");
        foreach (var (org, suffix) in new[] { (City, "科"), (CountyA, "股"), (CountyB, "股"), (CountyC, "股") })
        {
            // county A's directory knows the city's name of its unit (an alias): a shared lead unit across the two
            await root.UnitAsync($"学前教育{suffix}{N}", org == CountyA ? $"学前教育科{N}" : null, organisationId: org);
            await root.UnitAsync($"教师工作{suffix}{N}", organisationId: org);
            await root.UnitAsync($"安全稳定{suffix}{N}", organisationId: org);
        }
        await root.UserAsync($"coffice{N}", "office", organisationId: City);
        await root.UserAsync($"aoffice{N}", "office", organisationId: CountyA);
        await root.UserAsync($"aleader{N}", "leader", organisationId: CountyA);
        await root.UserAsync($"boffice{N}", "office", organisationId: CountyB);
        await root.UserAsync($"xoffice{N}", "office", organisationId: CountyC);
        CityOffice = await factory.ClientAsync($"coffice{N}");
        OfficeA = await factory.ClientAsync($"aoffice{N}");
        OfficeB = await factory.ClientAsync($"boffice{N}");
        OfficeC = await factory.ClientAsync($"xoffice{N}");
        (CityPlan, CityTasks) = await PlanAsync(CityOffice, $"""
            {Year}年全市教育工作要点 {N}
            一、重点任务
            1.新建改扩建公办幼儿园。牵头单位：学前教育科{N}。完成时限：年内。
            2.开展中小学教师全员培训。牵头单位：教师工作科{N}。完成时限：年内。
            3.推进校园安全隐患排查整治。牵头单位：安全稳定科{N}。完成时限：6月底前。
            """);
        (PlanA, A) = await PlanAsync(OfficeA, $"""
            {Year}年甲县教育工作要点 {N}
            一、重点任务
            1.新建改扩建公办幼儿园3所。牵头单位：学前教育股{N}。完成时限：年内。
            2.组织中小学教师全员培训。牵头单位：教师工作股{N}。完成时限：年内。
            3.开展劳动教育实践周活动。牵头单位：教师工作股{N}。完成时限：年内。
            """);
        (PlanB, B) = await PlanAsync(OfficeB, $"""
            {Year}年乙县教育工作要点 {N}
            一、重点任务
            1.新建改扩建公办幼儿园2所。牵头单位：学前教育股{N}。完成时限：年内。
            2.推进校园安全隐患排查整治工作。牵头单位：安全稳定股{N}。完成时限：6月底前。
            """);
        (PlanC, C) = await PlanAsync(OfficeC, $"""
            {Year}年丙县教育工作要点 {N}
            一、重点任务
            1.新建改扩建公办幼儿园1所。牵头单位：学前教育股{N}。完成时限：年内。
            """);
    }

    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    private static async Task<int> OrgAsync(HttpClient root, string name, int? parentId, string level) =>
        (await root.PostJsonAsync("/api/v1/organisations", new { name, parentId, level }))["id"]!.GetValue<int>();

    private async Task<(int, Dictionary<string, int>)> PlanAsync(HttpClient http, string text, bool publish = true)
    {
        var plan = await http.PostFileAsync($"plan{N}.txt", SyntheticPlan.Text(text), Year);
        if (publish) await http.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await http.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray();
        return (plan.Id(), tasks.ToDictionary(t => t!.Str("path"), t => t!.Id()));
    }

    private static async Task<JsonNode> PutJsonAsync(HttpClient http, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await http.PutAsJsonAsync(url, body)).JsonAsync(expected);

    private async Task<JsonNode> LinkAsync(HttpClient office, int plan) =>
        await PutJsonAsync(office, $"/api/v1/plans/{plan}/upper-link", new { upperPlanId = CityPlan, version = 0 });

    private static async Task<JsonNode> DecideAsync(HttpClient office, int plan, int version, params (int Task, int Upper, string Decision)[] pairs) =>
        await office.PostJsonAsync($"/api/v1/plans/{plan}/upper-link/pairs",
            new { version, pairs = pairs.Select(p => new { taskId = p.Task, upperTaskId = p.Upper, decision = p.Decision }) }, HttpStatusCode.OK);

    [Fact]
    public async Task Counties_link_their_plans_and_the_city_sees_who_carries_each_task_and_how_far()
    {
        // the county sees its city's plan as the one to choose, never the other city's
        var view = await OfficeA.GetJsonAsync($"/api/v1/plans/{PlanA}/upper-link");
        Assert.Equal([CityPlan], view["choices"]!.AsArray().Select(c => c!.Int("planId")));
        Assert.Null(view["upperPlan"]);

        view = await LinkAsync(OfficeA, PlanA);
        Assert.Equal(CityPlan, view["upperPlan"]!.Int("planId"));
        var proposals = view["suggestions"]!.AsArray().ToDictionary(s => s!.Int("taskId"), s => s!.Int("upperTaskId"));
        Assert.Equal(CityTasks["一/1"], proposals[A["一/1"]]);
        Assert.Equal(CityTasks["一/2"], proposals[A["一/2"]]);
        Assert.False(proposals.ContainsKey(A["一/3"])); // 劳动教育 is the county's own
        var sameUnit = view["suggestions"]!.AsArray().Single(s => s!.Int("taskId") == A["一/1"])!;
        Assert.True(sameUnit["sameUnits"]!.GetValue<bool>()); // 学前教育股 is known as 学前教育科 in county A's directory
        // confirm all the proposals at once
        view = await DecideAsync(OfficeA, PlanA, view.Int("version"),
            proposals.Select(p => (p.Key, p.Value, "confirm")).ToArray());
        Assert.Equal(2, view["confirmed"]!.AsArray().Count);
        Assert.Empty(view["suggestions"]!.AsArray());

        // county B: confirm the kindergartens, reject the safety proposal, then add it by hand after all
        view = await LinkAsync(OfficeB, PlanB);
        var bProposals = view["suggestions"]!.AsArray().ToDictionary(s => s!.Int("taskId"), s => s!.Int("upperTaskId"));
        Assert.Equal(CityTasks["一/3"], bProposals[B["一/2"]]);
        view = await DecideAsync(OfficeB, PlanB, view.Int("version"), (B["一/1"], CityTasks["一/1"], "confirm"), (B["一/2"], CityTasks["一/3"], "reject"));
        Assert.Empty(view["suggestions"]!.AsArray()); // a rejected pair is not proposed again
        Assert.Equal(B["一/2"], view["rejected"]!.AsArray().Single()!.Int("taskId"));
        var rejected = view["rejected"]!.AsArray().Single()!.Id();
        view = await (await OfficeB.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/plans/{PlanB}/upper-link/pairs/{rejected}")
            { Headers = { { "If-Match", $"\"{view.Int("version")}\"" } } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(B["一/2"], view["suggestions"]!.AsArray().Single()!.Int("taskId")); // undone: proposed again
        view = await DecideAsync(OfficeB, PlanB, view.Int("version"), (B["一/2"], CityTasks["一/3"], "confirm"));
        var hand = view["confirmed"]!.AsArray().Single(p => p!.Int("taskId") == B["一/2"])!;
        Assert.False(hand["manual"]!.GetValue<bool>());

        // county B files a report on its kindergartens; its safety task (due 30 June) is overdue
        await OfficeB.PostJsonAsync($"/api/v1/tasks/{B["一/1"]}/reports", new { period = $"{Year}-10", progress = 60, text = "2所幼儿园主体完工" });

        var cascade = await CityOffice.GetJsonAsync($"/api/v1/plans/{CityPlan}/cascade");
        var orgs = cascade["organisations"]!.AsArray();
        Assert.Equal(new[] { $"甲县教育局{N}", $"乙县教育局{N}" }.ToHashSet(), orgs.Select(o => o!.Str("name")).ToHashSet());
        Assert.DoesNotContain(orgs, o => o!.Str("name").StartsWith("丙县", StringComparison.Ordinal)); // another city's county
        var tasks = cascade["tasks"]!.AsArray().ToDictionary(t => t!.Int("taskId"));
        var kinder = tasks[CityTasks["一/1"]]!;
        Assert.Equal(2, kinder.Int("counties"));
        Assert.Equal(0, kinder.Int("done"));
        Assert.Equal(0, kinder.Int("overdue"));
        var bCarrier = kinder["carriers"]!.AsArray().Single(c => c!.Int("organisationId") == CountyB)!;
        Assert.Equal(60, bCarrier.Int("progress"));
        Assert.Equal("新建改扩建公办幼儿园2所", bCarrier.Str("heading"));
        Assert.NotNull(bCarrier["lastReportAt"]);
        Assert.Null(kinder["carriers"]!.AsArray().Single(c => c!.Int("organisationId") == CountyA)!["lastReportAt"]);
        var safety = tasks[CityTasks["一/3"]]!;
        Assert.Equal(1, safety.Int("counties"));
        Assert.Equal(1, safety.Int("overdue"));
        Assert.True(safety["carriers"]!.AsArray().Single()!["overdue"]!.GetValue<bool>());
        Assert.Equal([$"甲县教育局{N}"], safety["notLinked"]!.AsArray().Select(x => x!.GetValue<string>()));
        var training = tasks[CityTasks["一/2"]]!;
        Assert.Equal([$"乙县教育局{N}"], training["notLinked"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(3, cascade.Int("tasksCarried"));

        // the task page's panel of one city task
        var panel = await CityOffice.GetJsonAsync($"/api/v1/tasks/{CityTasks["一/3"]}/cascade");
        Assert.Equal(1, panel.Int("overdue"));
        var page = await PageClient.SignInAsync(factory, $"coffice{N}");
        var html = await page.GetHtmlAsync($"/Plans/{CityPlan}/Cascade");
        Assert.Contains("下级落实", html);
        Assert.Contains("未对接", html);
        Assert.Contains("新建改扩建公办幼儿园2所", html);
        var part = await page.GetHtmlAsync($"/Tasks/{CityTasks["一/1"]}/Cascade?handler=Part");
        Assert.Contains("下级落实情况", part);
        Assert.Contains($"乙县教育局{N}", part);
    }

    [Fact]
    public async Task A_county_with_no_link_is_not_linked_and_the_county_task_carries_one_upper_task_only()
    {
        var view = await LinkAsync(OfficeA, PlanA);
        view = await DecideAsync(OfficeA, PlanA, view.Int("version"), (A["一/3"], CityTasks["一/2"], "confirm"));
        Assert.True(view["confirmed"]!.AsArray().Single()!["manual"]!.GetValue<bool>()); // added by hand
        var v = view.Int("version");
        // the same county task with another upper task → 409; two upper tasks in one request → 400
        var url = $"/api/v1/plans/{PlanA}/upper-link/pairs";
        Assert.Equal(HttpStatusCode.Conflict, await OfficeA.Post(url, new { version = v, pairs = new[] { new { taskId = A["一/3"], upperTaskId = CityTasks["一/1"], decision = "confirm" } } }).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await OfficeA.Post(url, new { version = v, pairs = new[] {
            new { taskId = A["一/1"], upperTaskId = CityTasks["一/1"], decision = "confirm" }, new { taskId = A["一/1"], upperTaskId = CityTasks["一/2"], decision = "confirm" } } }).StatusOf());
        // a section, a task of another plan, an unknown decision → 400
        var cityTasks = (await CityOffice.GetJsonAsync($"/api/v1/plans/{CityPlan}/tasks")).AsArray();
        var section = cityTasks.Single(t => t!.Str("path") == "一")!.Id();
        Assert.Equal(HttpStatusCode.BadRequest, await OfficeA.Post(url, new { version = v, pairs = new[] { new { taskId = A["一/1"], upperTaskId = section, decision = "confirm" } } }).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await OfficeA.Post(url, new { version = v, pairs = new[] { new { taskId = B["一/1"], upperTaskId = CityTasks["一/1"], decision = "confirm" } } }).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await OfficeA.Post(url, new { version = v, pairs = new[] { new { taskId = A["一/1"], upperTaskId = CityTasks["一/1"], decision = "maybe" } } }).StatusOf());

        // county B has not linked: 未对接 on every task of the city
        var cascade = await CityOffice.GetJsonAsync($"/api/v1/plans/{CityPlan}/cascade");
        var b = cascade["organisations"]!.AsArray().Single(o => o!.Int("organisationId") == CountyB)!;
        Assert.Null(b["planId"]);
        Assert.All(cascade["tasks"]!.AsArray(), t => Assert.Contains($"乙县教育局{N}", t!["notLinked"]!.AsArray().Select(x => x!.GetValue<string>())));
        var training = cascade["tasks"]!.AsArray().Single(t => t!.Int("taskId") == CityTasks["一/2"])!;
        Assert.Equal(A["一/3"], training["carriers"]!.AsArray().Single()!.Int("taskId"));
    }

    [Fact]
    public async Task Only_the_county_office_links_only_to_a_plan_above_and_nobody_sees_a_siblings_tasks()
    {
        var url = $"/api/v1/plans/{PlanA}/upper-link";
        // a county's leader may not link (403); another county's office does not see the plan (404)
        var leader = await factory.ClientAsync($"aleader{N}");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync(url, new { upperPlanId = CityPlan })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OfficeB.PutAsJsonAsync(url, new { upperPlanId = CityPlan })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OfficeB.GetAsync(url)).StatusCode);
        // a sibling county's plan, another city's plan, its own plan → 400 with a Chinese title
        var res = await OfficeA.PutAsJsonAsync(url, new { upperPlanId = PlanB });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType!.MediaType);
        Assert.Contains("上级", await res.ProblemTitle());
        Assert.Equal(HttpStatusCode.BadRequest, (await OfficeC.PutAsJsonAsync($"/api/v1/plans/{PlanC}/upper-link", new { upperPlanId = CityPlan })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await OfficeA.PutAsJsonAsync(url, new { upperPlanId = PlanA })).StatusCode);
        // a draft city plan is not offered
        var (draft, _) = await PlanAsync(CityOffice, $"""
            {Year}年全市教育工作要点（征求意见稿）{N}
            一、重点任务
            1.新建改扩建公办幼儿园。牵头单位：学前教育科{N}。完成时限：年内。
            """, publish: false);
        Assert.Equal(HttpStatusCode.BadRequest, (await OfficeA.PutAsJsonAsync(url, new { upperPlanId = draft })).StatusCode);

        // a county cannot read the city's 下级落实 (nor its sibling's tasks through it)
        Assert.Equal(HttpStatusCode.NotFound, (await OfficeA.GetAsync($"/api/v1/plans/{CityPlan}/cascade")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OfficeA.GetAsync($"/api/v1/tasks/{CityTasks["一/1"]}/cascade")).StatusCode);
        // a county draft linked to the city is not shown to the city until published
        var (draftA, draftTasks) = await PlanAsync(OfficeA, $"""
            {Year}年甲县专项工作安排（草稿）{N}
            一、重点任务
            1.新建改扩建公办幼儿园5所。牵头单位：学前教育股{N}。完成时限：年内。
            """, publish: false);
        var v = (await PutJsonAsync(OfficeA, $"/api/v1/plans/{draftA}/upper-link", new { upperPlanId = CityPlan })).Int("version");
        await DecideAsync(OfficeA, draftA, v, (draftTasks["一/1"], CityTasks["一/1"], "confirm"));
        var cascade = await CityOffice.GetJsonAsync($"/api/v1/plans/{CityPlan}/cascade");
        Assert.Equal(0, cascade["tasks"]!.AsArray().Single(t => t!.Int("taskId") == CityTasks["一/1"])!.Int("counties"));
    }

    [Fact]
    public async Task A_decision_on_a_stale_view_is_409()
    {
        var view = await LinkAsync(OfficeA, PlanA);
        var stale = view.Int("version");
        await DecideAsync(OfficeA, PlanA, stale, (A["一/1"], CityTasks["一/1"], "confirm"));
        var res = await OfficeA.Post($"/api/v1/plans/{PlanA}/upper-link/pairs",
            new { version = stale, pairs = new[] { new { taskId = A["一/2"], upperTaskId = CityTasks["一/2"], decision = "confirm" } } });
        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
        Assert.Equal("对接情况已被他人修改，请重新加载后再操作", await res.ProblemTitle());
        Assert.Equal(HttpStatusCode.Conflict, (await OfficeA.PutAsJsonAsync($"/api/v1/plans/{PlanA}/upper-link", new { upperPlanId = CityPlan, version = stale })).StatusCode);
        // a second link created from a view that had none → 409
        Assert.Equal(HttpStatusCode.Conflict, (await OfficeA.PutAsJsonAsync($"/api/v1/plans/{PlanA}/upper-link", new { upperPlanId = CityPlan, version = 0 })).StatusCode);
        // every decision is in the audit trail, by the person's name
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "UpperTaskLink" || a.Entity == "UpperLink").ToListAsync();
        Assert.Contains(audit, a => a.Entity == "UpperTaskLink" && a.Action == "added" && a.After!.Contains($"\"TaskId\":{A["一/1"]}"));
        Assert.Contains(audit, a => a.Entity == "UpperLink" && a.Action == "added");
    }

    [Fact]
    public async Task The_county_page_links_confirms_the_ticked_pairs_and_refuses_a_stale_form()
    {
        var page = await PageClient.SignInAsync(factory, $"aoffice{N}");
        var url = $"/Plans/{PlanA}/UpperLink";
        var html = await page.GetHtmlAsync(url);
        Assert.Contains($"级联市教育局{N}", html); // the choice: the city and its plan
        var res = await page.PostFormAsync(url, $"{url}?handler=Choose", new() { ["upperPlanId"] = CityPlan.ToString(), ["version"] = "0" });
        html = await res.Content.ReadAsStringAsync();
        Assert.Contains("已选择上级计划", html);
        Assert.Contains("id=\"suggestions\"", html);
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        res = await page.PostFormAsync(url, $"{url}?handler=Decide", new()
            { ["pair"] = $"{A["一/1"]}:{CityTasks["一/1"]}", ["decision"] = "confirm", ["version"] = version });
        html = await res.Content.ReadAsStringAsync();
        Assert.Contains("已对接 1 项任务", html);
        Assert.Contains("id=\"confirmed\"", html);
        // a form from the page as it was before: refused, nothing changes
        res = await page.PostFormAsync(url, $"{url}?handler=Decide", new()
            { ["pair"] = $"{A["一/2"]}:{CityTasks["一/2"]}", ["decision"] = "confirm", ["version"] = version });
        html = await res.Content.ReadAsStringAsync();
        Assert.Contains("对接情况已被他人修改，请重新加载后再操作", html);
        var view = await OfficeA.GetJsonAsync($"/api/v1/plans/{PlanA}/upper-link");
        Assert.Single(view["confirmed"]!.AsArray());
        // the leader of the county may not open the page
        var leader = await PageClient.SignInAsync(factory, $"aleader{N}");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_cities_view_costs_the_same_number_of_queries_for_one_county_or_two()
    {
        var page = await PageClient.SignInAsync(factory, $"coffice{N}");
        async Task<int> CountAsync(string url, HttpClient client)
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
            factory.Commands.Reset();
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
            return factory.Commands.Count;
        }
        var view = await LinkAsync(OfficeA, PlanA);
        await DecideAsync(OfficeA, PlanA, view.Int("version"), (A["一/1"], CityTasks["一/1"], "confirm"));
        var oneApi = await CountAsync($"/api/v1/plans/{CityPlan}/cascade", CityOffice);
        var onePage = await CountAsync($"/Plans/{CityPlan}/Cascade", page.Http);
        view = await LinkAsync(OfficeB, PlanB);
        await DecideAsync(OfficeB, PlanB, view.Int("version"), (B["一/1"], CityTasks["一/1"], "confirm"), (B["一/2"], CityTasks["一/3"], "confirm"));
        await OfficeB.PostJsonAsync($"/api/v1/tasks/{B["一/1"]}/reports", new { period = $"{Year}-10", progress = 60, text = "进展" });
        Assert.Equal(oneApi, await CountAsync($"/api/v1/plans/{CityPlan}/cascade", CityOffice));
        Assert.Equal(onePage, await CountAsync($"/Plans/{CityPlan}/Cascade", page.Http));
        Assert.True(oneApi <= 10, $"{oneApi} queries");
    }
}

public sealed class CascadeSqliteTests(SqliteLedgerFactory f) : CascadeTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class CascadePostgresTests(PostgresLedgerFactory f) : CascadeTests(f), IClassFixture<PostgresLedgerFactory>;
