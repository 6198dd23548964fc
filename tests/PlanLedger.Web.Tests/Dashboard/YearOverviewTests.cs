using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Dashboard;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Dashboard;

/// <summary>
/// The leaders' year dashboard: every published plan of the year summed per unit, 红黄绿 per unit, the ranking by on-time
/// reporting then completion, 督办单 by level and open findings (整改未销号), on the leader's home page too.
/// </summary>
public abstract class YearOverviewTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    [Theory]
    [InlineData(0, 0, 0, 1.0, 0, 0, "green")]
    [InlineData(1, 0, 0, 1.0, 0, 0, "red")]     // an overdue task
    [InlineData(0, 1, 0, 1.0, 0, 1, "red")]     // a finding past its deadline
    [InlineData(0, 0, 1, 1.0, 0, 0, "red")]     // a red notice
    [InlineData(0, 0, 0, 0.79, 0, 0, "yellow")] // late reporting
    [InlineData(0, 0, 0, 0.8, 0, 0, "green")]   // 80 % is enough
    [InlineData(0, 0, 0, 1.0, 1, 0, "yellow")]  // a yellow notice
    [InlineData(0, 0, 0, 1.0, 0, 1, "yellow")]  // a finding not yet closed
    public void The_light_rules(int overdue, int overdueFindings, int red, double onTime, int yellow, int open, string light) =>
        Assert.Equal(light, YearOverview.Light(overdue, overdueFindings, red, onTime, yellow, open));

    [Fact]
    public async Task A_close_out_shows_on_the_year_dashboard_read_just_before_it()
    {
        // The per-unit sums are kept per set of plan revisions: the write bumps its plan, the next read computes anew.
        var leader = await W.As(W.Leader);
        async Task<(int Tasks, int Done)> UnitA()
        {
            var view = await leader.GetJsonAsync($"/api/v1/dashboard/year?year={W.Year}");
            var a = view["units"]!.AsArray().Single(u => u!.Int("unitId") == W.UnitA)!;
            return (a.Int("tasks"), a.Int("done"));
        }
        Assert.Equal((2, 0), await UnitA());
        Assert.Equal((2, 0), await UnitA()); // kept
        await (await W.As(W.Office)).PostJsonAsync($"/api/v1/tasks/{W.Task3}/close", new { reason = "已完成" }, HttpStatusCode.OK);
        Assert.Equal((2, 1), await UnitA());
    }

    [Fact]
    public async Task Units_are_ranked_over_all_plans_of_the_year_with_their_lights_notices_and_open_findings()
    {
        var office = await W.As(W.Office);
        // A: task 3 closed out (1 of its 2 tasks done), a red notice → red; B: nothing done, a yellow notice, an open finding → yellow.
        await office.PostJsonAsync($"/api/v1/tasks/{W.Task3}/close", new { reason = "已完成" }, HttpStatusCode.OK);
        var replyBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd");
        await office.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, unitIds = new[] { W.UnitA }, level = "red", reason = "严重滞后", replyBy });
        await office.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task2 }, unitIds = new[] { W.UnitB }, level = "yellow", reason = "滞后", replyBy });
        int officeId;
        using (var scope = factory.Services.CreateScope())
            officeId = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Users.Where(u => u.UserName == W.Office).Select(u => u.Id).FirstAsync();
        var round = await office.PostJsonAsync("/api/v1/inspections",
            new { title = $"督导{W.N}", visits = 1, inspectorsPerVisit = 1, unitIds = new[] { W.UnitB }, inspectorIds = new[] { officeId } });
        await office.PostJsonAsync($"/api/v1/inspections/{round.Id()}/draw", new { seed = "1" }, HttpStatusCode.OK);
        await office.PostJsonAsync($"/api/v1/inspections/{round.Id()}/findings", new
        {
            unitId = W.UnitB, severity = "minor", description = "台账不全", requirement = "补齐台账",
            deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"), taskIds = new[] { W.Task2 },
        });

        var view = await (await W.As(W.Leader)).GetJsonAsync($"/api/v1/dashboard/year?year={W.Year}");
        Assert.Contains(view["plans"]!.AsArray(), p => p!.Id() == W.PlanId);
        var units = view["units"]!.AsArray().Where(u => u!.Int("unitId") is var id && (id == W.UnitA || id == W.UnitB)).ToList();
        Assert.Equal([W.UnitA, W.UnitB], units.Select(u => u!.Int("unitId"))); // nothing owed yet: on-time 100 % both; completion 50 % > 0 %
        var a = units[0]!; var b = units[1]!;
        Assert.Equal(1, a.Int("rank"));
        Assert.Equal(2, b.Int("rank"));
        Assert.Equal(0.5, a["completionRate"]!.GetValue<double>());
        Assert.Equal((2, 1), (a.Int("tasks"), a.Int("done")));
        Assert.Equal("red", a.Str("light"));
        Assert.Equal(1, a.Int("red"));
        Assert.Equal("yellow", b.Str("light"));
        Assert.Equal((1, 0), (b.Int("yellow"), b.Int("blue")));
        Assert.Equal(1, b.Int("openFindings"));
        Assert.Equal(0, a.Int("openFindings"));

        // another year has none of it; a sibling organisation's leader sees neither unit
        Assert.Empty((await (await W.As(W.Leader)).GetJsonAsync($"/api/v1/dashboard/year?year={W.Year - 3}"))["units"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await (await W.As(W.Leader)).GetAsync("/api/v1/dashboard/year?year=1900")).StatusCode);
        var sibling = await (await W.As(W.SiblingOffice)).GetJsonAsync($"/api/v1/dashboard/year?year={W.Year}");
        Assert.DoesNotContain(sibling["units"]!.AsArray(), u => u!.Int("unitId") == W.UnitA || u!.Int("unitId") == W.UnitB);

        // the leader's home page shows the ranking; the plan dashboard shows the unit's open findings
        var home = await (await PageClient.SignInAsync(factory, W.Leader)).GetHtmlAsync("/");
        Assert.Contains("id=\"year-ranking\"", home);
        Assert.Contains($"data-unit=\"{W.UnitB}\"", home);
        var stats = await (await PageClient.SignInAsync(factory, W.Office)).GetHtmlAsync($"/Plans/{W.PlanId}/Dashboard?handler=Stats");
        Assert.Contains("整改未销号", stats);
        Assert.Matches("open-findings[^\"]*\">1<", stats);
    }
}

public sealed class YearOverviewSqliteTests(SqliteLedgerFactory f) : YearOverviewTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class YearOverviewPostgresTests(PostgresLedgerFactory f) : YearOverviewTests(f), IClassFixture<PostgresLedgerFactory>;
