using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Assessment;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Assessment;

/// <summary>The automatic indicators 督办单 by level and 整改 on time: the scoring rule with figures worked by hand, and the ledger's counts.</summary>
public sealed class SupervisionScoringTests
{
    private static readonly SchemeDefinition Scheme = new(
        [
            new("notices", "日常工作", "督办事项", 10, "auto", "supervision_notices", PerItem: 1),
            new("rectify", "日常工作", "问题整改", 10, "auto", "rectification_on_time"),
        ], [], 0, 0, [], new GradeRules());

    [Fact]
    public void Notices_take_points_by_level_and_rectification_scores_the_share_on_time()
    {
        var units = new List<UnitFacts>
        {
            // 1 blue + 1 yellow + 1 red = 1 + 2 + 3 = 6 points off → 4; 2 of 3 findings on time → 10 × 2/3 = 6.67
            new(1, "甲", UnitMeasures.None with { BlueNotices = 1, YellowNotices = 1, RedNotices = 1, FindingsDue = 3, FindingsOnTime = 2 }),
            // 4 red = 12 off → 0 (not below); no finding due → full 10
            new(2, "乙", UnitMeasures.None with { RedNotices = 4 }),
            // nothing → 10 + 10
            new(3, "丙", UnitMeasures.None),
        };
        var r = Scoring.Score(Scheme, units, AssessmentInputs.Empty).ToDictionary(u => u.Unit);
        Assert.Equal(4m, r["甲"].Parts[0].Score);
        Assert.Equal("蓝色1件、黄色1件、红色1件", r["甲"].Parts[0].Note);
        Assert.Equal(6.67m, r["甲"].Parts[1].Score);
        Assert.Equal("按期整改2/3个", r["甲"].Parts[1].Note);
        Assert.Equal(10.67m, r["甲"].Score);
        Assert.Equal(0m, r["乙"].Parts[0].Score);
        Assert.Equal(10m, r["乙"].Parts[1].Score);
        Assert.Equal("无到期整改问题", r["乙"].Parts[1].Note);
        Assert.Equal(20m, r["丙"].Score);
        Assert.Equal([1, 2, 3], new[] { r["丙"].Rank, r["甲"].Rank, r["乙"].Rank });
        Assert.Null(Scheme.Problem()); // both measures are valid in a scheme
    }
}

/// <summary>What the ledger counts for the two measures, on SQLite and PostgreSQL.</summary>
public abstract class SupervisionMeasuresTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    [Fact]
    public async Task Notices_are_counted_at_their_level_and_findings_on_time_when_rectified_by_the_deadline()
    {
        var office = await W.As(W.Office);
        var replyBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd");
        var blue = await office.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, unitIds = new[] { W.UnitA }, level = "blue", reason = "提醒", replyBy });
        await office.PostJsonAsync($"/api/v1/supervisions/{blue.Id()}/escalate", new { }, HttpStatusCode.OK); // now yellow
        await office.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task3 }, unitIds = new[] { W.UnitA }, level = "red", reason = "逾期", replyBy });
        var stopped = await office.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task3 }, unitIds = new[] { W.UnitA }, level = "blue", reason = "误发", replyBy });
        await office.PostJsonAsync($"/api/v1/supervisions/{stopped.Id()}/stop", new { reason = "误发" }, HttpStatusCode.OK);

        int officeId;
        using (var scope = factory.Services.CreateScope())
            officeId = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Users.Where(u => u.UserName == W.Office).Select(u => u.Id).FirstAsync();
        var round = await office.PostJsonAsync("/api/v1/inspections",
            new { title = $"督导{W.N}", visits = 1, inspectorsPerVisit = 1, unitIds = new[] { W.UnitA }, inspectorIds = new[] { officeId } });
        await office.PostJsonAsync($"/api/v1/inspections/{round.Id()}/draw", new { seed = "2" }, HttpStatusCode.OK);
        async Task<int> FindingAsync(int days) => (await office.PostJsonAsync($"/api/v1/inspections/{round.Id()}/findings", new
        {
            unitId = W.UnitA, severity = "minor", description = "问题", requirement = "整改",
            deadline = DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd"), taskIds = Array.Empty<int>(),
        })).Id();
        var onTime = await FindingAsync(1);
        var late = await FindingAsync(2);
        await FindingAsync(20); // not due yet and not rectified: not counted
        var repA = await W.As(W.RepA);
        await repA.PostJsonAsync($"/api/v1/findings/{onTime}/rectify", new { text = "已整改" }, HttpStatusCode.OK);
        // three days on: the second finding's deadline passed unrectified; rectified now, late
        factory.Clock.Advance(TimeSpan.FromDays(3));
        TestApi.ForgetTokens(factory); // the tokens issued three days ago have expired
        repA = await W.As(W.RepA);
        await repA.PostJsonAsync($"/api/v1/findings/{late}/rectify", new { text = "迟到的整改" }, HttpStatusCode.OK);

        using var s = factory.Services.CreateScope();
        var measures = s.ServiceProvider.GetRequiredService<LedgerMeasures>();
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var facts = (await measures.MeasureAsync(W.OrgId, W.Year, today)).Single(u => u.UnitId == W.UnitA).Measures;
        Assert.Equal((0, 1, 1), (facts.BlueNotices, facts.YellowNotices, facts.RedNotices)); // the stopped one is not counted
        Assert.Equal((2, 1), (facts.FindingsDue, facts.FindingsOnTime));
        var b = (await measures.MeasureAsync(W.OrgId, W.Year, today)).Single(u => u.UnitId == W.UnitB).Measures;
        Assert.Equal((0, 0, 0, 0), (b.BlueNotices + b.YellowNotices + b.RedNotices, b.FindingsDue, b.FindingsOnTime, 0));
    }
}

public sealed class SupervisionMeasuresSqliteTests(SqliteLedgerFactory f) : SupervisionMeasuresTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class SupervisionMeasuresPostgresTests(PostgresLedgerFactory f) : SupervisionMeasuresTests(f), IClassFixture<PostgresLedgerFactory>;
