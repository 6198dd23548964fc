using System.Net;
using System.Net.Http.Json;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>The access rules through the API: roles × actions on real data, two sibling organisations.</summary>
public abstract class AuthorisationApiTests(LedgerFactory factory) : IAsyncLifetime
{
    private sealed record World(Dictionary<string, string> Users, int PlanA, int TaskOfUnitA, int TaskOfUnitB);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<LedgerFactory, Lazy<Task<World>>> Worlds = new();

    private HttpClient _root = null!;
    private int _planA, _taskOfUnitA, _taskOfUnitB;

    public async Task InitializeAsync()
    {
        _root = await factory.ClientAsync();
        var world = await Worlds.GetOrAdd(factory, _ => new Lazy<Task<World>>(BuildAsync)).Value;
        (Users, _planA, _taskOfUnitA, _taskOfUnitB) = (world.Users, world.PlanA, world.TaskOfUnitA, world.TaskOfUnitB);
    }

    /// <summary>Two sibling organisations under the root; A has two units, a user of every role, a published plan.</summary>
    private async Task<World> BuildAsync()
    {
        var n = Guid.NewGuid().ToString("N")[..6];
        var orgA = await _root.OrganisationAsync($"甲县教育局{n}");
        var orgB = await _root.OrganisationAsync($"乙县教育局{n}");
        var unitA = await _root.UnitAsync("股室A", organisationId: orgA);
        var unitB = await _root.UnitAsync("股室B", organisationId: orgA);
        await _root.UserAsync($"a-admin{n}", "admin", organisationId: orgA);
        await _root.UserAsync($"a-office{n}", "office", organisationId: orgA);
        await _root.UserAsync($"a-rep{n}", "reporter", unitA, orgA);
        await _root.UserAsync($"a-lead{n}", "leader", organisationId: orgA);
        await _root.UserAsync($"a-view{n}", "viewer", organisationId: orgA);
        await _root.UserAsync($"b-lead{n}", "leader", organisationId: orgB);
        await _root.UserAsync($"b-office{n}", "office", organisationId: orgB);
        var users = new Dictionary<string, string>
        {
            ["admin"] = $"a-admin{n}", ["office"] = $"a-office{n}", ["reporter"] = $"a-rep{n}",
            ["leader"] = $"a-lead{n}", ["viewer"] = $"a-view{n}", ["otherLeader"] = $"b-lead{n}", ["otherOffice"] = $"b-office{n}",
        };
        var office = await factory.ClientAsync(users["office"]);
        var planA = (await office.PostFileAsync("a.txt", SyntheticPlan.Unique())).Id();
        var tasks = (await office.GetJsonAsync($"/api/v1/plans/{planA}/tasks")).AsArray();
        Assert.True(tasks.Count >= 2, "the engine should find at least two tasks in the synthetic plan");
        var (taskA, taskB) = (tasks[^1]!.Id(), tasks[^2]!.Id());
        await office.PostJsonAsync($"/api/v1/plans/{planA}/publish", new { }, HttpStatusCode.OK);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        db.TaskUnits.Add(new() { TaskId = taskA, UnitId = unitA, Name = "股室A" });
        db.TaskUnits.Add(new() { TaskId = taskB, UnitId = unitB, Name = "股室B" });
        await db.SaveChangesAsync();
        return new World(users, planA, taskA, taskB);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Dictionary<string, string> Users { get; set; } = [];

    private Task<HttpClient> As(string who) => factory.ClientAsync(Users[who]);

    private static object Report => new { period = "2026-05", progress = 10, text = "x" };

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)] [InlineData("office", HttpStatusCode.OK)] [InlineData("reporter", HttpStatusCode.OK)]
    [InlineData("leader", HttpStatusCode.OK)] [InlineData("viewer", HttpStatusCode.OK)]
    [InlineData("otherLeader", HttpStatusCode.NotFound)] [InlineData("otherOffice", HttpStatusCode.NotFound)]
    public async Task Reading_the_plan(string who, HttpStatusCode expected)
    {
        var http = await As(who);
        Assert.Equal(expected, (await http.GetAsync($"/api/v1/plans/{_planA}/tasks")).StatusCode);
        Assert.Equal(expected, (await http.GetAsync($"/api/v1/plans/{_planA}/summary")).StatusCode);
        var listed = (await http.GetJsonAsync("/api/v1/plans")).AsArray().Any(p => p!.Id() == _planA);
        Assert.Equal(expected == HttpStatusCode.OK, listed);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.Created)] [InlineData("office", HttpStatusCode.Created)]
    [InlineData("reporter", HttpStatusCode.Forbidden)] [InlineData("leader", HttpStatusCode.Forbidden)] [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task Importing_a_plan(string who, HttpStatusCode expected)
    {
        var res = await (await As(who)).UploadAsync("x.txt", SyntheticPlan.Unique());
        Assert.Equal(expected, res.StatusCode);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.Created)] [InlineData("office", HttpStatusCode.Created)] [InlineData("reporter", HttpStatusCode.Created)]
    [InlineData("leader", HttpStatusCode.Forbidden)] [InlineData("viewer", HttpStatusCode.Forbidden)]
    [InlineData("otherLeader", HttpStatusCode.NotFound)] [InlineData("otherOffice", HttpStatusCode.NotFound)]
    public async Task Reporting_on_unit_As_task(string who, HttpStatusCode expected)
    {
        var body = new { period = $"2026-{Array.IndexOf(new[] { "admin", "office", "reporter" }, who) + 2:00}", progress = 10, text = "x" };
        var res = await (await As(who)).PostAsJsonAsync($"/api/v1/tasks/{_taskOfUnitA}/reports", body);
        Assert.Equal(expected, res.StatusCode);
    }

    [Fact]
    public async Task A_reporter_of_unit_A_cannot_report_on_unit_Bs_task()
    {
        var res = await (await As("reporter")).PostAsJsonAsync($"/api/v1/tasks/{_taskOfUnitB}/reports", Report);
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.NotEmpty(await res.ProblemTitle());
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)] [InlineData("office", HttpStatusCode.OK)]
    [InlineData("reporter", HttpStatusCode.Forbidden)] [InlineData("leader", HttpStatusCode.Forbidden)] [InlineData("viewer", HttpStatusCode.Forbidden)]
    [InlineData("otherOffice", HttpStatusCode.NotFound)]
    public async Task Closing_out_a_task(string who, HttpStatusCode expected)
    {
        var office = await As("office");
        var plan = (await office.PostFileAsync("c.txt", SyntheticPlan.Unique())).Id();
        await office.PostJsonAsync($"/api/v1/plans/{plan}/publish", new { }, HttpStatusCode.OK);
        var task = (await office.GetJsonAsync($"/api/v1/plans/{plan}/tasks")).AsArray()[0]!.Id();
        Assert.Equal(expected, (await (await As(who)).PostAsJsonAsync($"/api/v1/tasks/{task}/close", new { reason = "已完成" })).StatusCode);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.Created)] [InlineData("office", HttpStatusCode.Forbidden)]
    [InlineData("reporter", HttpStatusCode.Forbidden)] [InlineData("leader", HttpStatusCode.Forbidden)] [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task Creating_users(string who, HttpStatusCode expected)
    {
        var res = await (await As(who)).PostAsJsonAsync("/api/v1/users",
            new { userName = "u" + Guid.NewGuid().ToString("N")[..8], password = TestApi.Password, role = "viewer" });
        Assert.Equal(expected, res.StatusCode);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.Created)] [InlineData("office", HttpStatusCode.Created)]
    [InlineData("reporter", HttpStatusCode.Forbidden)] [InlineData("leader", HttpStatusCode.Forbidden)] [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task Creating_units(string who, HttpStatusCode expected)
    {
        var res = await (await As(who)).PostAsJsonAsync("/api/v1/units", new { name = "单位" + Guid.NewGuid().ToString("N")[..6], kind = "school" });
        Assert.Equal(expected, res.StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_shows_only_changes_made_within_the_organisation()
    {
        var office = await As("office");
        var name = "审计可见" + Guid.NewGuid().ToString("N")[..6];
        await office.UnitAsync(name);
        var own = await PageClient.SignInAsync(factory, Users["office"], TestApi.Password);
        Assert.Contains(name, await own.GetHtmlAsync("/Audit?Entity=Unit"));
        var root = await PageClient.SignInAsync(factory);
        Assert.Contains(name, await root.GetHtmlAsync("/Audit?Entity=Unit"));
        var sibling = await PageClient.SignInAsync(factory, Users["otherOffice"], TestApi.Password);
        Assert.DoesNotContain(name, await sibling.GetHtmlAsync("/Audit?Entity=Unit"));
        var reporter = await PageClient.SignInAsync(factory, Users["reporter"], TestApi.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Http.GetAsync("/Audit")).StatusCode);
    }

    [Fact]
    public async Task Over_long_or_malformed_directory_input_is_400_not_500()
    {
        var res = await _root.PostAsJsonAsync("/api/v1/units", new { name = new string('股', 300), kind = "school" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        res = await _root.PostAsJsonAsync("/api/v1/users", new { userName = "x", password = "password-123", role = "superuser" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        res = await _root.PostAsJsonAsync("/api/v1/organisations", new { name = new string('局', 300), level = "city" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        res = await _root.PostAsync("/api/v1/units", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
    }

    [Fact]
    public async Task The_organisation_above_reads_but_the_sibling_does_not_see_the_draft()
    {
        var office = await As("office");
        var draft = (await office.PostFileAsync("draft.txt", SyntheticPlan.Unique())).Id();
        Assert.Equal(HttpStatusCode.NotFound, (await (await As("leader")).GetAsync($"/api/v1/plans/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As("otherOffice")).GetAsync($"/api/v1/plans/{draft}")).StatusCode);
        // The province/root admin above reads published plans of the organisations below.
        Assert.Equal(HttpStatusCode.OK, (await _root.GetAsync($"/api/v1/plans/{_planA}")).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_every_api_route_is_401_problem_details()
    {
        var anon = factory.CreateClient();
        foreach (var url in new[] { "/api/v1/plans", $"/api/v1/plans/{_planA}/tasks", $"/api/v1/tasks/{_taskOfUnitA}/reports" })
        {
            var res = await anon.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
            Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        }
        anon.DefaultRequestHeaders.Authorization = new("Bearer", "forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync("/api/v1/plans")).StatusCode);
    }
}

public sealed class AuthorisationApiSqliteTests(SqliteLedgerFactory f) : AuthorisationApiTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class AuthorisationApiPostgresTests(PostgresLedgerFactory f) : AuthorisationApiTests(f), IClassFixture<PostgresLedgerFactory>;
