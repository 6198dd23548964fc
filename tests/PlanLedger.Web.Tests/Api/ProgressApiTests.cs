using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>Reporting on a published plan: unit reporters file progress, the office returns (退回) and closes out (销号).</summary>
public abstract class ProgressApiTests(LedgerFactory factory)
{
    private static int _n;

    /// <summary>A published plan whose first task is led by a fresh unit with its own reporter.</summary>
    private async Task<(HttpClient Admin, HttpClient Reporter, JsonNode Task, int PlanId)> SetUpAsync()
    {
        var n = Interlocked.Increment(ref _n);
        var admin = await factory.ClientAsync();
        var unitName = $"基础教育股{n}";
        var unitId = await admin.UnitAsync(unitName);
        await admin.UserAsync($"reporter{n}", "reporter", unitId);
        var plan = await admin.PostFileAsync("p.txt", SyntheticPlan.Text($"""
            {DateTime.UtcNow.Year}年工作要点 {Guid.NewGuid():N}
            一、重点任务
            1.新建幼儿园3处。牵头单位：{unitName}。完成时限：年内。
            """));
        var planId = plan.Id();
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        var task = tasks.Last()!;
        // Map the engine's lead name onto the unit (or link it when the engine found none).
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
            var id = task.Id();
            if (!db.TaskUnits.Any(u => u.TaskId == id && u.UnitId == unitId))
            {
                db.TaskUnits.Add(new PlanLedger.Web.Data.Entities.TaskUnit { TaskId = id, UnitId = unitId, Name = unitName });
                db.SaveChanges();
            }
        }
        return (admin, await factory.ClientAsync($"reporter{n}"), task, planId);
    }

    private static string Period => DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_reporter_files_progress_and_the_task_shows_it()
    {
        var (admin, reporter, task, planId) = await SetUpAsync();
        var report = await reporter.PostJsonAsync($"/api/v1/tasks/{task.Id()}/reports", new { period = Period, progress = 40, text = "已完成选址" });
        Assert.Equal(40, report["progress"]!.GetValue<int>());
        Assert.Equal("submitted", report["status"]!.GetValue<string>());

        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        var updated = tasks.Single(t => t!.Id() == task.Id())!;
        Assert.Equal(40, updated["progress"]!.GetValue<int>());
        Assert.NotEqual("not_started", updated["status"]!.GetValue<string>());

        var history = (await admin.GetJsonAsync($"/api/v1/tasks/{task.Id()}/reports")).AsArray();
        Assert.Equal("已完成选址", Assert.Single(history)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Evidence_can_be_attached_through_the_api_and_downloaded_by_readers()
    {
        var (admin, reporter, task, _) = await SetUpAsync();
        var report = await reporter.PostJsonAsync($"/api/v1/tasks/{task.Id()}/reports", new { period = Period, progress = 20, text = "附件" });
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7 evidence"u8.ToArray()), "file", "照片.pdf" } };
        var withFile = await (await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence", form)).JsonAsync(HttpStatusCode.OK);
        var evidenceId = withFile["evidence"]!.AsArray().Single()!.Id();
        Assert.Equal("%PDF-1.7 evidence", await admin.GetStringAsync($"/api/v1/evidence/{evidenceId}"));

        using var bad = new MultipartFormDataContent { { new ByteArrayContent("MZ"u8.ToArray()), "file", "virus.exe" } };
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence", bad)).StatusCode);
        using var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[200_000]), "file", "big.pdf" } };
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence", big)).StatusCode);
    }

    [Fact]
    public async Task Actual_values_update_the_targets()
    {
        var (admin, reporter, task, planId) = await SetUpAsync();
        var targets = task["targets"]!.AsArray();
        if (targets.Count == 0) return; // the engine found no target in this sentence yet
        var targetId = targets[0]!.Id();
        await reporter.PostJsonAsync($"/api/v1/tasks/{task.Id()}/reports",
            new { period = Period, progress = 60, text = "建成2处", actuals = new[] { new { targetId, value = 2 } } });
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        var t = tasks.Single(x => x!.Id() == task.Id())!["targets"]!.AsArray().Single(x => x!.Id() == targetId)!;
        Assert.Equal(2m, t["actual"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Bad_reports_are_refused_with_reasons()
    {
        var (_, reporter, task, _) = await SetUpAsync();
        var url = $"/api/v1/tasks/{task.Id()}/reports";
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostAsJsonAsync(url, new { period = "2026-13", progress = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostAsJsonAsync(url, new { period = Period, progress = 101 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostAsJsonAsync(url, new { period = Period, progress = 10, actuals = new[] { new { targetId = 999999, value = 1 } } })).StatusCode);
        var malformed = await reporter.PostAsync(url, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsJsonAsync("/api/v1/tasks/999999/reports", new { period = Period, progress = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostAsJsonAsync(url, new { period = Period, progress = 10, text = new string('长', 5000) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostAsJsonAsync(url, new { period = Period, progress = "abc" })).StatusCode);
    }

    [Fact]
    public async Task One_report_per_period_until_the_office_returns_it()
    {
        var (admin, reporter, task, _) = await SetUpAsync();
        var url = $"/api/v1/tasks/{task.Id()}/reports";
        var first = await reporter.PostJsonAsync(url, new { period = Period, progress = 30, text = "第一次" });
        var again = await reporter.PostAsJsonAsync(url, new { period = Period, progress = 35, text = "重复" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The reporter cannot return reports; the office can, with a comment.
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync($"/api/v1/reports/{first.Id()}/return", new { comment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/reports/{first.Id()}/return", new { comment = "" })).StatusCode);
        var returned = await admin.PostJsonAsync($"/api/v1/reports/{first.Id()}/return", new { comment = "请补充佐证材料" }, HttpStatusCode.OK);
        Assert.Equal("returned", returned["status"]!.GetValue<string>());
        Assert.Equal("请补充佐证材料", returned["reviewComment"]!.GetValue<string>());

        await reporter.PostJsonAsync(url, new { period = Period, progress = 50, text = "补充后" });
        var history = (await reporter.GetJsonAsync(url)).AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal("补充后", history[0]!["text"]!.GetValue<string>()); // newest first
    }

    [Fact]
    public async Task Close_out_makes_the_task_done_and_stops_reporting()
    {
        var (admin, reporter, task, planId) = await SetUpAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsync($"/api/v1/tasks/{task.Id()}/close", null)).StatusCode);
        var closed = await admin.PostJsonAsync($"/api/v1/tasks/{task.Id()}/close", new { reason = "已建成并验收" }, HttpStatusCode.OK);
        Assert.Equal("done", closed["status"]!.GetValue<string>());
        var summary = await admin.GetJsonAsync($"/api/v1/plans/{planId}/summary");
        Assert.True(summary["byStatus"]!["done"]!.GetValue<int>() >= 1);
        var late = await reporter.PostAsJsonAsync($"/api/v1/tasks/{task.Id()}/reports", new { period = Period, progress = 100 });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Reports_on_a_draft_plan_are_refused()
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.PostFileAsync("d.txt", SyntheticPlan.Unique());
        var task = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray().First()!;
        var res = await admin.PostAsJsonAsync($"/api/v1/tasks/{task.Id()}/reports", new { period = Period, progress = 10 });
        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
    }
}

public sealed class ProgressApiSqliteTests(SqliteLedgerFactory f) : ProgressApiTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class ProgressApiPostgresTests(PostgresLedgerFactory f) : ProgressApiTests(f), IClassFixture<PostgresLedgerFactory>;
