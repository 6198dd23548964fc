using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>
/// Sections (tasks that have children) roll their progress and status up from their children: seed 000 imported and
/// published once per class, each test working on its own section.
/// </summary>
public abstract class SectionRollupTests(LedgerFactory factory)
{
    /// <summary>A month of seed 000's plan year (2020): periods lie in the plan's year.</summary>
    private static string Period => "2020-05";

    /// <summary>Seed 000, published (by the first test of the class that gets here).</summary>
    private async Task<(HttpClient Admin, int PlanId)> PublishedSeedAsync()
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.ImportOrExistingAsync(Seeds.Seed000);
        var planId = plan.Id();
        var listed = (await admin.GetJsonAsync("/api/v1/plans")).AsArray().Single(p => p!.Id() == planId)!;
        if (listed["status"]!.GetValue<string>() == "draft")
            await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        return (admin, planId);
    }

    private static async Task<JsonArray> TasksAsync(HttpClient admin, int planId) =>
        (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();

    private static JsonNode ByPath(JsonArray tasks, string path) => tasks.Single(t => t!["path"]!.GetValue<string>() == path)!;

    private static bool HasChildren(JsonArray tasks, JsonNode task) =>
        tasks.Any(c => c!["parentId"]?.GetValue<int?>() == task.Id());

    [Fact]
    public async Task A_report_on_the_only_item_of_a_section_shows_on_the_section()
    {
        var (admin, planId) = await PublishedSeedAsync();
        var tasks = await TasksAsync(admin, planId);
        var section = ByPath(tasks, "一");
        var item = ByPath(tasks, "一/1");
        Assert.Equal(section.Id(), item["parentId"]!.GetValue<int>());
        Assert.Single(tasks, t => t!["parentId"]?.GetValue<int?>() == section.Id());
        Assert.False(HasChildren(tasks, item));

        await admin.PostJsonAsync($"/api/v1/tasks/{item.Id()}/reports", new { period = Period, progress = 45, text = "已开展" });

        tasks = await TasksAsync(admin, planId);
        item = ByPath(tasks, "一/1");
        section = ByPath(tasks, "一");
        Assert.Equal(45, item["progress"]!.GetValue<int>());
        Assert.NotEqual("not_started", item["status"]!.GetValue<string>());
        Assert.Equal(45, section["progress"]!.GetValue<int>());
        Assert.Equal(item["status"]!.GetValue<string>(), section["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Closing_out_every_child_of_a_section_makes_it_done()
    {
        var (admin, planId) = await PublishedSeedAsync();
        var tasks = await TasksAsync(admin, planId);
        var section = ByPath(tasks, "二");
        var children = tasks.Where(t => t!["parentId"]?.GetValue<int?>() == section.Id()).ToList();
        Assert.True(children.Count > 1);

        foreach (var (child, i) in children.Select((c, i) => (c!, i)))
        {
            await admin.PostJsonAsync($"/api/v1/tasks/{child.Id()}/close", new { reason = "已完成" }, HttpStatusCode.OK);
            section = ByPath(await TasksAsync(admin, planId), "二");
            if (i < children.Count - 1)
            {
                Assert.NotEqual("done", section["status"]!.GetValue<string>());
                Assert.Equal((int)Math.Round((i + 1) * 100.0 / children.Count, MidpointRounding.AwayFromZero), section["progress"]!.GetValue<int>());
            }
        }
        Assert.Equal("done", section["status"]!.GetValue<string>());
        Assert.Equal(100, section["progress"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reporting_on_a_section_is_refused_with_409_and_the_page_offers_no_form()
    {
        var (admin, planId) = await PublishedSeedAsync();
        var section = ByPath(await TasksAsync(admin, planId), "三");
        var res = await admin.PostAsJsonAsync($"/api/v1/tasks/{section.Id()}/reports", new { period = Period, progress = 10, text = "x" });
        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
        Assert.Contains("下级任务", await res.ProblemTitle());
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/tasks/{section.Id()}/reports")).AsArray());

        var page = await PageClient.SignInAsync(factory);
        var html = await page.GetHtmlAsync($"/Tasks/{section.Id()}");
        Assert.Contains("rolled-up-note", html);
        Assert.DoesNotContain("report-form", html);
        var leaf = ByPath(await TasksAsync(admin, planId), "三/6");
        html = await page.GetHtmlAsync($"/Tasks/{leaf.Id()}");
        Assert.Contains("report-form", html);
        Assert.DoesNotContain("rolled-up-note", html);
    }

    [Fact]
    public async Task The_summary_counts_leaf_tasks_and_reports_the_sections_beside_them()
    {
        var (admin, planId) = await PublishedSeedAsync();
        var tasks = await TasksAsync(admin, planId);
        var leaves = tasks.Count(t => !HasChildren(tasks, t!));
        var sections = tasks.Count - leaves;
        Assert.True(sections >= 7, "seed 000 has sections 一 … 七");

        var summary = await admin.GetJsonAsync($"/api/v1/plans/{planId}/summary");
        Assert.Equal(leaves, summary["tasks"]!.GetValue<int>());
        Assert.Equal(sections, summary["sections"]!.GetValue<int>());
        Assert.Equal(leaves, summary["byStatus"]!.AsObject().Sum(kv => kv.Value!.GetValue<int>()));
        Assert.NotNull(summary["byUnit"]);

        var page = await PageClient.SignInAsync(factory);
        var html = await page.GetHtmlAsync($"/Plans/{planId}/Dashboard");
        Assert.Contains("按末级任务统计", html);
        Assert.Contains($"<b id=\"total-tasks\">{leaves}</b>", html);

        // The charts' words come with their data in the reader's language, from the one catalogue.
        Assert.Equal("正常推进", ChartWords(html)["status"]!["on_track"]!.GetValue<string>());
        await page.Http.GetAsync("/culture?c=en&returnUrl=/");
        var english = ChartWords(await page.GetHtmlAsync($"/Plans/{planId}/Dashboard"));
        Assert.Equal("On track", english["status"]!["on_track"]!.GetValue<string>());
        Assert.Equal("Overdue", english["overdue"]!.GetValue<string>());
    }

    private static JsonNode ChartWords(string html) =>
        JsonNode.Parse(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "id=\"dashboard\" data-chart=\"([^\"]*)\"").Groups[1].Value))!["labels"]!;
}

public sealed class SectionRollupSqliteTests(SqliteLedgerFactory f) : SectionRollupTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class SectionRollupPostgresTests(PostgresLedgerFactory f) : SectionRollupTests(f), IClassFixture<PostgresLedgerFactory>;
