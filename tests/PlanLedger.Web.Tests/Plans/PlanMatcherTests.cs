using System.Net;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Plans;

/// <summary>Next year's tasks matched to this year's by character bigrams (worked by hand).</summary>
public sealed class PlanMatcherTests
{
    private static TaskDto T(int id, string heading, string lead, int order) =>
        new(id, 1, null, $"{order}", $"{order}", heading, heading, [lead], [], null, null, [], "on_track", 50, order, 1);

    [Fact]
    public void Dice_of_character_bigrams_counts_shared_pairs_and_ignores_digits_and_punctuation()
    {
        // 新建幼儿园24处 → 新建 建幼 幼儿 儿园 园处 (digits dropped): 5 bigrams; 新建幼儿园30处 the same 5 → 1.0
        Assert.Equal(1.0, PlanMatcher.Dice(PlanMatcher.Bigrams("新建幼儿园24处。"), PlanMatcher.Bigrams("新建幼儿园30处")));
        // 加强师德建设 (加强 强师 师德 德建 建设) vs 加强队伍建设 (加强 强队 队伍 伍建 建设): 2 shared → 2×2/10 = 0.4
        Assert.Equal(0.4, PlanMatcher.Dice(PlanMatcher.Bigrams("加强师德建设"), PlanMatcher.Bigrams("加强队伍建设")), 3);
        Assert.Equal(0, PlanMatcher.Dice(PlanMatcher.Bigrams("推进学前教育"), PlanMatcher.Bigrams("做好体育工作")));
    }

    [Fact]
    public void Each_task_is_paired_once_with_its_most_similar_predecessor_above_the_threshold()
    {
        var lastYear = new[] { T(1, "新建幼儿园24处", "基础教育股", 0), T(2, "加强师德建设", "人事股", 1), T(3, "做好体育工作", "体卫艺股", 2) };
        var thisYear = new[] { T(11, "新建幼儿园30处", "基础教育股", 0), T(12, "加强队伍建设", "人事股", 1), T(13, "推进智慧校园建设", "电教站", 2) };
        var m = PlanMatcher.Match(thisYear, lastYear);
        Assert.Equal(2, m.Count);
        Assert.Equal((11, 1, 1.0, true), (m[0].TaskId, m[0].PreviousTaskId, m[0].Similarity, m[0].SameUnits));
        // 0.4 + 0.1 for the shared lead unit ≥ 0.35
        Assert.Equal((12, 2, 0.4), (m[1].TaskId, m[1].PreviousTaskId, m[1].Similarity));
        Assert.DoesNotContain(m, x => x.TaskId == 13);
    }
}

public abstract class PlanMatchesApiTests(LedgerFactory factory)
{
    [Fact]
    public async Task Next_years_plan_lists_its_tasks_beside_last_years()
    {
        var admin = await factory.ClientAsync();
        var last = await admin.PostFileAsync("a.txt", SyntheticPlan.Text($"""
            测试局2043年工作要点
            一、重点工作
            1.新建普惠性幼儿园24处。牵头单位：基础教育股。完成时限：年内。
            2.加强师德师风建设。牵头单位：人事股。完成时限：年内。
            """), 2043);
        await admin.PostJsonAsync($"/api/v1/plans/{last.Id()}/publish", new { }, HttpStatusCode.OK);
        var next = await admin.PostFileAsync("b.txt", SyntheticPlan.Text($"""
            测试局2044年工作要点
            一、重点工作
            1.新建普惠性幼儿园30处。牵头单位：基础教育股。完成时限：年内。
            2.推进智慧校园建设。牵头单位：电教站。完成时限：年内。
            """), 2044);
        var r = await admin.GetJsonAsync($"/api/v1/plans/{next.Id()}/matches");
        Assert.Equal(last.Id(), r["previousPlanId"]!.GetValue<int>());
        var match = Assert.Single(r["matches"]!.AsArray())!;
        Assert.Contains("30处", match["heading"]!.GetValue<string>());
        Assert.Contains("24处", match["previousHeading"]!.GetValue<string>());
        Assert.Equal(1.0, match["similarity"]!.GetValue<double>());

        var page = await PageClient.SignInAsync(factory);
        var html = await page.GetHtmlAsync($"/Plans/{next.Id()}/Matches");
        Assert.Contains("新建普惠性幼儿园24处", html);
        Assert.Contains("1.00", html);
        Assert.Contains("没有上一年度已发布的计划", await page.GetHtmlAsync($"/Plans/{last.Id()}/Matches"));
    }
}

public sealed class PlanMatchesSqliteTests(SqliteLedgerFactory f) : PlanMatchesApiTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class PlanMatchesPostgresTests(PostgresLedgerFactory f) : PlanMatchesApiTests(f), IClassFixture<PostgresLedgerFactory>;
