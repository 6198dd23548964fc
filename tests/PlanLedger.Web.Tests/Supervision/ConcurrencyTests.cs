using System.Net;
using System.Net.Http.Json;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>
/// Real races: parallel requests against the application and its database, many iterations. Each decision must succeed
/// exactly once and the others answer 409; a section's roll-up never drifts.
/// </summary>
public abstract class ConcurrencyTests(LedgerFactory factory) : IAsyncLifetime
{
    private const int Parallel = 8, Iterations = 6;
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<List<HttpStatusCode>> Race(int n, Func<int, Task<HttpResponseMessage>> call)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, n).Select(async i =>
        {
            await start.WaitAsync();
            using var res = await call(i);
            return res.StatusCode;
        }).ToList();
        start.Release(n);
        return (await Task.WhenAll(tasks)).ToList();
    }

    private static void ExactlyOne(List<HttpStatusCode> codes, HttpStatusCode success)
    {
        Assert.Equal(1, codes.Count(c => c == success));
        Assert.All(codes.Where(c => c != success), c => Assert.Equal(HttpStatusCode.Conflict, c));
    }

    [Fact]
    public async Task Identical_reports_for_one_task_and_period_are_stored_once()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.RepA)));
        for (var i = 0; i < Iterations; i++)
        {
            var period = $"{W.Year}-{i + 1:00}";
            var codes = await Race(Parallel, k => clients[k].PostAsJsonAsync($"/api/v1/tasks/{W.Task3}/reports", new { period, progress = 10 + i, text = "同时提交" }));
            ExactlyOne(codes, HttpStatusCode.Created);
        }
        var reports = (await (await W.As(W.Office)).GetJsonAsync($"/api/v1/tasks/{W.Task3}/reports")).AsArray();
        Assert.Equal(Iterations, reports.Count);
    }

    [Fact]
    public async Task A_report_is_approved_or_returned_once()
    {
        var office = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.Office)));
        for (var i = 0; i < Iterations; i++)
        {
            var report = await W.ReportAsync(W.RepA, W.Task1, 10 + i, "待审核", $"{W.Year}-{i + 1:00}");
            var codes = await Race(Parallel, k => k % 2 == 0
                ? office[k].PostAsJsonAsync($"/api/v1/reports/{report.Id()}/approve", new { })
                : office[k].PostAsJsonAsync($"/api/v1/reports/{report.Id()}/return", new { comment = "退回" }));
            ExactlyOne(codes, HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_task_is_closed_out_once_and_takes_no_report_afterwards()
    {
        var office = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.Office)));
        var codes = await Race(Parallel, k => office[k].PostAsJsonAsync($"/api/v1/tasks/{W.Task3}/close", new { reason = "完成" }));
        ExactlyOne(codes, HttpStatusCode.OK);
        Assert.Single((await office[0].GetJsonAsync($"/api/v1/tasks/{W.Task3}/history")).AsArray());
    }

    [Fact]
    public async Task A_close_out_racing_reports_leaves_no_report_open_on_a_closed_task()
    {
        var office = await W.As(W.Office);
        var rep = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.RepA)));
        var codes = await Race(Parallel, k => k == 0
            ? office.PostAsJsonAsync($"/api/v1/tasks/{W.Task1}/close", new { reason = "完成" })
            : rep[k].PostAsJsonAsync($"/api/v1/tasks/{W.Task1}/reports", new { period = $"{W.Year}-{k:00}", progress = 50, text = "进展" }));
        Assert.Equal(HttpStatusCode.OK, codes[0]);
        Assert.All(codes.Skip(1), c => Assert.True(c is HttpStatusCode.Created or HttpStatusCode.Conflict, c.ToString()));
        var reports = (await office.GetJsonAsync($"/api/v1/tasks/{W.Task1}/reports")).AsArray();
        Assert.DoesNotContain(reports, r => r!.Str("status") == "submitted");
    }

    [Fact]
    public async Task A_notice_is_closed_or_returned_once()
    {
        var office = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.Office)));
        for (var i = 0; i < Iterations; i++)
        {
            var n = await office[0].PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, unitIds = new[] { W.UnitA }, level = "blue",
                reason = "并发", replyBy = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd") });
            await (await W.As(W.RepA)).PostJsonAsync($"/api/v1/supervisions/{n.Id()}/reply", new { text = "已办" }, HttpStatusCode.OK);
            var codes = await Race(Parallel, k => k % 2 == 0
                ? office[k].PostAsJsonAsync($"/api/v1/supervisions/{n.Id()}/close", new { })
                : office[k].PostAsJsonAsync($"/api/v1/supervisions/{n.Id()}/return", new { comment = "重办" }));
            ExactlyOne(codes, HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Notices_issued_at_once_get_distinct_numbers()
    {
        var office = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.Office)));
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        var codes = await Race(Parallel, async k =>
        {
            var res = await office[k].PostAsJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, unitIds = new[] { W.UnitA },
                level = "blue", reason = "编号", replyBy = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd") });
            if (res.IsSuccessStatusCode) numbers.Add((await res.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["number"]!.GetValue<string>());
            return res;
        });
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.Created, c));
        Assert.Equal(Parallel, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Urging_at_once_notifies_each_late_unit_once()
    {
        var office = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.Office)));
        var total = 0;
        var codes = await Race(Parallel, async k =>
        {
            var res = await office[k].PostAsJsonAsync($"/api/v1/plans/{W.PlanId}/urge", new { period = LoopWorld.ThisPeriod });
            if (res.IsSuccessStatusCode) Interlocked.Add(ref total, (await res.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["notified"]!.GetValue<int>());
            return res;
        });
        Assert.All(codes, c => Assert.True(c is HttpStatusCode.OK or HttpStatusCode.Conflict));
        Assert.Equal(2, total);
    }

    [Fact]
    public async Task Concurrent_reports_on_sibling_tasks_keep_the_section_at_the_mean_of_its_children()
    {
        var a = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.RepA)));
        var b = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => W.As(W.RepB)));
        for (var i = 0; i < Iterations; i++)
        {
            var period = $"{W.Year}-{i + 1:00}";
            await Race(3, k => k switch
            {
                0 => a[k].PostAsJsonAsync($"/api/v1/tasks/{W.Task1}/reports", new { period, progress = 10 * i + 1, text = "1" }),
                1 => b[k].PostAsJsonAsync($"/api/v1/tasks/{W.Task2}/reports", new { period, progress = 10 * i + 2, text = "2" }),
                _ => a[k].PostAsJsonAsync($"/api/v1/tasks/{W.Task3}/reports", new { period, progress = 10 * i + 6, text = "3" }),
            });
            var tasks = (await (await W.As(W.Office)).GetJsonAsync($"/api/v1/plans/{W.PlanId}/tasks")).AsArray();
            var section = tasks.Single(t => t!.Str("path") == "一")!;
            var children = tasks.Where(t => t!["parentId"]?.GetValue<int?>() == section.Id()).Select(t => t!.Int("progress")).ToList();
            Assert.Equal((int)Math.Round(children.Average(), MidpointRounding.AwayFromZero), section.Int("progress"));
            Assert.Equal(10 * i + 3, section.Int("progress"));
        }
    }
}

public sealed class ConcurrencySqliteTests(SqliteLedgerFactory f) : ConcurrencyTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class ConcurrencyPostgresTests(PostgresLedgerFactory f) : ConcurrencyTests(f), IClassFixture<PostgresLedgerFactory>;
