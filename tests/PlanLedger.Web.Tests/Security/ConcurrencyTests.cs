using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>
/// Optimistic concurrency on edited rows (users, units, tasks, targets, plans): a write based on an old version is
/// 409 with a readable title and the current values; writes racing on one version against a real Kestrel server and
/// a real database — many iterations of parallel requests — end with exactly one success and N−1 409s.
/// </summary>
public abstract class ConcurrencyTests(LedgerFactory factory)
{
    private const int Parallel = 8, Iterations = 10;
    private static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private async Task<(int PlanId, int TaskId)> DraftAsync()
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.PostFileAsync("c.txt", SyntheticPlan.Unique());
        var task = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray().First(t => t!["parentId"] is not null)!;
        return (plan.Id(), task.Id());
    }

    /// <summary>Sends <paramref name="count"/> requests at once (all built first, then started together).</summary>
    private static async Task<HttpResponseMessage[]> RaceAsync(HttpClient http, int count, Func<int, HttpRequestMessage> build)
    {
        var requests = Enumerable.Range(0, count).Select(build).ToList();
        using var go = new ManualResetEventSlim(false);
        var tasks = requests.Select(r => Task.Run(async () => { go.Wait(); return await http.SendAsync(r); })).ToList();
        go.Set();
        return await Task.WhenAll(tasks);
    }

    private static async Task AssertOneWinnerAsync(HttpResponseMessage[] results, string titlePart, int expectedVersion)
    {
        var codes = results.Select(r => (int)r.StatusCode).ToList();
        Assert.True(codes.Count(c => c == 200) == 1 && codes.Count(c => c == 409) == results.Length - 1, "statuses: " + string.Join(",", codes));
        foreach (var loser in results.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains(titlePart, await loser.ProblemTitle());
            var body = JsonNode.Parse(await loser.Content.ReadAsStringAsync())!;
            Assert.Equal(expectedVersion, body["version"]!.GetValue<int>());
            Assert.NotNull(body["current"]);
        }
    }

    [Fact]
    public async Task Racing_user_edits_on_one_version_end_with_exactly_one_success()
    {
        var admin = await factory.ClientAsync();
        for (var i = 0; i < Iterations; i++)
        {
            var name = Name("race");
            var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = TestApi.Password, displayName = name, role = "viewer" })).Id();
            var version = (await admin.GetJsonAsync($"/api/v1/users/{id}"))["version"]!.GetValue<int>();
            var results = await RaceAsync(admin, Parallel, k => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}")
            {
                Content = JsonContent.Create(new { displayName = $"名字{k}", role = "viewer", version }),
            });
            await AssertOneWinnerAsync(results, "有人已修改", version + 1);
            var winner = await results.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonObject>();
            var now = await admin.GetJsonAsync($"/api/v1/users/{id}");
            Assert.Equal(winner!["displayName"]!.GetValue<string>(), now["displayName"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Racing_task_edits_through_the_api_end_with_exactly_one_success()
    {
        var (planId, taskId) = await DraftAsync();
        var admin = await factory.ClientAsync();
        for (var i = 0; i < Iterations; i++)
        {
            var task = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Single(t => t!.Id() == taskId)!;
            var version = task["version"]!.GetValue<int>();
            var results = await RaceAsync(admin, Parallel, k => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/tasks/{taskId}")
            {
                Content = JsonContent.Create(new { heading = $"第{i}轮标题{k}", text = "内容", deadline = "年内" }),
                Headers = { { "If-Match", $"\"{version}\"" } },
            });
            await AssertOneWinnerAsync(results, "有人已修改此任务", version + 1);
        }
    }

    [Fact]
    public async Task Racing_unit_alias_edits_end_with_exactly_one_success()
    {
        var admin = await factory.ClientAsync();
        for (var i = 0; i < Iterations; i++)
        {
            var unit = await admin.UnitAsync(Name("竞争股"));
            var results = await RaceAsync(admin, Parallel, k => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{unit}")
            {
                Content = JsonContent.Create(new { aliases = $"别名{k}", version = 0 }),
            });
            await AssertOneWinnerAsync(results, "有人已修改", 1);
        }
    }

    [Fact]
    public async Task A_stale_version_is_409_with_the_current_values_and_status_changes_do_not_count_as_edits()
    {
        var admin = await factory.ClientAsync();
        var name = Name("stale");
        var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = TestApi.Password, displayName = name, role = "viewer" })).Id();
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "第一次", role = "viewer", version = 0 })).EnsureSuccessStatusCode();
        var stale = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "第二次", role = "viewer", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("有人已修改此记录", await stale.ProblemTitle());
        var body = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!;
        Assert.Equal("第一次", body["current"]!["displayName"]!.GetValue<string>());
        Assert.Equal(1, body["version"]!.GetValue<int>());
        // A failed sign-in updates the row (failed-attempt count) but is no edit: the version stays.
        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = "wrong-password" });
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/v1/users/{id}"))["version"]!.GetValue<int>());
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "第二次", role = "viewer", version = 1 })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Two_office_users_editing_one_task_on_the_review_page_the_second_sees_someone_changed_it_and_can_reload()
    {
        var (planId, taskId) = await DraftAsync();
        var first = await PageClient.SignInAsync(factory);
        var second = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var html = await second.GetHtmlAsync(url);
        var version = System.Text.RegularExpressions.Regex.Match(html,
            $"name=\"taskId\" value=\"{taskId}\" /><input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(version);
        Dictionary<string, string> Form(string heading) => new()
        {
            ["taskId"] = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["heading"] = heading,
            ["text"] = "内容", ["deadline"] = "年内", ["version"] = version,
        };
        var ok = await first.PostFormAsync(url, $"{url}?handler=Update", Form("甲的标题"));
        Assert.DoesNotContain("review-stale", await ok.Content.ReadAsStringAsync());
        var lost = await second.PostFormAsync(url, $"{url}?handler=Update", Form("乙的标题"));
        var page = await lost.Content.ReadAsStringAsync();
        Assert.Contains("有人已修改此任务", page);
        Assert.Contains("id=\"review-reload\"", page);
        Assert.Contains("甲的标题", page);
        var task = (await (await factory.ClientAsync()).GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Single(t => t!.Id() == taskId)!;
        Assert.Equal("甲的标题", task["heading"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_user_edit_page_refuses_a_stale_form()
    {
        var admin = await factory.ClientAsync();
        var name = Name("pgst");
        var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = TestApi.Password, displayName = name, role = "viewer" })).Id();
        var page = await PageClient.SignInAsync(factory);
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "别人改的", role = "viewer" })).EnsureSuccessStatusCode();
        var res = await page.PostFormAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=Update",
            new() { ["displayName"] = "我改的", ["role"] = "Viewer", ["version"] = "0" });
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("有人已修改此记录", html);
        Assert.Equal("别人改的", (await admin.GetJsonAsync($"/api/v1/users/{id}"))["displayName"]!.GetValue<string>());
    }
}

public sealed class ConcurrencySqliteTests(KestrelSqliteLedgerFactory f) : ConcurrencyTests(f), IClassFixture<KestrelSqliteLedgerFactory>;
public sealed class ConcurrencyPostgresTests(KestrelPostgresLedgerFactory f) : ConcurrencyTests(f), IClassFixture<KestrelPostgresLedgerFactory>;
