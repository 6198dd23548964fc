using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>
/// Whole-plan reads are cached per plan revision (docs/scale.md §14): every kind of write shows on the next read of the
/// tasks API, the summary, the tree, the 台账 tree page, the 看板 and its 按时报送率 panel; the revision goes up in the
/// write's own transaction and not for a failed write; the API answers its ETag with 304.
/// </summary>
public abstract class PlanReadCacheTests(LedgerFactory factory)
{
    private static int _n;

    private sealed record World(HttpClient Admin, HttpClient Reporter, PageClient Page, int PlanId, int TaskId, int OtherTaskId, int UnitId, string UnitName);

    /// <summary>A published plan of two tasks led by a fresh unit with its own reporter.</summary>
    private async Task<World> SetUpAsync()
    {
        var n = Interlocked.Increment(ref _n);
        var admin = await factory.ClientAsync();
        var unitName = $"缓存测试股{n}";
        var unitId = await admin.UnitAsync(unitName);
        await admin.UserAsync($"cache.reporter{n}", "reporter", unitId);
        var plan = await admin.PostFileAsync($"cache{n}.txt", SyntheticPlan.Text($"""
            {DateTime.UtcNow.Year}年工作要点 {Guid.NewGuid():N}
            一、重点任务
            1.新建幼儿园3处。牵头单位：{unitName}。完成时限：年内。
            2.改造薄弱学校2所。牵头单位：{unitName}。完成时限：年内。
            """));
        var planId = plan.Id();
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        var leaves = tasks.Where(t => !tasks.Any(c => c!["parentId"]?.GetValue<int?>() == t!.Id())).Select(t => t!.Id()).ToList();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            foreach (var id in leaves.Where(id => !db.TaskUnits.Any(u => u.TaskId == id && u.UnitId == unitId)))
                db.TaskUnits.Add(new TaskUnit { TaskId = id, UnitId = unitId, Name = unitName });
            await db.SaveChangesAsync();
        }
        return new World(admin, await factory.ClientAsync($"cache.reporter{n}"), await PageClient.SignInAsync(factory), planId, leaves[0], leaves[1], unitId, unitName);
    }

    private long Revision(int planId)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Plans.AsNoTracking()
            .Where(p => p.Id == planId).Select(p => p.Revision).Single();
    }

    private static readonly System.Text.Json.JsonSerializerOptions Plain =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Period => DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonNode> TaskAsync(World w, HttpClient? who = null) =>
        (await (who ?? w.Admin).GetJsonAsync($"/api/v1/plans/{w.PlanId}/tasks")).AsArray().Single(t => t!.Id() == w.TaskId)!;

    /// <summary>Reads every cached view of the plan, so that the next read after a write would be served stale if the
    /// cache were not keyed by the revision.</summary>
    private static async Task WarmAsync(World w)
    {
        await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}/tasks");
        await w.Reporter.GetJsonAsync($"/api/v1/plans/{w.PlanId}/tasks");
        await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}/summary");
        await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}");
        await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}/supervision-stats");
        await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger?View=tree");
        await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger");
        await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger?Unit={w.UnitId}");
        await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard");
        await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard?handler=Stats");
    }

    [Fact]
    public async Task Every_kind_of_write_shows_on_the_next_read_of_each_cached_view()
    {
        var w = await SetUpAsync();
        await WarmAsync(w);

        // 填报: the task's progress, the tree row, the dashboard's average and the summary's unit progress follow.
        var before = Revision(w.PlanId);
        var report = await w.Reporter.PostJsonAsync($"/api/v1/tasks/{w.TaskId}/reports", new { period = Period, progress = 40, text = "已完成选址" });
        Assert.True(Revision(w.PlanId) > before);
        Assert.Equal(40, (await TaskAsync(w))["progress"]!.GetValue<int>());
        Assert.Equal(40, (await TaskAsync(w, w.Reporter))["progress"]!.GetValue<int>());
        var summary = await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}/summary");
        Assert.Equal(20, summary["byUnit"]!.AsArray().Single(u => u!["unitId"]?.GetValue<int?>() == w.UnitId)!["progress"]!.GetValue<int>());
        Assert.Contains("40%", await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger?View=tree"));
        Assert.Contains("已完成选址", await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger"));
        Assert.Contains("已完成选址", await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger?Unit={w.UnitId}"));
        Assert.Contains("id=\"avg-progress\">20%", await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard"));
        var tree = await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}");
        Assert.Contains("\"progress\":40", tree.ToJsonString());

        // 退回: the returned report no longer drives the task.
        await WarmAsync(w);
        await w.Admin.PostJsonAsync($"/api/v1/reports/{report.Id()}/return", new { comment = "请补充佐证材料" }, HttpStatusCode.OK);
        Assert.Equal(0, (await TaskAsync(w))["progress"]!.GetValue<int>());
        Assert.DoesNotContain("已完成选址", await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger"));
        Assert.Contains("id=\"avg-progress\">0%", await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard"));

        // A new report, approved (通过): the revision moves with the review, the progress is the new report's.
        var again = await w.Reporter.PostJsonAsync($"/api/v1/tasks/{w.TaskId}/reports", new { period = Period, progress = 100, text = "已建成" });
        await WarmAsync(w);
        before = Revision(w.PlanId);
        await w.Admin.PostJsonAsync($"/api/v1/reports/{again.Id()}/approve", new { comment = "同意" }, HttpStatusCode.OK);
        Assert.True(Revision(w.PlanId) > before);
        Assert.Equal(100, (await TaskAsync(w))["progress"]!.GetValue<int>());

        // 修改任务: the heading shows in the API, the tree and the tree page.
        await WarmAsync(w);
        var current = await TaskAsync(w);
        var heading = $"新标题{Guid.NewGuid():N}"[..12];
        (await w.Admin.PutAsJsonAsync($"/api/v1/tasks/{w.TaskId}", new { heading, text = current["text"]!.GetValue<string>(),
            deadline = current["deadline"]?.GetValue<string>(), version = current["version"]!.GetValue<int>() })).EnsureSuccessStatusCode();
        Assert.Equal(heading, (await TaskAsync(w))["heading"]!.GetValue<string>());
        Assert.Contains(heading, await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger?View=tree"));
        Assert.Contains(heading, await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger"));
        Assert.Contains(heading, (await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}")).ToJsonString(Plain));

        // 单位更名: the summary, the dashboard's unit table and the 按时报送率 panel name the unit by its new name.
        await WarmAsync(w);
        var renamed = w.UnitName + "（新）";
        await w.Admin.PostJsonAsync($"/api/v1/units/{w.UnitId}/rename", new { name = renamed }, HttpStatusCode.OK);
        summary = await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}/summary");
        Assert.Equal(renamed, summary["byUnit"]!.AsArray().Single(u => u!["unitId"]?.GetValue<int?>() == w.UnitId)!["unit"]!.GetValue<string>());
        Assert.Contains(renamed, await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard"));
        var stats = await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}/supervision-stats");
        Assert.Contains(stats["units"]!.AsArray(), u => u!["unit"]!.GetValue<string>() == renamed);
        Assert.Contains(renamed, await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard?handler=Stats"));

        // 销号: the task is done everywhere.
        await WarmAsync(w);
        await w.Admin.PostJsonAsync($"/api/v1/tasks/{w.TaskId}/close", new { reason = "已建成并验收" }, HttpStatusCode.OK);
        Assert.Equal("done", (await TaskAsync(w))["status"]!.GetValue<string>());
        Assert.Equal(1, (await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}/summary"))["byStatus"]!["done"]!.GetValue<int>());

        // 督办单 on a task of the plan, and 归档: the plan's revision moves with them.
        before = Revision(w.PlanId);
        await w.Admin.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { w.OtherTaskId }, unitIds = new[] { w.UnitId }, level = "yellow", reason = "进度滞后",
            replyBy = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(Revision(w.PlanId) > before);
        before = Revision(w.PlanId);
        await w.Admin.PostJsonAsync($"/api/v1/plans/{w.PlanId}/archive", new { }, HttpStatusCode.OK);
        Assert.True(Revision(w.PlanId) > before);
    }

    [Fact]
    public async Task A_unit_merged_into_another_shows_under_the_other_at_once()
    {
        var w = await SetUpAsync();
        var into = await w.Admin.UnitAsync(w.UnitName + "合并后");
        await WarmAsync(w);
        (await w.Admin.PostAsJsonAsync($"/api/v1/units/{w.UnitId}/merge", new { intoId = into })).EnsureSuccessStatusCode();
        var byUnit = (await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}/summary"))["byUnit"]!.AsArray();
        Assert.Contains(byUnit, u => u!["unitId"]?.GetValue<int?>() == into);
        Assert.DoesNotContain(byUnit, u => u!["unitId"]?.GetValue<int?>() == w.UnitId);
        Assert.Contains(w.UnitName + "合并后", await w.Page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard"));
    }

    [Fact]
    public async Task A_withdrawn_plan_reads_as_a_draft_at_once()
    {
        var w = await SetUpAsync();
        await WarmAsync(w);
        Assert.Equal("published", (await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}"))["status"]!.GetValue<string>());
        await w.Admin.PostJsonAsync($"/api/v1/plans/{w.PlanId}/withdraw", new { }, HttpStatusCode.OK);
        Assert.Equal("draft", (await w.Admin.GetJsonAsync($"/api/v1/plans/{w.PlanId}"))["status"]!.GetValue<string>());
        // A reporter may not read a draft: the access check runs before the cache on every request.
        Assert.Contains((await w.Reporter.GetAsync($"/api/v1/plans/{w.PlanId}/tasks")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task The_revision_moves_in_the_writes_transaction_and_not_for_a_failed_write()
    {
        var w = await SetUpAsync();
        var start = Revision(w.PlanId);

        // A stale edit (409) changes nothing.
        var stale = await w.Admin.PutAsJsonAsync($"/api/v1/tasks/{w.TaskId}", new { heading = "过时的修改", text = "过时的修改", version = 999 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(start, Revision(w.PlanId));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            // A save that fails in the database (a link to a task that does not exist) leaves the revision as it was.
            var task = await db.Tasks.SingleAsync(t => t.Id == w.TaskId);
            task.Heading = "不会保存的标题";
            db.TaskUnits.Add(new TaskUnit { TaskId = w.TaskId, UnitId = 999_999, Name = "不存在的单位" });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(start, Revision(w.PlanId));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            // A change rolled back by its caller's transaction takes its bump with it.
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                (await db.Tasks.SingleAsync(t => t.Id == w.TaskId)).Heading = "回滚的标题";
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            Assert.Equal(start, Revision(w.PlanId));
            // A row no audit covers (an actual) still bumps, in a transaction of the interceptor's own.
            var report = await w.Reporter.PostJsonAsync($"/api/v1/tasks/{w.TaskId}/reports", new { period = Period, progress = 10, text = "起步" });
            var afterReport = Revision(w.PlanId);
            Assert.True(afterReport > start);
            var target = new TaskTarget { TaskId = w.TaskId, Text = "新建幼儿园3处", Value = 3, Unit = "处", Op = ">=" };
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            var afterTarget = Revision(w.PlanId);
            Assert.Equal(afterReport + 1, afterTarget);
            db.ReportActuals.Add(new ReportActual { ReportId = report.Id(), TargetId = target.Id, Value = 1 });
            await db.SaveChangesAsync();
            Assert.Equal(afterTarget + 1, Revision(w.PlanId));
            // Notifications are not plan content: the reminder job and the dispatcher never bump it.
            db.Notifications.Add(new Notification { UnitId = w.UnitId, TaskId = w.TaskId, Kind = NotificationKind.ReportDueSoon, Period = Period, Message = "提醒", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            Assert.Equal(afterTarget + 1, Revision(w.PlanId));
        }
    }

    [Fact]
    public async Task The_api_answers_its_etag_with_304_until_the_plan_changes_and_the_etag_is_the_same_for_every_reader()
    {
        var w = await SetUpAsync();
        foreach (var url in new[] { $"/api/v1/plans/{w.PlanId}/tasks", $"/api/v1/plans/{w.PlanId}/summary", $"/api/v1/plans/{w.PlanId}" })
        {
            var first = await w.Admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!;
            Assert.Equal((await w.Reporter.GetAsync(url)).Headers.ETag, etag);

            using var ask = new HttpRequestMessage(HttpMethod.Get, url);
            ask.Headers.IfNoneMatch.Add(etag);
            var notModified = await w.Admin.SendAsync(ask);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            // Someone who may not read the plan gets 404 whatever ETag it sends.
            var stranger = await StrangerAsync();
            using var probe = new HttpRequestMessage(HttpMethod.Get, url);
            probe.Headers.IfNoneMatch.Add(etag);
            Assert.Contains((await stranger.SendAsync(probe)).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        }

        var tasksUrl = $"/api/v1/plans/{w.PlanId}/tasks";
        var old = (await w.Admin.GetAsync(tasksUrl)).Headers.ETag!;
        await w.Reporter.PostJsonAsync($"/api/v1/tasks/{w.TaskId}/reports", new { period = Period, progress = 30, text = "进展" });
        using var after = new HttpRequestMessage(HttpMethod.Get, tasksUrl);
        after.Headers.IfNoneMatch.Add(old);
        var fresh = await w.Admin.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(old, fresh.Headers.ETag);
        Assert.Contains("\"progress\":30", await fresh.Content.ReadAsStringAsync());
    }

    private static int _strangers;

    /// <summary>An office user of another organisation.</summary>
    private async Task<HttpClient> StrangerAsync()
    {
        var n = Interlocked.Increment(ref _strangers);
        var admin = await factory.ClientAsync();
        var org = await admin.OrganisationAsync($"缓存测试县{n}{Guid.NewGuid():N}"[..12]);
        await admin.UserAsync($"cache.stranger{n}", "office", organisationId: org);
        return await factory.ClientAsync($"cache.stranger{n}");
    }
}

public sealed class PlanReadCacheSqliteTests(SqliteLedgerFactory f) : PlanReadCacheTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class PlanReadCachePostgresTests(PostgresLedgerFactory f) : PlanReadCacheTests(f), IClassFixture<PostgresLedgerFactory>;
