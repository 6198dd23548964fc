using System.Net;
using System.Text.Json.Nodes;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Tables;

/// <summary>
/// Seed 003 is a 任务分工方案 whose 附件 restates its 24 tasks as a table. The ledger keeps each task once — the body's
/// heading and text, the table's units (its lead from the body, the table naming none), deadline and measures — the
/// review page shows the pairing and the office can undo it (拆开) before publishing.
/// </summary>
public abstract class AttachmentPairingTests(LedgerFactory factory)
{
    private static string Seed003 => Path.Combine(Seeds.Folder, "003_095e846641951204.txt");

    private static JsonNode[] Children(JsonArray tasks, JsonNode t) =>
        tasks.Where(c => c!["parentId"]?.GetValue<int?>() == t.Id()).Select(c => c!).ToArray();

    private static string[] Names(JsonNode t, string key) => t[key]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    private static string Heading(JsonNode t) => t["heading"]!.GetValue<string>();

    [Fact]
    public async Task The_24_tasks_appear_once_with_the_tables_units_deadlines_and_measures_and_a_pairing_can_be_undone()
    {
        var admin = await factory.ClientAsync();
        var unitId = await admin.UnitAsync("市教育局");
        await admin.UserAsync("jyj-reporter", "reporter", unitId);
        var plan = await admin.ImportAsync(Seed003);
        var planId = plan.Id();
        // A report period must lie in the plan's year (and not in the future): June of the plan's year.
        var period = $"{plan.Int("year")}-06";
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();

        Assert.Equal(["一", "二", "三", "四", "五"], tasks.Where(t => t!["parentId"] is null).Select(t => t!["label"]!.GetValue<string>()));
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(Heading(t!)), $"task {t!["path"]} has no name"));
        var items = tasks.Where(t => t!["level"]!.GetValue<int>() == 2).Select(t => t!).ToArray();
        Assert.Equal(24, items.Length);
        Assert.Single(tasks, t => Heading(t!) == "突出德育实效");
        Assert.DoesNotContain(tasks, t => Heading(t!).Contains("分解表"));

        var first = items[0];
        Assert.Equal("(一)", first["label"]!.GetValue<string>());
        Assert.StartsWith("完善德育工作体系", first["text"]!.GetValue<string>());
        Assert.Equal(["市教育局"], Names(first, "lead"));
        Assert.Equal(["宣传部", "团市委", "文广旅局", "网信办"], Names(first, "support"));
        Assert.Equal("长期坚持", first["deadline"]!.GetValue<string>());
        var measures = Children(tasks, first);
        Assert.Equal(4, measures.Length);
        Assert.StartsWith("推动学校贯彻落实", Heading(measures[0]));
        Assert.All(measures, m => Assert.Equal(["市教育局"], Names(m, "lead")));
        Assert.All(measures, m => Assert.Equal("长期坚持", m["deadline"]!.GetValue<string>()));

        var third = items[2]; // body 强化学校体育 = table 强化体育锻炼: paired by position
        Assert.Equal("强化学校体育", Heading(third));
        Assert.Equal(["文广旅局", "卫健局"], Names(third, "support"));
        Assert.Equal(3, Children(tasks, third).Length);
        var eighth = items[7]; // one unnumbered measure: the task's own text, not a child
        Assert.Empty(Children(tasks, eighth));
        Assert.Contains("落实《教育部等九部门关于印发中小学生减负措施的通知》", eighth["text"]!.GetValue<string>());
        var twentieth = items[19];
        Assert.Equal(["市委组织部"], Names(twentieth, "lead"));
        Assert.Equal(["教育局", "公安局"], Names(twentieth, "support"));
        // 5 sections, 24 tasks, 70 measures of which two are the only, unnumbered measure of their row (rows 8 and 16).
        Assert.Equal(5 + 24 + 68, tasks.Count);

        var pairings = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/pairings")).AsArray();
        Assert.Equal(24, pairings.Count);
        Assert.Equal("强化体育锻炼", pairings[2]!["rowHeading"]!.GetValue<string>());
        var review = await (await PageClient.SignInAsync(factory)).GetHtmlAsync($"/Plans/{planId}/Review");
        Assert.Contains($"id=\"pairing-{first.Id()}\"", review);
        Assert.Contains("拆开", review);

        // 拆开 the second task: the table row comes back under 附件 with its measures; the body item keeps its own units.
        var second = items[1];
        Assert.Equal(4, Children(tasks, second).Length);
        var undone = await admin.PostJsonAsync($"/api/v1/tasks/{second.Id()}/unpair", new { }, HttpStatusCode.OK);
        tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        var attachment = tasks.Single(t => t!["parentId"] is null && t!["label"]!.GetValue<string>() == "附件")!;
        var row = Assert.Single(Children(tasks, attachment));
        Assert.Equal(undone["rowTaskId"]!.GetValue<int>(), row.Id());
        Assert.Equal("提升智育水平", Heading(row));
        Assert.Equal("长期坚持", row["deadline"]!.GetValue<string>());
        Assert.Equal(4, Children(tasks, row).Length);
        second = tasks.Single(t => t!.Id() == second.Id())!;
        Assert.Empty(Children(tasks, second));
        Assert.Null(second["deadline"]?.GetValue<string>());
        Assert.Equal(["市教育局"], Names(second, "lead"));
        Assert.Equal(23, (await admin.GetJsonAsync($"/api/v1/plans/{planId}/pairings")).AsArray().Count);
        var again = await admin.PostAsJsonAsyncRaw($"/api/v1/tasks/{second.Id()}/unpair");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Published, the education bureau's reporter sees its tasks and reports on a measure.
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        var leaves = tasks.Where(t => Children(tasks, t!).Length == 0).Select(t => t!).ToArray();
        var ours = leaves.Where(t => Names(t, "lead").Contains("市教育局")).ToArray();
        var mine = await (await PageClient.SignInAsync(factory, "jyj-reporter")).GetHtmlAsync("/Tasks/Mine");
        Assert.All(ours, t => Assert.Contains($"href=\"/Tasks/{t.Id()}\"", mine));
        var reporter = await factory.ClientAsync("jyj-reporter");
        measures = Children(tasks, tasks.Single(t => t!.Id() == first.Id())!);
        await reporter.PostJsonAsync($"/api/v1/tasks/{measures[0].Id()}/reports", new { period, progress = 20, text = "已部署" });
        var summary = await admin.GetJsonAsync($"/api/v1/plans/{planId}/summary");
        var byUnit = summary["byUnit"]!.AsArray();
        Assert.Equal(ours.Length, byUnit.Single(u => u!["unit"]!.GetValue<string>() == "市教育局")!["tasks"]!.GetValue<int>());
        // Every leaf outside the restored table row has an owner.
        var unowned = leaves.Where(t => Names(t, "lead").Length == 0).ToArray();
        Assert.All(unowned, t => Assert.StartsWith("附件/", t["path"]!.GetValue<string>()));
        Assert.Equal(leaves.Length - unowned.Length, byUnit.Sum(u => u!["tasks"]!.GetValue<int>()));
    }
}

internal static class RawPost
{
    public static Task<HttpResponseMessage> PostAsJsonAsyncRaw(this HttpClient http, string url) =>
        http.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
}

public sealed class AttachmentPairingSqliteTests(SqliteLedgerFactory f) : AttachmentPairingTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class AttachmentPairingPostgresTests(PostgresLedgerFactory f) : AttachmentPairingTests(f), IClassFixture<PostgresLedgerFactory>;
