using System.Net;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>销号 with a reason and 撤销销号, 常态落实, 延期申请 and 销号申请 with the office's decisions, 领导批示.</summary>
public abstract class DecisionsTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Date(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Close_out_needs_a_reason_and_can_be_undone_with_one_keeping_the_history()
    {
        await W.ReportAsync(W.RepA, W.Task1, 60);
        var office = await W.As(W.Office);
        var url = $"/api/v1/tasks/{W.Task1}";
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post($"{url}/close", new { reason = "" }).StatusOf());
        var closed = await office.PostJsonAsync($"{url}/close", new { reason = "已建成并通过验收" }, HttpStatusCode.OK);
        Assert.Equal("done", closed.Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/close", new { reason = "again" }).StatusOf());
        Assert.Contains(await W.NotificationsAsync(W.RepA), n => n.Str("kind") == "close_out_decided");
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post($"{url}/reopen", new { reason = "" }).StatusOf());
        Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(W.RepA)).Post($"{url}/reopen", new { reason = "x" }).StatusOf());
        var reopened = await office.PostJsonAsync($"{url}/reopen", new { reason = "验收材料不全" }, HttpStatusCode.OK);
        Assert.NotEqual("done", reopened.Str("status"));
        Assert.Equal(60, reopened.Int("progress"));
        var history = (await office.GetJsonAsync($"{url}/history")).AsArray();
        Assert.Equal(["close_out_undone", "closed_out"], history.Select(h => h!.Str("kind")));
        Assert.Equal("验收材料不全", history[0]!.Str("text"));
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/reopen", new { reason = "x" }).StatusOf());
    }

    [Fact]
    public async Task A_standing_duty_is_reported_on_but_never_done()
    {
        var task = await W.TaskAsync(W.Task2);
        Assert.Equal("长期坚持", task.Str("deadline"));
        await W.ReportAsync(W.RepB, W.Task2, 100, "持续开展培训");
        var office = await W.As(W.Office);
        var res = await office.Post($"/api/v1/tasks/{W.Task2}/close", new { reason = "完成" });
        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
        Assert.Contains("常态落实", await res.ProblemTitle());
        Assert.NotEqual("done", (await W.TaskAsync(W.Task2)).Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, await (await W.As(W.RepB)).Post($"/api/v1/tasks/{W.Task2}/closeout-requests", new { reason = "完成" }).StatusOf());
        // The office may take the standing duty back (then it can be closed out like any task).
        var back = await office.PostJsonAsync($"/api/v1/tasks/{W.Task2}/ongoing", new { ongoing = false }, HttpStatusCode.OK);
        Assert.False(back["ongoing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_approved_extension_moves_the_due_date_and_keeps_the_old_one()
    {
        var repA = await W.As(W.RepA);
        var url = $"/api/v1/tasks/{W.Task3}/extension-requests";
        var due = (await W.TaskAsync(W.Task3)).Str("dueDate");
        var later = DateOnly.Parse(due).AddMonths(2).ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.BadRequest, await repA.Post(url, new { dueDate = later, reason = "" }).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await repA.Post(url, new { dueDate = Date(-1), reason = "x" }).StatusOf());
        Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(W.RepB)).Post(url, new { dueDate = later, reason = "x" }).StatusOf());
        var req = await repA.PostJsonAsync(url, new { dueDate = later, reason = "施工受雨季影响" });
        Assert.Equal("pending", req.Str("state"));
        Assert.Equal(HttpStatusCode.Conflict, await repA.Post(url, new { dueDate = later, reason = "再申请" }).StatusOf());
        Assert.Contains(await W.NotificationsAsync(W.Office), n => n.Str("kind") == "request_submitted");

        var office = await W.As(W.Office);
        Assert.Single((await office.GetJsonAsync("/api/v1/requests?state=pending")).AsArray(), r => r!.Id() == req.Id());
        Assert.Empty((await (await W.As(W.RepB)).GetJsonAsync("/api/v1/requests")).AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, await repA.Post($"/api/v1/requests/{req.Id()}/approve").StatusOf());
        var approved = await office.PostJsonAsync($"/api/v1/requests/{req.Id()}/approve", new { comment = "同意" }, HttpStatusCode.OK);
        Assert.Equal("approved", approved.Str("state"));
        Assert.Equal(due, approved.Str("previousDueDate"));
        Assert.Equal(later, (await W.TaskAsync(W.Task3)).Str("dueDate"));
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"/api/v1/requests/{req.Id()}/refuse", new { comment = "不同意" }).StatusOf());
        Assert.Contains(await W.NotificationsAsync(W.RepA), n => n.Str("kind") == "extension_decided" && n.Str("text").Contains("已批准"));
        Assert.Equal("extended", (await office.GetJsonAsync($"/api/v1/tasks/{W.Task3}/history")).AsArray()[0]!.Str("kind"));
    }

    [Fact]
    public async Task A_close_out_request_is_returned_with_a_comment_or_approved_closing_the_task()
    {
        var repA = await W.As(W.RepA);
        var office = await W.As(W.Office);
        var url = $"/api/v1/tasks/{W.Task1}/closeout-requests";
        var first = await repA.PostJsonAsync(url, new { reason = "3处幼儿园均已建成" });
        Assert.Equal("close_out", first.Str("kind"));
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post($"/api/v1/requests/{first.Id()}/refuse", new { comment = "" }).StatusOf());
        var refused = await office.PostJsonAsync($"/api/v1/requests/{first.Id()}/refuse", new { comment = "缺少验收报告" }, HttpStatusCode.OK);
        Assert.Equal("refused", refused.Str("state"));
        Assert.NotEqual("done", (await W.TaskAsync(W.Task1)).Str("status"));

        using var form = new MultipartFormDataContent { { new StringContent("补充了验收报告"), "reason" }, { new ByteArrayContent("%PDF-1.7 验收"u8.ToArray()), "file", "验收报告.pdf" } };
        var second = await (await repA.PostAsync(url, form)).JsonAsync(HttpStatusCode.Created);
        await office.PostJsonAsync($"/api/v1/requests/{second.Id()}/approve", new { }, HttpStatusCode.OK);
        var task = await W.TaskAsync(W.Task1);
        Assert.Equal("done", task.Str("status"));
        Assert.Equal(100, task.Int("progress"));
    }

    [Fact]
    public async Task A_leader_comments_on_a_task_and_its_units_are_told()
    {
        var leader = await W.As(W.Leader);
        var comment = await leader.PostJsonAsync($"/api/v1/tasks/{W.Task1}/comments", new { text = "要加快进度，确保年底前建成" });
        Assert.Equal(W.Leader, comment.Str("author"));
        Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(W.RepA)).Post($"/api/v1/tasks/{W.Task1}/comments", new { text = "x" }).StatusOf());
        Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(W.Office)).Post($"/api/v1/tasks/{W.Task1}/comments", new { text = "x" }).StatusOf());
        Assert.Equal(HttpStatusCode.BadRequest, await leader.Post($"/api/v1/tasks/{W.Task1}/comments", new { text = "" }).StatusOf());
        Assert.Contains(await W.NotificationsAsync(W.RepA), n => n.Str("kind") == "leader_comment" && n.Str("text").Contains("确保年底前建成"));
        Assert.Contains(await W.NotificationsAsync(W.RepB), n => n.Str("kind") == "leader_comment"); // supporting unit too
        Assert.Single((await (await W.As(W.Viewer)).GetJsonAsync($"/api/v1/tasks/{W.Task1}/comments")).AsArray());
    }
}

public sealed class DecisionsSqliteTests(SqliteLedgerFactory f) : DecisionsTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class DecisionsPostgresTests(PostgresLedgerFactory f) : DecisionsTests(f), IClassFixture<PostgresLedgerFactory>;
