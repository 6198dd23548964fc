using System.Net;
using System.Text.RegularExpressions;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>The supervision pages as a person uses them: 待审核, 本期报送情况 with 催办, 督办单 issue/reply/close, 今日工作, 通知.</summary>
public abstract partial class SupervisionPagesTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_office_reviews_urges_and_supervises_from_the_pages_and_the_unit_answers()
    {
        var report = await W.ReportAsync(W.RepA, W.Task1, 30, "选址<b>完成</b>");
        var office = await PageClient.SignInAsync(factory, W.Office);

        var home = await office.GetHtmlAsync("/");
        Assert.Contains("今日工作", home);
        Assert.Matches(new Regex("id=\"today-review\"><div class=\"num\">[1-9]"), home);

        var inbox = await office.GetHtmlAsync($"/Reviews?PlanId={W.PlanId}");
        Assert.Contains($"data-report=\"{report.Id()}\"", inbox);
        Assert.Contains("选址&lt;b&gt;完成&lt;/b&gt;", inbox); // document and report text is always encoded
        var res = await office.PostFormAsync($"/Reviews?PlanId={W.PlanId}", $"/Reviews?handler=Bulk&PlanId={W.PlanId}",
            new() { ["reportIds"] = report.Id().ToString(), ["decision"] = "approve" });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var after = await res.Content.ReadAsStringAsync();
        Assert.Contains("通过 1 条", after);
        Assert.DoesNotContain($"data-report=\"{report.Id()}\"", after);
        // 今日工作's count of reports waiting (kept per plan revision) drops on the next view of the home page.
        Assert.Matches(new Regex("id=\"today-review\"><div class=\"num\">0<"), await office.GetHtmlAsync("/"));

        var period = await office.GetHtmlAsync($"/Plans/{W.PlanId}/Period?P={LoopWorld.ThisPeriod}");
        Assert.Contains("本期报送情况", period);
        Assert.Contains("一键催办", period);
        res = await office.PostFormAsync($"/Plans/{W.PlanId}/Period?P={LoopWorld.ThisPeriod}", $"/Plans/{W.PlanId}/Period?handler=Urge",
            new() { ["period"] = LoopWorld.ThisPeriod, ["unitIds"] = W.UnitB.ToString() });
        var urged = await res.Content.ReadAsStringAsync();
        Assert.Contains("已催办 1 个单位", urged);
        Assert.Contains(W.Office, urged[urged.IndexOf("催办记录", StringComparison.Ordinal)..]);

        var form = await office.GetHtmlAsync($"/Supervisions/New?TaskIds={W.Task1}");
        Assert.Contains("下发督办单", form);
        res = await office.PostFormAsync($"/Supervisions/New?TaskIds={W.Task1}", "/Supervisions/New", new()
        {
            ["taskIds"] = W.Task1.ToString(), ["unitIds"] = W.UnitA.ToString(), ["level"] = "blue", ["reason"] = "进度滞后",
            ["replyBy"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"),
        });
        var detail = await res.Content.ReadAsStringAsync();
        Assert.Contains("督办〔", detail);
        Assert.Contains("已下发", detail);
        var noticeUrl = res.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(new Regex(@"^/Supervisions/\d+$"), noticeUrl);

        var unit = await PageClient.SignInAsync(factory, W.RepA);
        Assert.Matches(new Regex("id=\"unread-count\">[1-9]"), await unit.GetHtmlAsync("/"));
        var notes = await unit.GetHtmlAsync("/Notifications");
        Assert.Contains("督办", notes);
        var unitView = await unit.GetHtmlAsync(noticeUrl);
        Assert.Contains("提交反馈", unitView);
        res = await unit.PostFormAsync(noticeUrl, noticeUrl + "?handler=Reply", new() { ["text"] = "已完成招标" },
            [("evidence", "照片.pdf", "%PDF-1.7 x"u8.ToArray())]);
        var replied = await res.Content.ReadAsStringAsync();
        Assert.Contains("已反馈", replied);
        Assert.Contains("照片.pdf", replied);
        // The other unit does not see the notice at all.
        var other = await PageClient.SignInAsync(factory, W.RepB);
        await other.GetHtmlAsync(noticeUrl, HttpStatusCode.NotFound);

        res = await office.PostFormAsync(noticeUrl, noticeUrl + "?handler=Close", new() { ["comment"] = "同意办结" });
        Assert.Contains("已办结", await res.Content.ReadAsStringAsync());
        var task = await office.GetHtmlAsync($"/Tasks/{W.Task1}");
        Assert.Contains("task-notices", task);
    }

    [Fact]
    public async Task A_unit_withdraws_from_the_task_page_and_asks_for_an_extension_the_office_approves()
    {
        var report = await W.ReportAsync(W.RepA, W.Task3, 20);
        var unit = await PageClient.SignInAsync(factory, W.RepA);
        var page = await unit.GetHtmlAsync($"/Tasks/{W.Task3}");
        Assert.Contains("撤回", page);
        var res = await unit.PostFormAsync($"/Tasks/{W.Task3}", $"/Tasks/{W.Task3}?handler=Withdraw", new() { ["reportId"] = report.Id().ToString() });
        Assert.Contains("已撤回", await res.Content.ReadAsStringAsync());
        var due = DateOnly.Parse((await W.TaskAsync(W.Task3)).Str("dueDate")).AddMonths(1).ToString("yyyy-MM-dd");
        res = await unit.PostFormAsync($"/Tasks/{W.Task3}", $"/Tasks/{W.Task3}?handler=Extension", new() { ["dueDate"] = due, ["reason"] = "雨季停工" });
        Assert.Contains("待审批", await res.Content.ReadAsStringAsync());

        var office = await PageClient.SignInAsync(factory, W.Office);
        var list = await office.GetHtmlAsync("/Requests");
        var id = Regex.Match(list, "data-request=\"(\\d+)\"").Groups[1].Value;
        res = await office.PostFormAsync("/Requests", "/Requests?handler=Decide", new() { ["requestId"] = id, ["decision"] = "approve" });
        Assert.Contains("已批准", await res.Content.ReadAsStringAsync());
        Assert.Equal(due, (await W.TaskAsync(W.Task3)).Str("dueDate"));
    }

    [Theory]
    [InlineData("/Reviews")] [InlineData("/Requests")] [InlineData("/Supervisions")] [InlineData("/Supervisions/New")] [InlineData("/Notifications")]
    public async Task The_pages_have_english_labels(string url)
    {
        var office = await PageClient.SignInAsync(factory, W.Office);
        await office.Http.GetAsync("/culture?c=en&returnUrl=/");
        var html = await office.GetHtmlAsync(url);
        Assert.DoesNotContain(">待审核<", html);
        Assert.DoesNotContain(">督办单<", html);
    }
}

public sealed class SupervisionPagesSqliteTests(SqliteLedgerFactory f) : SupervisionPagesTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class SupervisionPagesPostgresTests(PostgresLedgerFactory f) : SupervisionPagesTests(f), IClassFixture<PostgresLedgerFactory>;
