using System.Net;
using System.Text.Json.Nodes;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>
/// A year of reports on seed 000 (plan year 2020), the same every run: every leaf task reports in April, August and
/// December with rising progress; targets get actuals (most met, every fifth at 80 %); two tasks in three are closed
/// out with a reason; every seventh task never reports (so the summary has tasks not done and why).
/// </summary>
public static class SimulatedYear
{
    public static readonly string[] Periods = ["2020-04", "2020-08", "2020-12"];
    public static readonly string[] Units = ["基础教育科", "职业与成人教育科", "体育科", "计划财务科", "人事科", "党建办公室"];

    public static async Task<(HttpClient Admin, int PlanId, JsonArray Tasks)> RunAsync(LedgerFactory factory)
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.ImportOrExistingAsync(Seeds.Seed000);
        var planId = plan.Id();
        var listed = (await admin.GetJsonAsync("/api/v1/plans")).AsArray().Single(p => p!.Id() == planId)!;
        if (listed["status"]!.GetValue<string>() == "published") return (admin, planId, await TasksAsync(admin, planId));
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        var tasks = await TasksAsync(admin, planId);
        var parents = tasks.Select(t => t!["parentId"]?.GetValue<int?>()).Where(x => x is not null).ToHashSet();
        var leaves = tasks.Where(t => !parents.Contains(t!.Id())).ToList();
        // Seed 000 names no units: the office assigns each task a lead unit, round robin over six departments.
        var unitIds = new List<(int Id, string Name)>();
        foreach (var name in Units) unitIds.Add((await admin.UnitAsync(name), name));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
            for (var i = 0; i < leaves.Count; i++)
            {
                var (id, name) = unitIds[i % unitIds.Count];
                var task = db.Tasks.Single(t => t.Id == leaves[i]!.Id());
                db.TaskUnits.Add(new PlanLedger.Web.Data.Entities.TaskUnit { TaskId = task.Id, UnitId = id, Name = name, Role = PlanLedger.Web.Data.Entities.UnitRole.Lead });
                task.LeadNames = name;
            }
            await db.SaveChangesAsync();
        }
        for (var i = 0; i < leaves.Count; i++)
        {
            var t = leaves[i]!;
            if (i % 7 == 6) continue;
            var heading = t["heading"]!.GetValue<string>().TrimEnd('。');
            for (var p = 0; p < Periods.Length; p++)
            {
                var progress = p == Periods.Length - 1 ? (i % 3 == 2 ? 70 : 100) : (p + 1) * 30;
                var actuals = p == Periods.Length - 1
                    ? t["targets"]!.AsArray().Select((x, k) => new
                    {
                        targetId = x!.Id(),
                        value = (i + k) % 5 == 4 ? Math.Round(x!["value"]!.GetValue<decimal>() * 0.8m) : x!["value"]!.GetValue<decimal>(),
                    }).ToArray()
                    : [];
                var text = p switch
                {
                    0 => $"制定{heading}工作方案，明确责任分工",
                    1 => $"{heading}按方案推进，完成阶段任务",
                    _ => i % 3 == 2 ? $"{heading}受项目审批进度影响，部分内容延至下年度实施" : $"{heading}全面完成年度任务",
                };
                await admin.PostJsonAsync($"/api/v1/tasks/{t.Id()}/reports", new { period = Periods[p], progress, text, actuals });
            }
            if (i % 3 != 2) await admin.PostJsonAsync($"/api/v1/tasks/{t.Id()}/close", new { reason = $"{heading}年度任务已完成，经核验予以销号" }, HttpStatusCode.OK);
        }
        return (admin, planId, await TasksAsync(admin, planId));
    }

    public static async Task<JsonArray> TasksAsync(HttpClient admin, int planId) =>
        (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
}
