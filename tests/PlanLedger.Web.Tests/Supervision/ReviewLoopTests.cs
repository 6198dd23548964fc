using System.Net;
using System.Net.Http.Json;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>The office's monthly loop through the API: 待审核 inbox, 通过, 退回, 撤回/修改, period rules, notifications.</summary>
public abstract class ReviewLoopTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() { factory.Clock.Reset(); TestApi.ForgetTokens(factory); return Task.CompletedTask; }

    [Fact]
    public async Task The_inbox_lists_submitted_reports_oldest_first_and_approving_notifies_the_unit()
    {
        var first = await W.ReportAsync(W.RepA, W.Task1, 30, "选址完成");
        var second = await W.ReportAsync(W.RepA, W.Task3, 50, "入园率 85%");
        var office = await W.As(W.Office);
        var inbox = (await office.GetJsonAsync($"/api/v1/reviews?planId={W.PlanId}")).AsArray();
        Assert.Equal([first.Id(), second.Id()], inbox.Select(x => x!.Int("reportId")));
        var item = inbox[0]!;
        Assert.Equal(W.Task1, item.Int("taskId"));
        Assert.Equal(W.PlanId, item.Int("planId"));
        Assert.StartsWith("基础教育股", item.Str("unit"));
        Assert.Equal(LoopWorld.ThisPeriod, item.Str("period"));
        Assert.Equal(30, item.Int("progress"));
        Assert.NotNull(item["submittedAt"]);

        var approved = await office.PostJsonAsync($"/api/v1/reports/{first.Id()}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal("approved", approved.Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"/api/v1/reports/{first.Id()}/approve").StatusOf());
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"/api/v1/reports/{first.Id()}/return", new { comment = "晚了" }).StatusOf());
        inbox = (await office.GetJsonAsync($"/api/v1/reviews?planId={W.PlanId}")).AsArray();
        Assert.Equal([second.Id()], inbox.Select(x => x!.Int("reportId")));

        var notes = await W.NotificationsAsync(W.RepA);
        var note = Assert.Single(notes, n => n.Str("kind") == "report_approved");
        Assert.Contains("审核通过", note.Str("text"));
        Assert.Null(note["readAt"]);
        Assert.NotNull(note["createdAt"]);
        Assert.NotNull(note["id"]);
        // Another unit's notifications are not mine.
        Assert.DoesNotContain(await W.NotificationsAsync(W.RepB), n => n.Str("kind") == "report_approved");
    }

    [Fact]
    public async Task A_returned_report_tells_the_unit_why_and_the_unit_files_again()
    {
        var report = await W.ReportAsync(W.RepA, W.Task1, 40);
        var office = await W.As(W.Office);
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post($"/api/v1/reports/{report.Id()}/return", new { comment = " " }).StatusOf());
        var returned = await office.PostJsonAsync($"/api/v1/reports/{report.Id()}/return", new { comment = "请补充佐证材料" }, HttpStatusCode.OK);
        Assert.Equal("returned", returned.Str("status"));
        Assert.Equal(0, (await W.TaskAsync(W.Task1)).Int("progress"));
        var note = Assert.Single(await W.NotificationsAsync(W.RepA), n => n.Str("kind") == "report_returned");
        Assert.Contains("请补充佐证材料", note.Str("text"));

        var again = await W.ReportAsync(W.RepA, W.Task1, 45, "补充了照片");
        Assert.Equal("submitted", again.Str("status"));
        Assert.Equal(45, (await W.TaskAsync(W.Task1)).Int("progress"));
        var unread = await (await W.As(W.RepA)).GetJsonAsync("/api/v1/notifications/unread");
        Assert.True(unread.Int("unread") >= 1);
        await (await W.As(W.RepA)).PostJsonAsync($"/api/v1/notifications/{note.Id()}/read", new { }, HttpStatusCode.OK);
        Assert.Equal(unread.Int("unread") - 1, (await (await W.As(W.RepA)).GetJsonAsync("/api/v1/notifications/unread")).Int("unread"));
    }

    [Fact]
    public async Task The_unit_edits_or_withdraws_its_report_until_the_office_acts_and_nobody_else_may()
    {
        var report = await W.ReportAsync(W.RepA, W.Task1, 20);
        var repA = await W.As(W.RepA);
        var edited = await (await repA.PutAsJsonAsync($"/api/v1/reports/{report.Id()}", new { progress = 25, text = "更正" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(25, edited.Int("progress"));
        Assert.Equal(25, (await W.TaskAsync(W.Task1)).Int("progress"));
        // Another unit, the office and a sibling organisation may not withdraw it.
        Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(W.RepB)).Post($"/api/v1/reports/{report.Id()}/withdraw").StatusOf());
        Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(W.Office)).Post($"/api/v1/reports/{report.Id()}/withdraw").StatusOf());
        Assert.Equal(HttpStatusCode.NotFound, await (await W.As(W.SiblingRep)).Post($"/api/v1/reports/{report.Id()}/withdraw").StatusOf());
        var withdrawn = await repA.PostJsonAsync($"/api/v1/reports/{report.Id()}/withdraw", new { }, HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn.Str("status"));
        Assert.Equal(0, (await W.TaskAsync(W.Task1)).Int("progress"));

        var next = await W.ReportAsync(W.RepA, W.Task1, 30);
        await (await W.As(W.Office)).PostJsonAsync($"/api/v1/reports/{next.Id()}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, await repA.Post($"/api/v1/reports/{next.Id()}/withdraw").StatusOf());
        Assert.Equal(HttpStatusCode.Conflict, await (await repA.PutAsJsonAsync($"/api/v1/reports/{next.Id()}", new { progress = 90, text = "x" })).StatusCode.AsTask());
        // Approved is live: no second report for the period.
        Assert.Equal(HttpStatusCode.Conflict, await repA.Post($"/api/v1/tasks/{W.Task1}/reports", new { period = LoopWorld.ThisPeriod, progress = 35, text = "再报" }).StatusOf());
    }

    [Theory]
    [InlineData("２０２６-０５")] [InlineData("2026-05\n")] [InlineData("9999-01")] [InlineData("2026-5")] [InlineData(" 2026-05")]
    [InlineData("2026-00")] [InlineData("2025-12")]
    public async Task Bad_periods_are_refused(string period)
    {
        var res = await (await W.As(W.RepA)).Post($"/api/v1/tasks/{W.Task1}/reports", new { period = period.Replace("2026", W.Year.ToString()).Replace("2025", (W.Year - 1).ToString()), progress = 10, text = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains("周期", await res.ProblemTitle());
    }

    [Fact]
    public async Task A_future_period_and_an_empty_report_are_refused()
    {
        var repA = await W.As(W.RepA);
        factory.Clock.Set(new DateTimeOffset(W.Year, 5, 10, 8, 0, 0, TimeSpan.Zero));
        var future = await repA.Post($"/api/v1/tasks/{W.Task1}/reports", new { period = $"{W.Year}-06", progress = 10, text = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("未来", await future.ProblemTitle());
        var empty = await repA.Post($"/api/v1/tasks/{W.Task1}/reports", new { period = $"{W.Year}-04", progress = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        await W.ReportAsync(W.RepA, W.Task1, 10, "四月进展", $"{W.Year}-04");
    }

    [Fact]
    public async Task A_supporting_unit_reports_its_part_beside_the_lead_without_overwriting_it()
    {
        await W.ReportAsync(W.RepA, W.Task1, 40, "牵头单位进展");
        var support = await W.ReportAsync(W.RepB, W.Task1, 90, "配合单位：已拨付经费");
        Assert.False(support["drives"]!.GetValue<bool>());
        Assert.Equal(40, (await W.TaskAsync(W.Task1)).Int("progress"));
        var history = (await (await W.As(W.Office)).GetJsonAsync($"/api/v1/tasks/{W.Task1}/reports")).AsArray();
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public async Task Bulk_approve_and_return_decide_each_report_and_list_those_already_decided()
    {
        var r1 = await W.ReportAsync(W.RepA, W.Task1, 10);
        var r2 = await W.ReportAsync(W.RepA, W.Task3, 20);
        var r3 = await W.ReportAsync(W.RepB, W.Task2, 30);
        var office = await W.As(W.Office);
        var bulk = await office.PostJsonAsync("/api/v1/reviews/approve", new { reportIds = new[] { r1.Id(), r2.Id() } }, HttpStatusCode.OK);
        Assert.Equal(2, bulk["done"]!.AsArray().Count);
        var back = await office.PostJsonAsync("/api/v1/reviews/return", new { reportIds = new[] { r2.Id(), r3.Id() }, comment = "数据有误" }, HttpStatusCode.OK);
        Assert.Equal([r3.Id()], back["done"]!.AsArray().Select(x => x!.GetValue<int>()));
        Assert.Equal(r2.Id(), Assert.Single(back["failed"]!.AsArray())!.Int("reportId"));
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post("/api/v1/reviews/return", new { reportIds = new[] { r1.Id() } }).StatusOf());
        var byUnit = await (await W.As(W.RepA)).PostJsonAsync("/api/v1/reviews/approve", new { reportIds = new[] { r3.Id() } }, HttpStatusCode.OK);
        Assert.Empty(byUnit["done"]!.AsArray());
        Assert.Equal(403, Assert.Single(byUnit["failed"]!.AsArray())!.Int("status"));
    }

    [Fact]
    public async Task The_supervision_routes_are_described_in_the_openapi_document()
    {
        var doc = await (await factory.ClientAsync()).GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/v1/reviews", "/api/v1/reports/{id}/approve", "/api/v1/reports/{id}/return", "/api/v1/reports/{id}/withdraw",
                     "/api/v1/plans/{id}/missing", "/api/v1/plans/{id}/urge", "/api/v1/notifications", "/api/v1/supervisions",
                     "/api/v1/supervisions/{id}", "/api/v1/supervisions/{id}/reply", "/api/v1/supervisions/{id}/close", "/api/v1/supervisions/{id}/return",
                     "/api/v1/supervisions/{id}/escalate", "/api/v1/tasks/{id}/close", "/api/v1/tasks/{id}/reopen", "/api/v1/tasks/{id}/extension-requests",
                     "/api/v1/requests/{id}/approve", "/api/v1/plans/{id}/supervision-stats" })
            Assert.Contains($"\"{route}\"", doc);
    }

    [Fact]
    public async Task Only_the_office_of_the_plan_decides_on_reports()
    {
        var report = await W.ReportAsync(W.RepA, W.Task1, 10);
        foreach (var who in new[] { W.RepA, W.RepB, W.Leader, W.Viewer })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(who)).Post($"/api/v1/reports/{report.Id()}/approve").StatusOf());
            Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(who)).Post($"/api/v1/reports/{report.Id()}/return", new { comment = "x" }).StatusOf());
        }
        Assert.Equal(HttpStatusCode.NotFound, await (await W.As(W.SiblingOffice)).Post($"/api/v1/reports/{report.Id()}/approve").StatusOf());
        Assert.Empty((await (await W.As(W.SiblingOffice)).GetJsonAsync("/api/v1/reviews")).AsArray());
        Assert.Empty((await (await W.As(W.RepA)).GetJsonAsync("/api/v1/reviews")).AsArray());
    }

    [Fact]
    public async Task Missing_lists_the_late_units_and_urging_notifies_each_once_a_day()
    {
        var office = await W.As(W.Office);
        var period = LoopWorld.ThisPeriod;
        await W.ReportAsync(W.RepA, W.Task1, 10);
        var missing = (await office.GetJsonAsync($"/api/v1/plans/{W.PlanId}/missing?period={period}")).AsArray();
        // A filed task 1 but not task 3; B (supporting task 1, leading task 2) filed nothing.
        var a = missing.Single(m => m!.Int("unitId") == W.UnitA)!;
        Assert.Equal([W.Task3], a["taskIds"]!.AsArray().Select(x => x!.GetValue<int>()));
        Assert.StartsWith("基础教育股", a.Str("unit"));
        var b = missing.Single(m => m!.Int("unitId") == W.UnitB)!;
        Assert.Equal(new[] { W.Task1, W.Task2 }.Order(), b["taskIds"]!.AsArray().Select(x => x!.GetValue<int>()).Order());
        Assert.Equal(HttpStatusCode.BadRequest, await office.GetAsync($"/api/v1/plans/{W.PlanId}/missing?period=2026-5").ContinueWith(t => t.Result.StatusCode));

        var urged = await office.PostJsonAsync($"/api/v1/plans/{W.PlanId}/urge", new { period, unitIds = new[] { W.UnitB } }, HttpStatusCode.OK);
        Assert.Equal(1, urged.Int("notified"));
        var note = Assert.Single(await W.NotificationsAsync(W.RepB), n => n.Str("kind") == "urged");
        Assert.Contains("催办", note.Str("text"));
        Assert.DoesNotContain(await W.NotificationsAsync(W.RepA), n => n.Str("kind") == "urged");
        // All late units: B already today, A now.
        Assert.Equal(1, (await office.PostJsonAsync($"/api/v1/plans/{W.PlanId}/urge", new { period }, HttpStatusCode.OK)).Int("notified"));
        Assert.Equal(0, (await office.PostJsonAsync($"/api/v1/plans/{W.PlanId}/urge", new { period }, HttpStatusCode.OK)).Int("notified"));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        TestApi.ForgetTokens(factory);
        office = await W.As(W.Office);
        Assert.Equal(2, (await office.PostJsonAsync($"/api/v1/plans/{W.PlanId}/urge", new { period }, HttpStatusCode.OK)).Int("notified"));
        var view = await office.GetJsonAsync($"/api/v1/plans/{W.PlanId}/periods/{period}");
        Assert.Equal(4, view["urges"]!.AsArray().Count);
        Assert.All(view["urges"]!.AsArray(), u => Assert.Equal(W.Office, u!.Str("byName")));
        Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(W.RepA)).Post($"/api/v1/plans/{W.PlanId}/urge", new { period }).StatusOf());
        Assert.Equal(HttpStatusCode.NotFound, await (await W.As(W.SiblingOffice)).Post($"/api/v1/plans/{W.PlanId}/urge", new { period }).StatusOf());
    }
}

