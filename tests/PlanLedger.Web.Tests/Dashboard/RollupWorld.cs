using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Dashboard;

/// <summary>
/// A small province for the roll-up (下级汇总), the app's clock at <see cref="Today"/> (10 June; report day 5, so March,
/// April and May are due): province P → cities C1 (own plan; counties K1, K2) and C2 (county K3). Every plan of
/// <see cref="Year"/> is published on 10 March. Figures a leader should read (worked by hand in the tests' comments):
/// <list type="bullet">
/// <item>K1: 4 leaf tasks (done, overdue, on track, not started) in a section; owed 13, on time 5; an open 督办单; a rectified finding.</item>
/// <item>K2: 2 leaf tasks on track; owed 6, on time 6.</item>
/// <item>C1 itself: 1 leaf task at risk; owed 3, on time 0; an open 督办单.</item>
/// <item>K3: 3 leaf tasks (1 done, 2 overdue); owed 6, on time 3; two open findings, one past its deadline; last year's 督办单.</item>
/// </list>
/// Users: province leader, C1 office, C1 viewer, K1 leader, K1 reporter, C2 office.
/// </summary>
public sealed record RollupWorld(string N, int Year, int P, int C1, int C2, int K1, int K2, int K3, int K1Plan, int K2Plan, int C1Plan, int K3Plan)
{
    public string ProvinceLeader => $"pLeader{N}";
    public string C1Office => $"c1Office{N}";
    public string C1Viewer => $"c1Viewer{N}";
    public string K1Leader => $"k1Leader{N}";
    public string K1Reporter => $"k1Rep{N}";
    public string C2Office => $"c2Office{N}";

    public static int ThisYear => DateTime.UtcNow.Year;
    public static DateTimeOffset Today => new(ThisYear, 6, 10, 8, 0, 0, TimeSpan.Zero);

    private static async Task<int> OrgAsync(HttpClient admin, string name, int? parentId, string level) =>
        (await admin.PostJsonAsync("/api/v1/organisations", new { name, parentId, level })).Id();

