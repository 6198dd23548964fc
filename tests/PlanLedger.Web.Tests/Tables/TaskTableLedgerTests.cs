using System.Net;
using System.Text.Json.Nodes;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Tables;

/// <summary>
/// A 任务分解表 imported through the API becomes a ledger the units can report on: each row one task owned by its lead
/// unit (with its supports), numbered measures its children (inheriting units and deadline), an unnumbered measures
/// cell the row's own text; no task without a name; the lead unit's reporter sees the row on 我的任务 and reports on
/// it; the dashboard's 按单位 counts every row.
/// </summary>
public abstract class TaskTableLedgerTests(LedgerFactory factory)
{
    /// <summary>A report period in the plan's year (2024), which lies in the past of the app's clock.</summary>
    private const string Period = "2024-06";

    private static JsonArray Children(JsonArray tasks, JsonNode t) =>
        new(tasks.Where(c => c!["parentId"]?.GetValue<int?>() == t.Id()).Select(c => c!.DeepClone()).ToArray());

    private static string[] Names(JsonNode t, string key) => t[key]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    private static readonly Dictionary<string, string> Users = new() { ["基础教育股"] = "jcjy", ["计财股"] = "jc", ["人事股"] = "rs", ["安全股"] = "aq" };

    /// <summary>Each format with a place name of its own; the legacy .doc and .xls only where LibreOffice can make them.</summary>
    public static TheoryData<string, string> Formats()
    {
        var data = new TheoryData<string, string> { { "html", "东城" }, { "docx", "西城" }, { "xlsx", "南城" } };
        if (TaskTableFixtures.HasLibreOffice)
        {
            data.Add("doc", "北城");
            data.Add("xls", "中城");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Each_row_is_a_task_of_its_lead_unit_that_its_reporter_sees_and_reports_on(string format, string p)
    {
        var admin = await factory.ClientAsync();
        var login = new Dictionary<string, string>();
        foreach (var (name, user) in Users)
        {
            var unitId = await admin.UnitAsync(p + name);
            login[p + name] = $"{format}-{user}";
            await admin.UserAsync(login[p + name], "reporter", unitId);
        }
        var bytes = await TaskTableFixtures.InAsync(format, p);
        var plan = await admin.PostFileAsync($"分解表.{format}", bytes, 2024);
        var planId = plan.Id();
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();

        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(t!["heading"]!.GetValue<string>()), $"task {t!["path"]} has no name"));
        var rows = tasks.Where(t => t!["heading"]!.GetValue<string>() is "扩大学前教育资源" or "加强教师队伍建设" or "推进校园安全建设").ToList();
        Assert.Equal(3, rows.Count);

        var row1 = rows[0]!;
        Assert.Equal([$"{p}基础教育股"], Names(row1, "lead"));
        Assert.Equal([$"{p}计财股"], Names(row1, "support"));
        Assert.Equal("2024年10月底前", row1["deadline"]!.GetValue<string>());
        var measures = Children(tasks, row1);
        Assert.Equal(["新建幼儿园3所", "新增学位1200个"], measures.Select(m => m!["heading"]!.GetValue<string>()));
        Assert.All(measures, m => Assert.Equal([$"{p}基础教育股"], Names(m!, "lead")));
        Assert.All(measures, m => Assert.Equal([$"{p}计财股"], Names(m!, "support")));
        Assert.Equal("2024年10月底前", measures[0]!["deadline"]!.GetValue<string>());
        Assert.Equal("6月底前", measures[1]!["deadline"]!.GetValue<string>());

        var row2 = rows[1]!;
        Assert.Empty(Children(tasks, row2));
        Assert.Contains("招聘教师200名左右", row2["text"]!.GetValue<string>());
        Assert.Equal([$"{p}人事股"], Names(row2, "lead"));
        Assert.Equal("年内", row2["deadline"]!.GetValue<string>());

        // The office clears a heading on the review page: refused next to the field, the task is never nameless.
        var office = await PageClient.SignInAsync(factory);
        var heading = row2["heading"]!.GetValue<string>();
        var cleared = await office.PostFormAsync($"/Plans/{planId}/Review", $"/Plans/{planId}/Review?handler=Update",
            new() { ["taskId"] = row2.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), ["heading"] = "", ["text"] = "招聘教师200名左右，开展全员培训。", ["deadline"] = "年内" });
        Assert.Contains("标题不能为空", await cleared.Content.ReadAsStringAsync());
        tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        Assert.Equal(heading, tasks.Single(t => t!.Id() == row2.Id())!["heading"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(heading));

        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        var leaves = tasks.Where(t => Children(tasks, t!).Count == 0).Select(t => t!).ToList();
        Assert.Equal(2 + 1 + 2, leaves.Count);

        // Every leaf is led by a unit whose reporter sees it on 我的任务 and can report on it.
        var byLead = leaves.GroupBy(t => Names(t!, "lead").Single()).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(new[] { $"{p}人事股", $"{p}基础教育股", $"{p}安全股" }.Order(StringComparer.Ordinal), byLead.Keys.Order(StringComparer.Ordinal));
        foreach (var (lead, owned) in byLead)
        {
            var user = login[lead];
            var page = await PageClient.SignInAsync(factory, user);
            var mine = await page.GetHtmlAsync("/Tasks/Mine");
            var reporter = await factory.ClientAsync(user);
            foreach (var t in owned)
            {
                Assert.Contains($"href=\"/Tasks/{t!.Id()}\"", mine);
                var report = await reporter.PostJsonAsync($"/api/v1/tasks/{t.Id()}/reports", new { period = Period, progress = 30, text = "已推进" });
                Assert.Equal("submitted", report["status"]!.GetValue<string>());
            }
        }
        // The supporting unit sees the rows it supports too.
        var supportMine = await (await PageClient.SignInAsync(factory, login[p + "计财股"])).GetHtmlAsync("/Tasks/Mine");
        Assert.All(measures, m => Assert.Contains($"href=\"/Tasks/{m!.Id()}\"", supportMine));

        var summary = await admin.GetJsonAsync($"/api/v1/plans/{planId}/summary");
        var byUnit = summary["byUnit"]!.AsArray();
        Assert.Equal(leaves.Count, byUnit.Sum(u => u!["tasks"]!.GetValue<int>()));
        Assert.Equal(2, byUnit.Single(u => u!["unit"]!.GetValue<string>() == $"{p}基础教育股")!["tasks"]!.GetValue<int>());
        Assert.Equal(1, byUnit.Single(u => u!["unit"]!.GetValue<string>() == $"{p}人事股")!["tasks"]!.GetValue<int>());
        Assert.Equal(2, byUnit.Single(u => u!["unit"]!.GetValue<string>() == $"{p}安全股")!["tasks"]!.GetValue<int>());
        var dashboard = await (await PageClient.SignInAsync(factory)).GetHtmlAsync($"/Plans/{planId}/Dashboard");
        Assert.Contains($"{p}基础教育股", dashboard);
        Assert.Contains($"{p}安全股", dashboard);
    }
}

public sealed class TaskTableLedgerSqliteTests(SqliteLedgerFactory f) : TaskTableLedgerTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class TaskTableLedgerPostgresTests(PostgresLedgerFactory f) : TaskTableLedgerTests(f), IClassFixture<PostgresLedgerFactory>;
