using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>
/// A published plan of the current year in a fresh organisation (under the root) for the supervision tests: units A and
/// B with a reporter each, an office user, a leader, a viewer; and a sibling organisation with its own office and unit.
/// Tasks: 1 led by A with B supporting (年内), 2 led by B (长期坚持 → 常态落实), 3 led by A (年内).
/// </summary>
public sealed record LoopWorld(LedgerFactory Factory, string N, int OrgId, int PlanId, int UnitA, int UnitB, int SiblingUnit,
    int Task1, int Task2, int Task3, int Year)
{
    public string Office => $"office{N}";
    public string RepA => $"repA{N}";
    public string RepB => $"repB{N}";
    public string Leader => $"leader{N}";
    public string Viewer => $"viewer{N}";
    public string SiblingOffice => $"sOffice{N}";
    public string SiblingRep => $"sRep{N}";
    public static string ThisPeriod => DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public Task<HttpClient> As(string user) => Factory.ClientAsync(user);

    public static async Task<LoopWorld> CreateAsync(LedgerFactory f)
    {
        var root = await f.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var org = await root.OrganisationAsync($"督办县教育局{n}");
        var sibling = await root.OrganisationAsync($"邻县教育局{n}");
        var a = $"基础教育股{n}";
        var b = $"人事股{n}";
        var unitA = await root.UnitAsync(a, organisationId: org);
        var unitB = await root.UnitAsync(b, organisationId: org);
        var siblingUnit = await root.UnitAsync($"邻县股室{n}", organisationId: sibling);
        await root.UserAsync($"office{n}", "office", organisationId: org);
        await root.UserAsync($"repA{n}", "reporter", unitA, org);
        await root.UserAsync($"repB{n}", "reporter", unitB, org);
        await root.UserAsync($"leader{n}", "leader", organisationId: org);
        await root.UserAsync($"viewer{n}", "viewer", organisationId: org);
        await root.UserAsync($"sOffice{n}", "office", organisationId: sibling);
        await root.UserAsync($"sRep{n}", "reporter", siblingUnit, sibling);
        var office = await f.ClientAsync($"office{n}");
        var year = DateTime.UtcNow.Year;
        var plan = await office.PostFileAsync("loop.txt", SyntheticPlan.Text($"""
            {year}年工作要点 {n}
            一、重点任务
            1.新建幼儿园3处。牵头单位：{a}；配合单位：{b}。完成时限：年内。
            2.培训教师500人次。牵头单位：{b}。完成时限：长期坚持。
            3.提高入园率到90%以上。牵头单位：{a}。完成时限：年内。
            """), year);
        var planId = plan.Id();
        await office.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await office.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        int Find(string path) => tasks.Single(t => t!["path"]!.GetValue<string>() == path)!.Id();
        var world = new LoopWorld(f, n, org, planId, unitA, unitB, siblingUnit, Find("一/1"), Find("一/2"), Find("一/3"), year);
        // The engine maps the units by name on import; make sure of it (the supporting unit too).
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        void Link(int task, int unit, PlanLedger.Web.Data.Entities.UnitRole role, string name)
        {
            var existing = db.TaskUnits.FirstOrDefault(u => u.TaskId == task && u.Name == name);
            if (existing is null) db.TaskUnits.Add(new PlanLedger.Web.Data.Entities.TaskUnit { TaskId = task, UnitId = unit, Role = role, Name = name });
            else { existing.UnitId = unit; existing.Role = role; }
        }
        Link(world.Task1, unitA, PlanLedger.Web.Data.Entities.UnitRole.Lead, a);
        Link(world.Task1, unitB, PlanLedger.Web.Data.Entities.UnitRole.Support, b);
        Link(world.Task2, unitB, PlanLedger.Web.Data.Entities.UnitRole.Lead, b);
        Link(world.Task3, unitA, PlanLedger.Web.Data.Entities.UnitRole.Lead, a);
        db.SaveChanges();
        return world;
    }

    public async Task<JsonNode> ReportAsync(string user, int task, int progress, string text = "已推进", string? period = null) =>
        await (await As(user)).PostJsonAsync($"/api/v1/tasks/{task}/reports", new { period = period ?? ThisPeriod, progress, text });

    public async Task<JsonNode> TaskAsync(int task) =>
        (await (await As(Office)).GetJsonAsync($"/api/v1/plans/{PlanId}/tasks")).AsArray().Single(t => t!.Id() == task)!;

    public async Task<List<JsonNode>> NotificationsAsync(string user) =>
        (await (await As(user)).GetJsonAsync("/api/v1/notifications")).AsArray().Select(x => x!).ToList();
}

public static class JsonExtensions
{
    public static string Str(this JsonNode n, string name) => n[name]!.GetValue<string>();
    public static int Int(this JsonNode n, string name) => n[name]!.GetValue<int>();
    public static async Task<HttpStatusCode> StatusOf(this Task<HttpResponseMessage> res) => (await res).StatusCode;
    public static Task<HttpResponseMessage> Post(this HttpClient http, string url, object? body = null) =>
        http.PostAsJsonAsync(url, body ?? new { });
}