    public static async Task<RollupWorld> CreateAsync(LedgerFactory f)
    {
        f.Clock.Set(Today);
        TestApi.ForgetTokens(f);
        var admin = await f.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var p = await OrgAsync(admin, $"汇总省{n}", null, "province");
        var c1 = await OrgAsync(admin, $"一市{n}", p, "city");
        var c2 = await OrgAsync(admin, $"二市{n}", p, "city");
        var k1 = await OrgAsync(admin, $"甲县{n}", c1, "county");
        var k2 = await OrgAsync(admin, $"乙县{n}", c1, "county");
        var k3 = await OrgAsync(admin, $"丙县{n}", c2, "county");
        var u1 = await admin.UnitAsync($"甲县基教股{n}", organisationId: k1);
        var u2 = await admin.UnitAsync($"甲县人事股{n}", organisationId: k1);
        var u3 = await admin.UnitAsync($"乙县基教股{n}", organisationId: k2);
        var u4 = await admin.UnitAsync($"一市基教处{n}", organisationId: c1);
        var u5 = await admin.UnitAsync($"丙县基教股{n}", organisationId: k3);
        await admin.UserAsync($"pLeader{n}", "leader", organisationId: p);
        await admin.UserAsync($"c1Office{n}", "office", organisationId: c1);
        await admin.UserAsync($"c1Viewer{n}", "viewer", organisationId: c1);
        await admin.UserAsync($"k1Leader{n}", "leader", organisationId: k1);
        await admin.UserAsync($"k1Rep{n}", "reporter", u1, k1);
        await admin.UserAsync($"c2Office{n}", "office", organisationId: c2);

        var y = ThisYear;
        var published = new DateTimeOffset(y, 3, 10, 9, 0, 0, TimeSpan.Zero);
        DateTimeOffset At(int month, int day) => new(y, month, day, 9, 0, 0, TimeSpan.Zero);
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();

        Plan NewPlan(int org, string title)
        {
            var plan = new Plan
            {
                OrganisationId = org, Title = title, Year = y, SourceFileName = "plan.txt", Format = "txt", Sha256 = Guid.NewGuid().ToString("N"),
                Source = new PlanSource { Text = title }, CreatedAt = published,
            };
            db.Plans.Add(plan);
            return plan;
        }
        var order = 0;
        PlanTask Task(Plan plan, PlanTask? parent, string heading, PlanTaskStatus status, DateOnly? due = null, DateTimeOffset? closed = null,
            params (int Unit, UnitRole Role)[] units)
        {
            var t = new PlanTask
            {
                Plan = plan, Parent = parent, Path = parent is null ? "一" : $"一/{++order}", Order = ++order, Level = parent is null ? 1 : 2,
                Label = parent is null ? "一、" : "1.", Heading = heading, Section = "一", Status = status, DueDate = due, ClosedAt = closed,
            };
            foreach (var (unit, role) in units) t.Units.Add(new TaskUnit { UnitId = unit, Role = role, Name = $"单位{unit}" });
            plan.Tasks.Add(t);
            return t;
        }
        var yearEnd = new DateOnly(y, 12, 31);

        // K1: a section (linked to u1: a section owes nothing and is not counted) with four leaves
        var k1Plan = NewPlan(k1, $"甲县{y}年工作要点{n}");
        var k1Section = Task(k1Plan, null, "重点任务", PlanTaskStatus.Overdue, yearEnd, null, (u1, UnitRole.Lead));
        var t1 = Task(k1Plan, k1Section, "已办结任务", PlanTaskStatus.Done, yearEnd, At(4, 20), (u1, UnitRole.Lead));
        var t2 = Task(k1Plan, k1Section, "逾期任务", PlanTaskStatus.Overdue, new DateOnly(y, 5, 31), null, (u1, UnitRole.Lead));
        var t3 = Task(k1Plan, k1Section, "推进中任务", PlanTaskStatus.OnTrack, yearEnd, null, (u1, UnitRole.Lead), (u2, UnitRole.Support));
        var t4 = Task(k1Plan, k1Section, "未开始任务", PlanTaskStatus.NotStarted, null, null, (u1, UnitRole.Lead));
        // K2: two leaves
        var k2Plan = NewPlan(k2, $"乙县{y}年工作要点{n}");
        var k2Section = Task(k2Plan, null, "重点任务", PlanTaskStatus.OnTrack, yearEnd);
        var t5 = Task(k2Plan, k2Section, "乙县任务一", PlanTaskStatus.OnTrack, yearEnd, null, (u3, UnitRole.Lead));
        var t6 = Task(k2Plan, k2Section, "乙县任务二", PlanTaskStatus.OnTrack, yearEnd, null, (u3, UnitRole.Lead));
        // C1's own plan: one leaf
        var c1Plan = NewPlan(c1, $"一市{y}年工作要点{n}");
        var c1Section = Task(c1Plan, null, "重点任务", PlanTaskStatus.AtRisk, yearEnd);
        Task(c1Plan, c1Section, "市级任务", PlanTaskStatus.AtRisk, yearEnd, null, (u4, UnitRole.Lead));
        // K3: three leaves
        var k3Plan = NewPlan(k3, $"丙县{y}年工作要点{n}");
        var k3Section = Task(k3Plan, null, "重点任务", PlanTaskStatus.Overdue, yearEnd);
        var t8 = Task(k3Plan, k3Section, "丙县已办结", PlanTaskStatus.Done, yearEnd, At(5, 20), (u5, UnitRole.Lead));
        var t9 = Task(k3Plan, k3Section, "丙县逾期一", PlanTaskStatus.Overdue, new DateOnly(y, 4, 30), null, (u5, UnitRole.Lead));
        Task(k3Plan, k3Section, "丙县逾期二", PlanTaskStatus.Overdue, new DateOnly(y, 4, 30), null, (u5, UnitRole.Lead));
        // a draft of K2 and last year's plan of K3 count for nothing this year
        var draft = NewPlan(k2, $"乙县草稿{n}");
        Task(draft, null, "草稿任务", PlanTaskStatus.NotStarted, yearEnd, null, (u3, UnitRole.Lead));
        var old = NewPlan(k3, $"丙县去年{n}");
        old.Year = y - 1;
        Task(old, null, "去年任务", PlanTaskStatus.Overdue, new DateOnly(y - 1, 12, 31), null, (u5, UnitRole.Lead));
        foreach (var plan in new[] { k1Plan, k2Plan, c1Plan, k3Plan, old })
        {
            plan.Publish(plan.Tasks.Count, published);
            plan.TaskCount = plan.Tasks.Count;
        }
        draft.TaskCount = 1;
        await db.SaveChangesAsync();

        ProgressReport Report(PlanTask t, int unit, string period, DateTimeOffset at) =>
            db.Reports.Add(ProgressReport.Submit(t.Id, unit, $"{y}-{period}", 50, "进展", true, 1, "测试", at)).Entity;
        Report(t1, u1, "03", At(4, 3));                     // on time
        Report(t2, u1, "03", At(4, 10));                    // late
        Report(t2, u1, "04", At(5, 1));                     // on time
        foreach (var (m, at) in new[] { ("03", At(4, 1)), ("04", At(5, 2)), ("05", At(6, 4)) }) Report(t3, u1, m, at); // on time ×3; u2 never
        Report(t4, u1, "05", At(6, 1)).Return("退回", "数据有误", At(6, 2));   // returned: not live, not counted
        foreach (var t in new[] { t5, t6 })
            foreach (var (m, at) in new[] { ("03", At(4, 5)), ("04", At(5, 5)), ("05", At(6, 5)) }) Report(t, u3, m, at); // on time ×6 (the report day itself)
        Report(t8, u5, "03", At(4, 2));
        Report(t8, u5, "04", At(5, 3));
        Report(t9, u5, "03", At(4, 4));
        Report(t9, u5, "04", At(5, 6));                     // a day late

        db.Supervisions.Add(SupervisionNotice.Issue(k1, y, 1, SupervisionLevel.Yellow, "滞后", new DateOnly(y, 6, 20), [t2.Id], [u1], "督查室", At(6, 1)));
        db.Supervisions.Add(SupervisionNotice.Issue(c1, y, 1, SupervisionLevel.Blue, "提醒", new DateOnly(y, 6, 20), [], [u4], "督查室", At(6, 1)));
        db.Supervisions.Add(SupervisionNotice.Issue(k3, y - 1, 1, SupervisionLevel.Red, "去年", new DateOnly(y - 1, 12, 20), [], [u5], "督查室", At(1, 1).AddYears(-1)));

        var k1Round = new InspectionRound { OrganisationId = k1, Title = "甲县督导", CreatedById = 1, CreatedByName = "督查室", CreatedAt = At(5, 1) };
        var k3Round = new InspectionRound { OrganisationId = k3, Title = "丙县督导", CreatedById = 1, CreatedByName = "督查室", CreatedAt = At(5, 1) };
        db.InspectionRounds.AddRange(k1Round, k3Round);
        await db.SaveChangesAsync();
        var rectified = Finding.Record(k1Round.Id, 1, u1, FindingSeverity.Minor, "台账不全", "补齐", new DateOnly(y, 6, 1), [], 1, "督导员", At(5, 2));
        rectified.Rectify("已补齐", [], "甲县基教股", At(5, 20));
        db.Findings.AddRange(rectified,
            Finding.Record(k3Round.Id, 1, u5, FindingSeverity.Major, "进度滞后", "加快", new DateOnly(y, 6, 1), [], 1, "督导员", At(5, 2)),
            Finding.Record(k3Round.Id, 2, u5, FindingSeverity.Minor, "资料缺失", "补充", new DateOnly(y, 7, 1), [], 1, "督导员", At(5, 2)));
        await db.SaveChangesAsync();
        return new RollupWorld(n, y, p, c1, c2, k1, k2, k3, k1Plan.Id, k2Plan.Id, c1Plan.Id, k3Plan.Id);
    }
}
