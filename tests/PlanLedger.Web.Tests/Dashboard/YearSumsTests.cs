using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Dashboard;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Security;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Dashboard;

/// <summary>
/// The year dashboard composes its per-unit sums and 年度对比 from parts kept per plan and revision (a write recomputes only
/// its own plan's part): after every kind of write, the province leader's dashboard — read just before, so all other parts
/// are kept — shows exactly what a computation from scratch with no cache shows, and the figures a leader reads change.
/// </summary>
public abstract class YearSumsTests(LedgerFactory factory) : IAsyncLifetime
{
    private RollupWorld W = null!;
    public async Task InitializeAsync() => W = await RollupWorld.CreateAsync(factory);
    public Task DisposeAsync() { factory.Clock.Reset(); TestApi.ForgetTokens(factory); return Task.CompletedTask; }

    /// <summary>The leader's dashboard as the app serves it (kept parts wherever the revision did not move).</summary>
    private async Task<JsonNode> ServedAsync() =>
        await (await factory.ClientAsync(W.ProvinceLeader)).GetJsonAsync($"/api/v1/dashboard/year?year={W.Year}");

    /// <summary>The same dashboard computed from scratch: a YearOverview whose read cache keeps nothing.</summary>
    private async Task<JsonNode> FreshAsync()
    {
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LedgerDbContext>();
        var leader = await db.Users.AsNoTracking().Where(u => u.UserName == W.ProvinceLeader)
            .Select(u => new { u.Id, u.Role, u.OrganisationId, u.Organisation!.Path }).SingleAsync();
        var me = new CurrentUser(leader.Id, W.ProvinceLeader, leader.Role, leader.OrganisationId, leader.Path, null);
        var json = sp.GetRequiredService<IOptions<JsonOptions>>();
        using var none = new PlanReadCache(Options.Create(new LedgerOptions { PlanCacheMegabytes = 0 }), json);
        var overview = new YearOverview(db, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<UnitFindings>(),
            sp.GetRequiredService<YearComparison>(), none);
        return JsonNode.Parse(JsonSerializer.Serialize(await overview.ForAsync(me, W.Year), json.Value.SerializerOptions))!;
    }

    private async Task<JsonNode> SameAsFreshAsync()
    {
        var served = await ServedAsync();
        var fresh = await FreshAsync();
        Assert.True(JsonNode.DeepEquals(fresh["units"], served["units"]), $"units\nserved {served["units"]!.ToJsonString()}\nfresh  {fresh["units"]!.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(fresh["recurring"], served["recurring"]), $"年度对比\nserved {served["recurring"]!.ToJsonString()}\nfresh  {fresh["recurring"]!.ToJsonString()}");
        return served;
    }

    private static JsonNode Unit(JsonNode view, string name) => view["units"]!.AsArray().Single(u => u!.Str("unit").StartsWith(name, StringComparison.Ordinal))!;

    private async Task WriteAsync(Action<LedgerDbContext> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }

    private int TaskId(string heading)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Tasks.Where(t => t.Heading == heading && t.Plan!.Year == W.Year
            && (t.PlanId == W.K1Plan || t.PlanId == W.K2Plan || t.PlanId == W.C1Plan || t.PlanId == W.K3Plan)).Select(t => t.Id).Single();
    }

