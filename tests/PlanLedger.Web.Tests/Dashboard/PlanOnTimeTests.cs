using System.Text.Json.Nodes;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Dashboard;

/// <summary>
/// The plan dashboard's 按时报送率 per unit and its progress trend (<c>GET /plans/{id}/supervision-stats</c>), worked by hand
/// on <see cref="RollupWorld"/> (10 June; March, April and May due): a late report, a report by the lead only on a task a
/// supporting unit shares, a task closed out, tasks due before a period begins, a returned report, a report by no unit in
/// particular — and the same counts in the year dashboard and the roll-up.
/// </summary>
public abstract class PlanOnTimeTests(LedgerFactory factory) : IAsyncLifetime
{
    private RollupWorld W = null!;
    public async Task InitializeAsync() => W = await RollupWorld.CreateAsync(factory);
    public Task DisposeAsync() { factory.Clock.Reset(); TestApi.ForgetTokens(factory); return Task.CompletedTask; }

    private async Task<JsonNode> StatsAsync(string user, int plan) =>
        await (await factory.ClientAsync(user)).GetJsonAsync($"/api/v1/plans/{plan}/supervision-stats");

    private static (int Owed, int OnTime, double Rate) Unit(JsonNode stats, string name)
    {
        var u = stats["units"]!.AsArray().Single(u => u!.Str("unit").StartsWith(name, StringComparison.Ordinal))!;
        return (u.Int("owed"), u.Int("onTime"), u["onTimeRate"]!.GetValue<double>());
    }

    private static int[] Trend(JsonNode stats) => stats["trend"]!.AsArray().Select(p => p!.Int("progress")).ToArray();

    [Fact]
    public async Task Each_unit_owes_its_leaf_tasks_due_periods_and_is_on_time_with_its_own_reports_by_the_report_day()
    {
        // 甲县基教股 leads t1–t4: t1 closed 20 April owes March only (on time); t2 owes 3 (March late, April on time);
        // t3 3 on time; t4 3 (its May report returned) → 10 owed, 5 on time. 甲县人事股 supports t3 and never files: 3, 0.
        var k1 = await StatsAsync(W.K1Leader, W.K1Plan);
        Assert.Equal((10, 5, 0.5), Unit(k1, "甲县基教股"));
        Assert.Equal((3, 0, 0.0), Unit(k1, "甲县人事股"));
        // Trend, each report at 50 %: March (50 + 50 + 50 + 0) / 4 = 37.5 → 38; from April t1 is closed out (100) → 50.
        Assert.Equal([0, 0, 38, 50, 50, 50], Trend(k1));

        // 丙县基教股: t8 closed 20 May owes March and April (on time); t9 and t10 due 30 April owe March and April only:
        // t9 March on time, April a day late; t10 nothing → 6 owed, 3 on time. Trend over 3 leaves: 100/3 → 33; May t8 closed → 50.
        var k3 = await StatsAsync(W.C2Office, W.K3Plan);
        Assert.Equal((6, 3, 0.5), Unit(k3, "丙县基教股"));
        Assert.Equal([0, 0, 33, 33, 50, 50], Trend(k3));
    }

    [Fact]
    public async Task A_report_by_no_unit_in_particular_counts_for_the_linked_unit_on_the_dashboard_the_year_dashboard_and_the_roll_up()
    {
        var tasks = (await (await factory.ClientAsync()).GetJsonAsync($"/api/v1/plans/{W.K1Plan}/tasks")).AsArray();
        var t4 = tasks.Single(t => t!.Str("heading") == "未开始任务")!.Id();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            db.Reports.Add(ProgressReport.Submit(t4, null, $"{W.Year}-04", 60, "进展", true, 1, "测试", new DateTimeOffset(W.Year, 5, 1, 9, 0, 0, TimeSpan.Zero)));
            db.Reports.Add(ProgressReport.Submit(t4, null, $"{W.Year}-03", 40, "进展", true, 1, "测试", new DateTimeOffset(W.Year, 4, 6, 9, 0, 0, TimeSpan.Zero))); // late
            await db.SaveChangesAsync();
        }
        var k1 = await StatsAsync(W.K1Leader, W.K1Plan);
        Assert.Equal((10, 6, 0.6), Unit(k1, "甲县基教股"));       // April on time; March a day late
        Assert.Equal((3, 0, 0.0), Unit(k1, "甲县人事股"));        // not linked to t4
        // March (50 + 50 + 50 + 40) / 4 = 47.5 → 48; April on (100 + 50 + 50 + 60) / 4 = 65 (t4's May report was returned)
        Assert.Equal([0, 0, 48, 65, 65, 65], Trend(k1));

        var year = (await (await factory.ClientAsync(W.K1Leader)).GetJsonAsync($"/api/v1/dashboard/year?year={W.Year}"))["units"]!.AsArray();
        Assert.Equal((13, 6), (year.Sum(u => u!.Int("owed")), year.Sum(u => u!.Int("onTime"))));
        var rollup = await (await factory.ClientAsync(W.C1Office)).GetJsonAsync($"/api/v1/organisations/{W.C1}/rollup?year={W.Year}");
        var row = rollup["children"]!.AsArray().Single(r => r!.Int("organisationId") == W.K1)!;
        Assert.Equal((13, 6), (row.Int("owed"), row.Int("onTime")));
    }
}

public sealed class PlanOnTimeSqliteTests(SqliteLedgerFactory f) : PlanOnTimeTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class PlanOnTimePostgresTests(PostgresLedgerFactory f) : PlanOnTimeTests(f), IClassFixture<PostgresLedgerFactory>;