public abstract partial class ReviewLoopStatsTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() { factory.Clock.Reset(); TestApi.ForgetTokens(factory); return Task.CompletedTask; }

    [Fact]
    public async Task The_dashboard_counts_on_time_reporting_per_unit_notices_by_level_and_the_progress_at_each_period_end()
    {
        var december = $"{W.Year}-12";
        factory.Clock.Set(new DateTimeOffset(W.Year, 12, 2, 8, 0, 0, TimeSpan.Zero));
        TestApi.ForgetTokens(factory);
        await W.ReportAsync(W.RepA, W.Task1, 30, "十二月进展", december);
        await (await W.As(W.Office)).PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task3 }, unitIds = new[] { W.UnitA }, level = "yellow",
            reason = "滞后", replyBy = $"{W.Year}-12-20" });
        factory.Clock.Set(new DateTimeOffset(W.Year + 1, 1, 6, 8, 0, 0, TimeSpan.Zero));
        TestApi.ForgetTokens(factory);
        var stats = await (await W.As(W.Leader)).GetJsonAsync($"/api/v1/plans/{W.PlanId}/supervision-stats");
        var a = stats["units"]!.AsArray().Single(u => u!.Int("unitId") == W.UnitA)!;
        Assert.Equal((2, 1), (a.Int("owed"), a.Int("onTime")));
        Assert.Equal(0.5, a["onTimeRate"]!.GetValue<double>());
        Assert.Equal(1, a.Int("yellow"));
        var b = stats["units"]!.AsArray().Single(u => u!.Int("unitId") == W.UnitB)!;
        Assert.Equal((2, 0), (b.Int("owed"), b.Int("onTime"))); // the lead's report is not the supporting unit's
        Assert.Equal(W.UnitA, stats["units"]![0]!.Int("unitId")); // ranked by on-time reporting
        var trend = stats["trend"]!.AsArray();
        Assert.Equal(12, trend.Count);
        Assert.Equal(10, trend[^1]!.Int("progress")); // (30 + 0 + 0) / 3 leaves at the end of December
        Assert.Equal(0, trend[^2]!.Int("progress"));
        var page = await PageClient.SignInAsync(factory, W.Leader);
        Assert.Contains("supervision-stats", await page.GetHtmlAsync($"/Plans/{W.PlanId}/Dashboard"));
        Assert.Contains("按时报送率", await page.GetHtmlAsync($"/Plans/{W.PlanId}/Dashboard?handler=Stats"));
    }
}

public sealed class ReviewLoopStatsSqliteTests(SqliteLedgerFactory f) : ReviewLoopStatsTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class ReviewLoopStatsPostgresTests(PostgresLedgerFactory f) : ReviewLoopStatsTests(f), IClassFixture<PostgresLedgerFactory>;

internal static class StatusCodeExtensions
{
    public static Task<HttpStatusCode> AsTask(this HttpStatusCode s) => Task.FromResult(s);
}

public sealed class ReviewLoopSqliteTests(SqliteLedgerFactory f) : ReviewLoopTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class ReviewLoopPostgresTests(PostgresLedgerFactory f) : ReviewLoopTests(f), IClassFixture<PostgresLedgerFactory>;
