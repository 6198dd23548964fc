using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Assessment;

/// <summary>
/// 目标管理责任制考核 through the API on a real database: every scoring rule with figures worked by hand in the test.
/// Each test uses a year of its own (the scheme and the assessment are per organisation and year).
/// </summary>
public abstract class AssessmentTests(LedgerFactory factory)
{
    private static int _n;

    /// <summary>A published plan of <paramref name="year"/> with one task per unit, each led by that (new) unit.</summary>
    private async Task<(HttpClient Admin, int Org, int PlanId, Dictionary<string, int> Units, JsonArray Tasks)> YearAsync(int year, params string[] names)
    {
        var admin = await factory.ClientAsync();
        var n = Interlocked.Increment(ref _n);
        var units = new Dictionary<string, int>();
        foreach (var name in names) units[name] = await admin.UnitAsync($"{name}{n}股");
        var lines = string.Join("\n", names.Select((name, i) => $"{i + 1}.{name}任务{n}推进。牵头单位：{name}{n}股。完成时限：{year}年6月底前。"));
        var plan = await admin.PostFileAsync("plan.txt", SyntheticPlan.Text($"""
            测试教育局{year}年工作要点
            一、重点工作
            {lines}
            编号 {Guid.NewGuid():N}
            """), year);
        var planId = plan.Id();
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var leaves = await db.Tasks.Where(t => t.PlanId == planId && !db.Tasks.Any(c => c.ParentId == t.Id)).OrderBy(t => t.Order).ToListAsync();
            Assert.Equal(names.Length, leaves.Count);
            for (var i = 0; i < names.Length; i++)
            {
                var unitId = units[names[i]];
                if (!await db.TaskUnits.AnyAsync(u => u.TaskId == leaves[i].Id && u.UnitId == unitId && u.Role == UnitRole.Lead))
                    db.TaskUnits.Add(new TaskUnit { TaskId = leaves[i].Id, UnitId = unitId, Name = $"{names[i]}{n}股", Role = UnitRole.Lead });
            }
            await db.SaveChangesAsync();
        }
        var org = (await admin.GetJsonAsync($"/api/v1/assessments?year={year}"))["organisationId"]!.GetValue<int>();
        return (admin, org, planId, units, tasks);
    }

    private static object Scheme(object[] indicators, object[]? adjustments = null, decimal bonusCap = 0, decimal penaltyCap = 0,
        object[]? vetoes = null, decimal quota = 0.3m) => new
    {
        indicators, adjustments = adjustments ?? [], bonusCap, penaltyCap, vetoes = vetoes ?? [],
        grades = new { excellent = 90, good = 80, pass = 60, excellentQuota = quota },
    };

    private static object Manual(string code, string group, decimal max) => new { code, group, name = code, max, method = "manual", criteria = "人工评分" };

    private static async Task PutSchemeAsync(HttpClient admin, int org, int year, object scheme) =>
        await (await admin.PutAsJsonAsync("/api/v1/assessments/scheme", new { organisationId = org, year, scheme })).JsonAsync(HttpStatusCode.OK);

    private static async Task ScoreAsync(HttpClient admin, int org, int year, int unitId, string indicator, decimal score) =>
        await (await admin.PutAsJsonAsync("/api/v1/assessments/scores", new { organisationId = org, year, unitId, indicator, score, note = "评议" })).JsonAsync(HttpStatusCode.OK);

    private static async Task AdjustAsync(HttpClient admin, int org, int year, int unitId, string item, decimal points) =>
        await admin.PostJsonAsync("/api/v1/assessments/adjustments", new { organisationId = org, year, unitId, item, points, basis = "某教发〔2032〕1号" }, HttpStatusCode.OK);

    private static JsonNode UnitOf(JsonNode view, int unitId) => view["units"]!.AsArray().Single(u => u!["unitId"]!.GetValue<int>() == unitId)!;
    private static decimal Score(JsonNode u) => u["score"]!.GetValue<decimal>();
    private static int Rank(JsonNode u) => u["rank"]!.GetValue<int>();
    private static string Grade(JsonNode u) => u["grade"]!.GetValue<string>();
    private static decimal Part(JsonNode u, string indicator) =>
        u["parts"]!.AsArray().Single(p => p!["indicator"]!.GetValue<string>() == indicator)!["score"]!.GetValue<decimal>();

    [Fact]
    public async Task The_default_scheme_ranks_units_on_day_one_and_equal_units_share_a_rank()
    {
        const int year = 2031; // in the future: nothing due, no report expected yet
        var (admin, org, _, units, tasks) = await YearAsync(year, "甲", "乙");
        var view = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        Assert.Equal("draft", view["state"]!.GetValue<string>());
        Assert.True(view["defaultScheme"]!.GetValue<bool>());
        // 任务完成率 40 (nothing due → full) + 目标达成率 20 (no targets → full) + 按时报送率 15 (nothing expected → full)
        // + 逾期任务 10 (none) + 领导评价 0 (待评分) = 85 for both
        var a = UnitOf(view, units["甲"]);
        var b = UnitOf(view, units["乙"]);
        Assert.Equal(85m, Score(a));
        Assert.Equal(85m, Score(b));
        Assert.Equal(40m, Part(a, "任务完成率"));
        Assert.Equal(0m, Part(a, "领导评价"));
        Assert.Equal("待评分", a["parts"]!.AsArray().Single(p => p!["indicator"]!.GetValue<string>() == "领导评价")!["note"]!.GetValue<string>());
        Assert.Equal(100m, a["parts"]!.AsArray().Sum(p => p!["max"]!.GetValue<decimal>()));
        // equal total, equal 重点工作 (60), equal penalty (0) → the same rank
        Assert.Equal(1, Rank(a));
        Assert.Equal(1, Rank(b));

        await ScoreAsync(admin, org, year, units["乙"], "leaders", 14.5m);
        view = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        b = UnitOf(view, units["乙"]);
        Assert.Equal(99.5m, Score(b));
        Assert.Equal(1, Rank(b));
        Assert.Equal(2, Rank(UnitOf(view, units["甲"])));
        // 2 units × 30 % = 0.6 → no 优秀 at all: 99.5 is 良好
        Assert.Equal("良好", Grade(b));
        _ = tasks;
    }

    [Fact]
    public async Task Automatic_indicators_come_from_the_ledger()
    {
        const int year = 2025;
        var (admin, org, planId, units, tasks) = await YearAsync(year, "丙", "丁");
        var leaves = tasks.Where(t => t!["parentId"] is not null).ToList();
        var t1 = leaves[0]!; // 丙: due 2025-06-30
        var t3 = leaves[1]!; // 丁: due 2025-06-30
        // a second task for 丙, due 2025-12-31, never reported nor closed (overdue)
        int t2;
        decimal target1;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            plan.PublishedAt = new DateTimeOffset(2025, 1, 10, 2, 0, 0, TimeSpan.Zero);
            var first = await db.Tasks.SingleAsync(t => t.Id == t1.Id());
            var extra = new PlanTask
            {
                PlanId = planId, ParentId = first.ParentId, Path = "一/9", Order = 99, Level = first.Level, Label = "9", Heading = "年底任务",
                Text = "年底任务", Deadline = "2025年底", DueDate = new DateOnly(2025, 12, 31), Section = first.Section, Status = PlanTaskStatus.Overdue,
            };
            extra.Units.Add(new TaskUnit { UnitId = units["丙"], Name = "丙", Role = UnitRole.Lead });
            db.Tasks.Add(extra);
            db.Targets.Add(new TaskTarget { TaskId = t1.Id(), Text = "新建幼儿园10处", Value = 10, Unit = "处", Op = "=" });
            db.Targets.Add(new TaskTarget { TaskId = t3.Id(), Text = "入园率达到90%以上", Value = 90, Unit = "%", Op = ">=" });
            await db.SaveChangesAsync();
            t2 = extra.Id;
            target1 = 10;
        }
        var targets = await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks");
        int TargetOf(int taskId) => targets.AsArray().Single(t => t!.Id() == taskId)!["targets"]!.AsArray().Single()!.Id();
        // 丙's T1: reports for January … May, the May one with 8 of 10 kindergartens; closed out on 20 June (on time)
        foreach (var m in new[] { 1, 2, 3, 4, 5 })
            await admin.PostJsonAsync($"/api/v1/tasks/{t1.Id()}/reports", new
            {
                period = $"2025-{m:D2}", progress = m * 20, text = "推进中",
                actuals = m == 5 ? new[] { new { targetId = TargetOf(t1.Id()), value = 8m } } : [],
            });
        await admin.PostJsonAsync($"/api/v1/tasks/{t3.Id()}/reports", new { period = "2025-06", progress = 100, text = "完成", actuals = new[] { new { targetId = TargetOf(t3.Id()), value = 95m } } });
        await admin.PostJsonAsync($"/api/v1/tasks/{t1.Id()}/close", new { reason = "新建幼儿园工作完成，经核验予以销号" }, HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/v1/tasks/{t3.Id()}/close", new { reason = "入园率达标，经核验予以销号" }, HttpStatusCode.OK);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            // when things happened (the API stamps "now"): every report on the 5th of the next month (09:00 Beijing) except
            // March's, filed on 20 April; 丁's June report filed late (10 August); T1 closed 2025-06-20, T3 closed 2025-07-10 (late)
            foreach (var r in await db.Reports.Where(r => r.TaskId == t1.Id() || r.TaskId == t3.Id()).ToListAsync())
            {
                var m = int.Parse(r.Period[5..]);
                r.SubmittedAt = r.Period == "2025-03" ? new DateTimeOffset(2025, 4, 20, 1, 0, 0, TimeSpan.Zero)
                    : r.TaskId == t3.Id() ? new DateTimeOffset(2025, 8, 10, 1, 0, 0, TimeSpan.Zero)
                    : new DateTimeOffset(2025, m + 1, 5, 1, 0, 0, TimeSpan.Zero);
            }
            (await db.Tasks.SingleAsync(t => t.Id == t1.Id())).ClosedAt = new DateTimeOffset(2025, 6, 20, 2, 0, 0, TimeSpan.Zero);
            (await db.Tasks.SingleAsync(t => t.Id == t3.Id())).ClosedAt = new DateTimeOffset(2025, 7, 10, 2, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }
        var view = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        var bing = UnitOf(view, units["丙"]);
        var ding = UnitOf(view, units["丁"]);
        // 丙: 任务完成率 — due T1, T2; T1 closed on time → 40 × 1/2 = 20
        Assert.Equal(20m, Part(bing, "任务完成率"));
        // 目标达成率 — 8 of 10 → 20 × 0.8 = 16
        Assert.Equal(16m, Part(bing, "目标达成率"));
        // 按时报送率 — expected: T1 Jan–May (closed in June) = 5, T2 Jan–Dec = 12 → 17; on time: T1 Jan, Feb, Apr, May = 4
        //   → 15 × 4/17 = 3.529… → 3.53
        Assert.Equal(3.53m, Part(bing, "按时报送率"));
        // 逾期任务 — T2 overdue: 10 − 2 = 8
        Assert.Equal(8m, Part(bing, "逾期任务"));
        Assert.Equal(20m + 16m + 3.53m + 8m, Score(bing)); // 47.53
        // 丁: T3 closed after its due date → 0/1 → 0; 95 against ≥ 90 → capped at 100 % → 20;
        //   expected Jan–Jun = 6, June's filed late → 0/6 → 0; nothing overdue → 10; total 30
        Assert.Equal(0m, Part(ding, "任务完成率"));
        Assert.Equal(20m, Part(ding, "目标达成率"));
        Assert.Equal(0m, Part(ding, "按时报送率"));
        Assert.Equal(10m, Part(ding, "逾期任务"));
        Assert.Equal(30m, Score(ding));
        Assert.Equal(1, Rank(bing));
        Assert.Equal(2, Rank(ding));
        Assert.Equal("不合格", Grade(ding));
        _ = target1; _ = t2;
    }

    [Fact]
    public async Task Bonus_and_penalty_are_capped_per_item_and_in_total_and_a_veto_fails_the_unit()
    {
        const int year = 2032;
        var (admin, org, _, u, _) = await YearAsync(year, "一", "二", "三", "四");
        await PutSchemeAsync(admin, org, year, Scheme(
            [Manual("quality", "重点工作", 60), Manual("eval", "综合评价", 40)],
            [
                new { code = "award", name = "表彰加分", kind = "bonus", cap = 5, basis = "" },
                new { code = "promo", name = "推广加分", kind = "bonus", cap = 5, basis = "" },
                new { code = "crit", name = "通报扣分", kind = "penalty", cap = 6, basis = "" },
                new { code = "late", name = "迟报扣分", kind = "penalty", cap = 6, basis = "" },
            ],
            bonusCap: 8, penaltyCap: 10, vetoes: [new { code = "safety", name = "发生重大安全责任事故" }]));
        async Task Both(string unit, decimal q, decimal e) { await ScoreAsync(admin, org, year, u[unit], "quality", q); await ScoreAsync(admin, org, year, u[unit], "eval", e); }
        await Both("一", 55, 38);
        await Both("二", 58, 37);
        await Both("三", 60, 40);
        await Both("四", 50, 30);
        // 一: award 3 + 4 = 7 → item cap 5; promo 4; bonus 9 → total cap 8 → 55 + 38 + 8 = 101
        await AdjustAsync(admin, org, year, u["一"], "award", 3);
        await AdjustAsync(admin, org, year, u["一"], "award", 4);
        await AdjustAsync(admin, org, year, u["一"], "promo", 4);
        // 二: crit 4 + 4 = 8 → item cap 6 → 58 + 37 − 6 = 89
        await AdjustAsync(admin, org, year, u["二"], "crit", 4);
        await AdjustAsync(admin, org, year, u["二"], "crit", 4);
        // 三: 100 points but 一票否决
        await admin.PostJsonAsync("/api/v1/assessments/vetoes", new { organisationId = org, year, unitId = u["三"], veto = "safety", note = "某事故" }, HttpStatusCode.OK);
        // 四: award 2; crit 6 + late 6 = 12 → total penalty cap 10 → 50 + 30 + 2 − 10 = 72
        await AdjustAsync(admin, org, year, u["四"], "award", 2);
        await AdjustAsync(admin, org, year, u["四"], "crit", 6);
        await AdjustAsync(admin, org, year, u["四"], "late", 6);

        var view = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        Assert.Equal(101m, Score(UnitOf(view, u["一"])));
        Assert.Equal(8m, UnitOf(view, u["一"])["bonus"]!.GetValue<decimal>());
        Assert.Equal(89m, Score(UnitOf(view, u["二"])));
        Assert.Equal(6m, UnitOf(view, u["二"])["penalty"]!.GetValue<decimal>());
        Assert.Equal(100m, Score(UnitOf(view, u["三"])));
        Assert.Equal(72m, Score(UnitOf(view, u["四"])));
        Assert.Equal(10m, UnitOf(view, u["四"])["penalty"]!.GetValue<decimal>());
        // ranks by total: 101, 100, 89, 72
        Assert.Equal([1, 2, 3, 4], new[] { "一", "三", "二", "四" }.Select(n => Rank(UnitOf(view, u[n]))));
        // 4 × 30 % → one 优秀; 三 is 不合格 by the veto whatever its 100 points
        Assert.Equal("优秀", Grade(UnitOf(view, u["一"])));
        Assert.Equal("不合格", Grade(UnitOf(view, u["三"])));
        Assert.Equal("良好", Grade(UnitOf(view, u["二"])));
        Assert.Equal("合格", Grade(UnitOf(view, u["四"])));

        // edge validation: a score above the indicator's 分值, an item that does not exist
        var res = await admin.PutAsJsonAsync("/api/v1/assessments/scores", new { organisationId = org, year, unitId = u["一"], indicator = "quality", score = 61 });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains("0–60", await res.ProblemTitle());
        res = await admin.PostAsJsonAsync("/api/v1/assessments/adjustments", new { organisationId = org, year, unitId = u["一"], item = "nope", points = 1, basis = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
    }

    [Fact]
    public async Task The_excellent_quota_holds_and_a_tie_at_the_limit_is_not_split()
    {
        const int year = 2033;
        var names = new[] { "A", "B", "C", "D", "E", "F", "G" };
        var (admin, org, _, u, _) = await YearAsync(year, names);
        await PutSchemeAsync(admin, org, year, Scheme([Manual("all", "重点工作", 100)]));
        var scores = new[] { 98m, 95m, 95m, 93m, 91m, 85m, 70m };
        for (var i = 0; i < names.Length; i++) await ScoreAsync(admin, org, year, u[names[i]], "all", scores[i]);
        var view = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        // ranks 1, 2, 2, 4, 5, 6, 7 (B and C tie on everything)
        Assert.Equal([1, 2, 2, 4, 5, 6, 7], names.Select(n => Rank(UnitOf(view, u[n]))));
        // 7 × 30 % = 2.1 → 2 优秀: A takes one; B and C together would make 3 → both 良好, and so are D and E below them
        Assert.Equal(["优秀", "良好", "良好", "良好", "良好", "良好", "合格"], names.Select(n => Grade(UnitOf(view, u[n]))));
        Assert.Equal(1, view["units"]!.AsArray().Count(x => Grade(x!) == "优秀"));
    }

    [Fact]
    public async Task Equal_totals_are_ordered_by_the_first_group_then_by_less_penalty()
    {
        const int year = 2034;
        var (admin, org, _, u, _) = await YearAsync(year, "X", "Y", "Z");
        await PutSchemeAsync(admin, org, year, Scheme([Manual("key", "重点工作", 60), Manual("other", "综合评价", 40)],
            [new { code = "crit", name = "通报扣分", kind = "penalty", cap = 10, basis = "" }, new { code = "award", name = "表彰", kind = "bonus", cap = 10, basis = "" }],
            bonusCap: 10, penaltyCap: 10));
        await ScoreAsync(admin, org, year, u["X"], "key", 50); await ScoreAsync(admin, org, year, u["X"], "other", 40); // 90
        await ScoreAsync(admin, org, year, u["Y"], "key", 55); await ScoreAsync(admin, org, year, u["Y"], "other", 35); // 90, more 重点工作
        await ScoreAsync(admin, org, year, u["Z"], "key", 55); await ScoreAsync(admin, org, year, u["Z"], "other", 33); // 88 …
        await AdjustAsync(admin, org, year, u["Z"], "award", 4); // … + 4 − 2 = 90, same 重点工作 as Y but a penalty
        await AdjustAsync(admin, org, year, u["Z"], "crit", 2);
        var view = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        Assert.All(new[] { "X", "Y", "Z" }, n => Assert.Equal(90m, Score(UnitOf(view, u[n]))));
        Assert.Equal(1, Rank(UnitOf(view, u["Y"])));
        Assert.Equal(2, Rank(UnitOf(view, u["Z"])));
        Assert.Equal(3, Rank(UnitOf(view, u["X"])));
    }

    [Fact]
    public async Task Confirmed_results_are_frozen_revisions_are_new_versions_and_rank_changes_show_against_last_year()
    {
        const int year = 2035;
        var (admin, org, _, u, _) = await YearAsync(year, "P", "Q");
        await PutSchemeAsync(admin, org, year, Scheme([Manual("all", "重点工作", 100)]));
        await ScoreAsync(admin, org, year, u["P"], "all", 90);
        await ScoreAsync(admin, org, year, u["Q"], "all", 80);
        await admin.UserAsync($"leader{year}", "leader");
        await admin.UserAsync($"rep{year}", "reporter", u["Q"]);
        var leader = await factory.ClientAsync($"leader{year}");
        var reporter = await factory.ClientAsync($"rep{year}");
        // before publication only the office sees anything
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/v1/assessments?organisationId={org}&year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PutAsJsonAsync("/api/v1/assessments/scores", new { organisationId = org, year, unitId = u["Q"], indicator = "all", score = 100 })).StatusCode);

        var confirmed = await admin.PostJsonAsync("/api/v1/assessments/confirm", new { organisationId = org, year }, HttpStatusCode.OK);
        Assert.Equal("confirmed", confirmed["state"]!.GetValue<string>());
        // frozen: the scheme changes and the ledger moves on, the confirmed results stay; inputs refuse changes (409)
        await PutSchemeAsync(admin, org, year, Scheme([Manual("all", "重点工作", 50)]));
        var res = await admin.PutAsJsonAsync("/api/v1/assessments/scores", new { organisationId = org, year, unitId = u["Q"], indicator = "all", score = 50 });
        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
        var view = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        Assert.Equal(90m, Score(UnitOf(view, u["P"])));
        Assert.Equal(100m, UnitOf(view, u["P"])["parts"]![0]!["max"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/assessments/confirm", new { organisationId = org, year })).StatusCode);

        await admin.PostJsonAsync("/api/v1/assessments/publish", new { organisationId = org, year }, HttpStatusCode.OK);
        // published: the leader sees the ranking, the unit only its own breakdown
        var forLeader = await leader.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        Assert.Equal("published", forLeader["state"]!.GetValue<string>());
        Assert.Equal(2, forLeader["units"]!.AsArray().Count);
        var forUnit = await reporter.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        Assert.Equal(u["Q"], Assert.Single(forUnit["units"]!.AsArray())!["unitId"]!.GetValue<int>());

        // a change after confirmation is a new version; the old one is kept and every step is in the audit trail
        var revised = await admin.PostJsonAsync("/api/v1/assessments/revise", new { organisationId = org, year }, HttpStatusCode.OK);
        Assert.Equal("draft", revised["state"]!.GetValue<string>());
        Assert.Equal(2, revised["version"]!.GetValue<int>());
        // the new version starts from the old inputs under the scheme as it is now (50 points): P's 90 counts as 50
        var v2 = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        Assert.Equal(50m, Score(UnitOf(v2, u["P"])));
        await ScoreAsync(admin, org, year, u["P"], "all", 40);
        await ScoreAsync(admin, org, year, u["Q"], "all", 45);
        await admin.PostJsonAsync("/api/v1/assessments/confirm", new { organisationId = org, year }, HttpStatusCode.OK);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var versions = await db.Assessments.Where(a => a.OrganisationId == org && a.Year == year).OrderBy(a => a.Version).ToListAsync();
            Assert.Equal(2, versions.Count);
            Assert.NotNull(versions[0].SupersededAt);
            Assert.Equal(AssessmentState.Published, versions[0].State);
            Assert.True(await db.AuditEntries.CountAsync(e => e.Entity == "Assessment") >= 4);
        }
        // version 2, out of 50: P 40, Q 45 → Q first
        view = await admin.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year}");
        Assert.Equal(1, Rank(UnitOf(view, u["Q"])));

        // next year: P first again → P up one place, Q down one against this year's (version 2) ranks
        var (admin2, _, _, u2, _) = await YearAsync(year + 1, "R");
        using (var scope = factory.Services.CreateScope())
        {
            // P and Q lead a task in the next year's plan too
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var task = await db.TaskUnits.Where(x => x.UnitId == u2["R"]).Select(x => x.TaskId).FirstAsync();
            db.TaskUnits.Add(new TaskUnit { TaskId = task, UnitId = u["P"], Name = "P", Role = UnitRole.Lead });
            db.TaskUnits.Add(new TaskUnit { TaskId = task, UnitId = u["Q"], Name = "Q", Role = UnitRole.Lead });
            await db.SaveChangesAsync();
        }
        await PutSchemeAsync(admin2, org, year + 1, Scheme([Manual("all", "重点工作", 100)]));
        await ScoreAsync(admin2, org, year + 1, u["P"], "all", 95);
        await ScoreAsync(admin2, org, year + 1, u["Q"], "all", 85);
        await ScoreAsync(admin2, org, year + 1, u2["R"], "all", 60);
        var next = await admin2.GetJsonAsync($"/api/v1/assessments?organisationId={org}&year={year + 1}");
        Assert.Equal(1, UnitOf(next, u["P"])["rankChange"]!.GetValue<int>());   // 2 → 1
        Assert.Equal(-1, UnitOf(next, u["Q"])["rankChange"]!.GetValue<int>());  // 1 → 2
        Assert.Null(UnitOf(next, u2["R"])["rankChange"]);                       // not ranked last year
    }

    [Fact]
    public async Task The_assessment_notice_is_a_Word_document_with_the_ranking_table()
    {
        const int year = 2037;
        var (admin, org, _, u, _) = await YearAsync(year, "M", "N");
        var res = await admin.GetAsync($"/api/v1/assessments/document?organisationId={org}&year={year}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(PlanLedger.Web.Features.Documents.GongwenWriter.ContentType, res.Content.Headers.ContentType?.MediaType);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await res.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains($"关于{year}年度目标管理责任制考核结果的通报（征求意见稿）", text);
        Assert.Contains("位次", text);
        Assert.Contains("总分", text);
        _ = u;
    }
}

public sealed class AssessmentSqliteTests(SqliteLedgerFactory f) : AssessmentTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class AssessmentPostgresTests(PostgresLedgerFactory f) : AssessmentTests(f), IClassFixture<PostgresLedgerFactory>;
