using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Features.Supervision;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>督办单 through the API: numbering, the flow 已下发 → 已签收 → 已反馈 → 已办结 | 退回重办, 中止, escalation, visibility.</summary>
public abstract class SupervisionNoticeTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    private string ReplyBy(int days = 10) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

    private async Task<System.Text.Json.Nodes.JsonNode> IssueAsync(string level = "blue", int[]? tasks = null, int[]? units = null, string? by = null) =>
        await (await W.As(by ?? W.Office)).PostJsonAsync("/api/v1/supervisions",
            new { taskIds = tasks ?? [W.Task1], unitIds = units ?? [W.UnitA], level, reason = "进度滞后于序时进度", replyBy = ReplyBy() });

    [Fact]
    public async Task Issuing_numbers_the_notice_per_organisation_and_year_and_tells_the_unit()
    {
        var first = await IssueAsync();
        Assert.Equal($"督办〔{DateTime.UtcNow.Year}〕1号", first.Str("number"));
        Assert.Equal("blue", first.Str("level"));
        Assert.Equal("issued", first.Str("state"));
        Assert.Equal(ReplyBy(), first.Str("replyBy"));
        Assert.Equal([W.Task1], first["taskIds"]!.AsArray().Select(x => x!.GetValue<int>()));
        Assert.Equal([W.UnitA], first["unitIds"]!.AsArray().Select(x => x!.GetValue<int>()));
        var second = await IssueAsync("red", [W.Task1, W.Task3], [W.UnitA, W.UnitB]);
        Assert.Equal($"督办〔{DateTime.UtcNow.Year}〕2号", second.Str("number"));
        Assert.Equal(2, second["taskIds"]!.AsArray().Count);
        Assert.Contains(await W.NotificationsAsync(W.RepA), n => n.Str("kind") == "supervision_issued" && n.Str("text").Contains("督办〔"));
        Assert.Contains(await W.NotificationsAsync(W.RepB), n => n.Str("kind") == "supervision_issued");

        var office = await W.As(W.Office);
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, level = "purple", reason = "x", replyBy = ReplyBy() }).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, level = "blue", reason = "x", replyBy = "2020-01-01" }).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, level = "blue", reason = "", replyBy = ReplyBy() }).StatusOf());
        Assert.Equal(HttpStatusCode.NotFound, await (await W.As(W.SiblingOffice)).Post("/api/v1/supervisions",
            new { taskIds = new[] { W.Task1 }, level = "blue", reason = "x", replyBy = ReplyBy() }).StatusOf());
        foreach (var who in new[] { W.RepA, W.Leader, W.Viewer })
            Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(who)).Post("/api/v1/supervisions",
                new { taskIds = new[] { W.Task1 }, level = "blue", reason = "x", replyBy = ReplyBy() }).StatusOf());
    }

    [Fact]
    public async Task The_flow_runs_from_issued_through_replied_and_returned_to_closed_with_its_history()
    {
        var n = await IssueAsync();
        var url = $"/api/v1/supervisions/{n.Id()}";
        var repA = await W.As(W.RepA);
        var office = await W.As(W.Office);
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/close").StatusOf());
        Assert.Equal("acknowledged", (await repA.PostJsonAsync($"{url}/acknowledge", new { }, HttpStatusCode.OK)).Str("state"));
        Assert.Equal(HttpStatusCode.BadRequest, await repA.Post($"{url}/reply", new { text = "" }).StatusOf());
        Assert.Equal("replied", (await repA.PostJsonAsync($"{url}/reply", new { text = "已完成选址，正在招标" }, HttpStatusCode.OK)).Str("state"));
        Assert.Contains(await W.NotificationsAsync(W.Office), x => x.Str("kind") == "supervision_replied");
        Assert.Equal(HttpStatusCode.Conflict, await repA.Post($"{url}/reply", new { text = "再反馈" }).StatusOf());
        var back = await office.PostJsonAsync($"{url}/return", new { comment = "请明确完工时间" }, HttpStatusCode.OK);
        Assert.Equal("issued", back.Str("state"));
        Assert.Contains(await W.NotificationsAsync(W.RepA), x => x.Str("kind") == "supervision_returned" && x.Str("text").Contains("请明确完工时间"));
        await repA.PostJsonAsync($"{url}/reply", new { text = "10月底前完工" }, HttpStatusCode.OK);
        var closed = await office.PostJsonAsync($"{url}/close", new { comment = "同意办结" }, HttpStatusCode.OK);
        Assert.Equal("closed", closed.Str("state"));
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/stop", new { reason = "x" }).StatusOf());
        Assert.Equal(HttpStatusCode.Conflict, await repA.Post($"{url}/reply", new { text = "x" }).StatusOf());

        var detail = await office.GetJsonAsync(url);
        var steps = detail["history"]!.AsArray().Select(h => h!.Str("step")).ToList();
        Assert.Equal(["issue", "acknowledge", "reply", "return", "reply", "close"], steps);
        Assert.All(detail["history"]!.AsArray(), h => Assert.False(string.IsNullOrEmpty(h!.Str("by"))));
        Assert.Equal("10月底前完工", detail["history"]![4]!.Str("text"));
    }

    [Fact]
    public async Task Stopping_needs_a_reason_and_only_the_office_decides()
    {
        var n = await IssueAsync();
        var url = $"/api/v1/supervisions/{n.Id()}";
        var office = await W.As(W.Office);
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post($"{url}/stop", new { reason = "" }).StatusOf());
        foreach (var who in new[] { W.RepA, W.Leader, W.Viewer })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(who)).Post($"{url}/stop", new { reason = "x" }).StatusOf());
            Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(who)).Post($"{url}/escalate").StatusOf());
        }
        Assert.Equal(HttpStatusCode.Forbidden, await office.Post($"{url}/reply", new { text = "x" }).StatusOf());
        var stopped = await office.PostJsonAsync($"{url}/stop", new { reason = "任务调整，不再督办" }, HttpStatusCode.OK);
        Assert.Equal("stopped", stopped.Str("state"));
        Assert.Equal("任务调整，不再督办", stopped.Str("stopReason"));
        Assert.Equal(HttpStatusCode.Conflict, await (await W.As(W.RepA)).Post($"{url}/acknowledge").StatusOf());
    }

    [Fact]
    public async Task A_unit_never_sees_another_units_notice_and_a_sibling_organisation_sees_neither()
    {
        var forA = await IssueAsync(units: [W.UnitA]);
        var forB = await IssueAsync(tasks: [W.Task2], units: [W.UnitB]);
        var repA = await W.As(W.RepA);
        Assert.Equal([forA.Id()], (await repA.GetJsonAsync("/api/v1/supervisions")).AsArray().Select(x => x!.Id()));
        Assert.Equal(HttpStatusCode.NotFound, (await repA.GetAsync($"/api/v1/supervisions/{forB.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await repA.Post($"/api/v1/supervisions/{forB.Id()}/reply", new { text = "x" }).StatusOf());
        Assert.Equal(HttpStatusCode.NotFound, await repA.Post($"/api/v1/supervisions/{forB.Id()}/close").StatusOf());
        foreach (var who in new[] { W.SiblingOffice, W.SiblingRep })
        {
            var other = await W.As(who);
            Assert.Empty((await other.GetJsonAsync("/api/v1/supervisions")).AsArray());
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/supervisions/{forA.Id()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, await other.Post($"/api/v1/supervisions/{forA.Id()}/close").StatusOf());
        }
        // Leaders, viewers and the office see both; the root organisation above sees them too.
        foreach (var who in new[] { W.Leader, W.Viewer, W.Office, "admin" })
            Assert.Equal(2, (await (await W.As(who)).GetJsonAsync("/api/v1/supervisions")).AsArray().Count(x => x!.Id() == forA.Id() || x!.Id() == forB.Id()));
    }

    [Fact]
    public async Task A_missed_reply_deadline_is_proposed_for_escalation_and_the_office_escalates_blue_to_yellow_to_red()
    {
        var n = await IssueAsync();
        var url = $"/api/v1/supervisions/{n.Id()}";
        var late = DateTimeOffset.UtcNow.AddDays(11);
        Assert.Equal(new EscalationRun(0, 0), await RunJobAsync(DateTimeOffset.UtcNow, auto: false));
        Assert.True((await RunJobAsync(late, auto: false)).Proposed >= 1);
        Assert.Equal(0, (await RunJobAsync(late, auto: false)).Proposed); // once per deadline
        var office = await W.As(W.Office);
        Assert.True((await office.GetJsonAsync(url))["escalationProposed"]!.GetValue<bool>());
        Assert.Contains(await W.NotificationsAsync(W.Office), x => x.Str("kind") == "escalation_proposed" && x.Str("text").Contains("黄色"));

        var yellow = await office.PostJsonAsync($"{url}/escalate", new { replyBy = ReplyBy(5) }, HttpStatusCode.OK);
        Assert.Equal("yellow", yellow.Str("level"));
        Assert.Equal(ReplyBy(5), yellow.Str("replyBy"));
        Assert.False(yellow["escalationProposed"]!.GetValue<bool>());
        Assert.Contains(await W.NotificationsAsync(W.RepA), x => x.Str("kind") == "supervision_escalated");
        Assert.Equal("red", (await office.PostJsonAsync($"{url}/escalate", new { }, HttpStatusCode.OK)).Str("level"));
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/escalate").StatusOf());
    }

    [Fact]
    public async Task With_automatic_escalation_the_job_escalates_by_itself()
    {
        var n = await IssueAsync();
        var run = await RunJobAsync(DateTimeOffset.UtcNow.AddDays(11), auto: true);
        Assert.True(run.Escalated >= 1);
        var detail = await (await W.As(W.Office)).GetJsonAsync($"/api/v1/supervisions/{n.Id()}");
        Assert.Equal("yellow", detail.Str("level"));
        Assert.Equal("escalate", detail["history"]!.AsArray().Last()!.Str("step"));
    }

    [Fact]
    public async Task A_matter_not_in_the_plan_becomes_a_task_of_its_own_that_the_unit_reports_on()
    {
        var office = await W.As(W.Office);
        var n = await office.PostJsonAsync("/api/v1/supervisions", new
        {
            unitIds = new[] { W.UnitA }, level = "blue", reason = "落实县长批示", replyBy = ReplyBy(),
            matter = new { title = "校园周边交通安全整治", text = "县长批示：请教育局牵头落实", source = "leader_instruction", dueDate = ReplyBy(30) },
        });
        var taskId = Assert.Single(n["taskIds"]!.AsArray())!.GetValue<int>();
        var detail = await office.GetJsonAsync($"/api/v1/supervisions/{n.Id()}");
        Assert.Equal("leader_instruction", detail["tasks"]![0]!.Str("source"));
        var report = await W.ReportAsync(W.RepA, taskId, 50, "已开展联合整治");
        Assert.Equal("submitted", report.Str("status"));
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post("/api/v1/supervisions", new
        {
            unitIds = new[] { W.UnitA }, level = "blue", reason = "x", replyBy = ReplyBy(), matter = new { title = "x", source = "rumour" },
        }).StatusOf());
    }

    private async Task<EscalationRun> RunJobAsync(DateTimeOffset at, bool auto)
    {
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var clock = new FixedClock(at);
        var db = sp.GetRequiredService<LedgerDbContext>();
        return await new SupervisionEscalation(db, new Notifier(db, clock), Options.Create(new SupervisionOptions { AutoEscalate = auto }), clock).RunAsync();
    }
}

public sealed class SupervisionNoticeSqliteTests(SqliteLedgerFactory f) : SupervisionNoticeTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class SupervisionNoticePostgresTests(PostgresLedgerFactory f) : SupervisionNoticeTests(f), IClassFixture<PostgresLedgerFactory>;