    [Fact]
    public async Task After_each_kind_of_write_the_kept_parts_and_the_written_plan_add_up_to_a_fresh_computation()
    {
        var before = await SameAsFreshAsync();
        // 甲县基教股 (K1): 4 led, 1 done, 1 overdue; owed 10, on time 5 (PlanOnTimeTests works these out).
        Assert.Equal((4, 1, 10, 5), (Unit(before, "甲县基教股").Int("tasks"), Unit(before, "甲县基教股").Int("done"),
            Unit(before, "甲县基教股").Int("owed"), Unit(before, "甲县基教股").Int("onTime")));
        await SameAsFreshAsync(); // all parts kept now

        // a report filed (K1's reporter re-files the returned May report of t4, late: owed stays 10, on time stays 5 — and a
        // report filed by the report day on a K2 task of a period not yet reported counts)
        var t4 = TaskId("未开始任务");
        await (await factory.ClientAsync(W.K1Reporter)).PostJsonAsync($"/api/v1/tasks/{t4}/reports",
            new { period = $"{W.Year}-05", progress = 60, text = "补报" });
        await SameAsFreshAsync();

        // the report approved, then another returned (the K2 plan's May report of 乙县任务一: on time 6 → 5)
        await WriteAsync(db => db.Reports.Single(r => r.TaskId == t4 && r.Period == $"{W.Year}-05" && r.Status == ReportStatus.Submitted)
            .Approve("督查室", null, factory.Clock.GetUtcNow()));
        await SameAsFreshAsync();
        var t5 = TaskId("乙县任务一");
        await WriteAsync(db => db.Reports.Single(r => r.TaskId == t5 && r.Period == $"{W.Year}-05").Return("督查室", "数据有误", factory.Clock.GetUtcNow()));
        var returned = await SameAsFreshAsync();
        Assert.Equal((6, 5), (Unit(returned, "乙县基教股").Int("owed"), Unit(returned, "乙县基教股").Int("onTime")));

        // a task closed out (K3's overdue 丙县逾期一 → done: 丙县基教股 done 1 → 2, overdue 2 → 1)
        var t9 = TaskId("丙县逾期一");
        await WriteAsync(db =>
        {
            var t = db.Tasks.Single(x => x.Id == t9);
            t.Status = PlanTaskStatus.Done;
            t.ClosedAt = factory.Clock.GetUtcNow();
        });
        var closed = await SameAsFreshAsync();
        Assert.Equal((2, 1), (Unit(closed, "丙县基教股").Int("done"), Unit(closed, "丙县基教股").Int("overdue")));

        // a unit renamed (every plan linking it is another revision; the dashboard shows the new name)
        await WriteAsync(db => db.Units.Single(u => u.Name.StartsWith("一市基教处")).Name = $"一市基础教育处{W.N}");
        var renamed = await SameAsFreshAsync();
        Assert.Contains(renamed["units"]!.AsArray(), u => u!.Str("unit") == $"一市基础教育处{W.N}");

        // a task of this year continues last year's (年度对比), then last year's task changes: another plan's write
        var lastYear = await WriteAndReadAsync(db =>
        {
            var old = db.Tasks.Single(t => t.Heading == "去年任务" && t.Plan!.Title.EndsWith(W.N));
            db.Tasks.Single(t => t.Id == t9).ContinueFrom(old);
        });
        Assert.Single(lastYear["recurring"]!.AsArray());
        await WriteAsync(db => db.Tasks.Single(t => t.Heading == "去年任务" && t.Plan!.Title.EndsWith(W.N)).Progress = 77);
        var changed = await SameAsFreshAsync();
        Assert.Equal(77, changed["recurring"]!.AsArray().Single()!.Int("previousProgress"));

        // a plan withdrawn (C1's own, nobody has reported on it) leaves the year, and its unit's figures with it
        await WriteAsync(db => db.Plans.Single(p => p.Id == W.C1Plan).Withdraw(hasReports: false));
        var withdrawn = await SameAsFreshAsync();
        Assert.DoesNotContain(withdrawn["units"]!.AsArray(), u => u!.Str("unit") == $"一市基础教育处{W.N}");
    }

    private async Task<JsonNode> WriteAndReadAsync(Action<LedgerDbContext> change)
    {
        await WriteAsync(change);
        return await SameAsFreshAsync();
    }
}

public sealed class YearSumsSqliteTests(SqliteLedgerFactory f) : YearSumsTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class YearSumsPostgresTests(PostgresLedgerFactory f) : YearSumsTests(f), IClassFixture<PostgresLedgerFactory>;
