using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Assessment;

/// <summary>The 考核 pages and the 工作总结 page as the office, a unit and a leader use them.</summary>
public abstract class AssessmentPagesTests(LedgerFactory factory)
{
    [Fact]
    public async Task The_office_configures_scores_confirms_and_publishes_a_unit_sees_its_breakdown_and_the_leader_the_ranking()
    {
        const int year = 2041;
        var admin = await factory.ClientAsync();
        var a = await admin.UnitAsync("页面甲股");
        var b = await admin.UnitAsync("页面乙股");
        var plan = await admin.PostFileAsync("p.txt", SyntheticPlan.Text($"""
            测试局{year}年工作要点
            一、重点工作
            1.甲项工作。牵头单位：页面甲股。完成时限：{year}年6月底前。
            2.乙项工作。牵头单位：页面乙股。完成时限：{year}年6月底前。
            编号 {Guid.NewGuid():N}
            """), year);
        await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var leaves = db.Tasks.Where(t => t.PlanId == plan.Id() && !db.Tasks.Any(c => c.ParentId == t.Id)).OrderBy(t => t.Order).ToList();
            foreach (var (t, u) in leaves.Zip(new[] { a, b }))
                if (!db.TaskUnits.Any(x => x.TaskId == t.Id && x.UnitId == u)) db.TaskUnits.Add(new TaskUnit { TaskId = t.Id, UnitId = u, Name = "u", Role = UnitRole.Lead });
            db.SaveChanges();
        }
        await admin.UserAsync("page-leader", "leader");
        await admin.UserAsync("page-unit", "reporter", b);

        var office = await PageClient.SignInAsync(factory);
        var scheme = await office.GetHtmlAsync($"/Assessment/Scheme?Year={year}");
        Assert.Contains("默认考核方案", scheme);
        Assert.Contains("任务完成率", scheme);
        // the office keeps the default scheme but gives 领导评价 20 points instead of 15
        var res = await office.PostFormAsync($"/Assessment/Scheme?Year={year}", $"/Assessment/Scheme?Year={year}", SchemeFields(leadersMax: 20));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await office.GetHtmlAsync($"/Assessment?Year={year}");
        Assert.Contains("领导评价", html);
        Assert.Contains("20分", html);
        Assert.DoesNotContain("默认考核方案", html);

        // manual score for 乙: 18 → 40 + 20 + 15 + 10 + 18 = 103; 甲 85
        res = await office.PostFormAsync($"/Assessment?Year={year}", $"/Assessment?Year={year}&handler=Score",
            new() { ["UnitId"] = b.ToString(), ["Code"] = "leaders", ["Points"] = "18", ["Note"] = "分管领导评议" });
        html = await res.Content.ReadAsStringAsync();
        Assert.Contains("已保存评分", html);
        Assert.Contains("<b>103</b>", html);
        res = await office.PostFormAsync($"/Assessment?Year={year}", $"/Assessment?Year={year}&handler=Confirm", []);
        Assert.Contains("考核结果已确认", await res.Content.ReadAsStringAsync());
        var leader = await PageClient.SignInAsync(factory, "page-leader");
        Assert.Contains("考核结果尚未公布", await leader.GetHtmlAsync($"/Assessment?Year={year}"));
        res = await office.PostFormAsync($"/Assessment?Year={year}", $"/Assessment?Year={year}&handler=Publish", []);
        Assert.Contains("考核结果已公布", await res.Content.ReadAsStringAsync());

        html = await leader.GetHtmlAsync($"/Assessment?Year={year}");
        Assert.Contains("页面甲股", html);
        Assert.Contains("页面乙股", html);
        Assert.DoesNotContain("score-form", html);
        var unit = await PageClient.SignInAsync(factory, "page-unit");
        html = await unit.GetHtmlAsync($"/Assessment?Year={year}");
        Assert.Contains("页面乙股", html);
        Assert.DoesNotContain("页面甲股", html);
        Assert.Contains("分管领导评议", html);
        var doc = await unit.Http.GetAsync($"/assessments/document?year={year}");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
    }

    private static Dictionary<string, string> SchemeFields(decimal leadersMax)
    {
        var d = new Dictionary<string, string>();
        var s = PlanLedger.Web.Features.Assessment.DefaultScheme.Definition;
        for (var k = 0; k < s.Indicators.Count; k++)
        {
            var i = s.Indicators[k];
            d[$"Indicators[{k}].Code"] = i.Code; d[$"Indicators[{k}].Group"] = i.Group; d[$"Indicators[{k}].Name"] = i.Name;
            d[$"Indicators[{k}].Max"] = (i.Code == "leaders" ? leadersMax : i.Max).ToString(System.Globalization.CultureInfo.InvariantCulture);
            d[$"Indicators[{k}].Method"] = i.Method; d[$"Indicators[{k}].Measure"] = i.Measure ?? "";
            d[$"Indicators[{k}].PerItem"] = i.PerItem.ToString(System.Globalization.CultureInfo.InvariantCulture); d[$"Indicators[{k}].Criteria"] = i.Criteria;
        }
        for (var k = 0; k < s.Adjustments.Count; k++)
        {
            var a = s.Adjustments[k];
            d[$"Adjustments[{k}].Code"] = a.Code; d[$"Adjustments[{k}].Name"] = a.Name; d[$"Adjustments[{k}].Kind"] = a.Kind;
            d[$"Adjustments[{k}].Cap"] = a.Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        d["Vetoes[0].Code"] = "safety"; d["Vetoes[0].Name"] = "发生重大安全责任事故";
        d["BonusCap"] = "8"; d["PenaltyCap"] = "15"; d["Excellent"] = "90"; d["Good"] = "80"; d["Pass"] = "60"; d["QuotaPercent"] = "30";
        return d;
    }

    [Fact]
    public async Task The_office_edits_the_drafted_summary_and_the_Word_file_holds_its_text()
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.PostFileAsync("s.txt", SyntheticPlan.Unique());
        await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray();
        var kindergarten = tasks.First(t => t!["heading"]!.GetValue<string>().Contains("幼儿园"))!;
        var target = kindergarten["targets"]!.AsArray().Single()!;
        await admin.PostJsonAsync($"/api/v1/tasks/{kindergarten.Id()}/reports", new
        {
            period = $"{DateTime.UtcNow.Year}-01", progress = 100, text = "已建成城南、城北、城西幼儿园",
            actuals = new[] { new { targetId = target.Id(), value = 3m } },
        });
        var page = await PageClient.SignInAsync(factory);
        var html = await page.GetHtmlAsync($"/Plans/{plan.Id()}/Summary");
        Assert.Contains("新建幼儿园3处（目标3处）", html);
        Assert.Contains("已建成城南、城北、城西幼儿园", html);
        Assert.Contains($"/Tasks/{kindergarten.Id()}", html);

        var res = await page.PostFormAsync($"/Plans/{plan.Id()}/Summary", $"/Plans/{plan.Id()}/Summary",
            new() { ["Title"] = "测试局年度工作总结", ["Text"] = "一、总体情况\n全年工作顺利推进（办公室修改）。\n" });
        Assert.Contains("已保存", await res.Content.ReadAsStringAsync());
        var docx = await admin.GetAsync($"/api/v1/plans/{plan.Id()}/documents/summary");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("测试局年度工作总结", text);
            Assert.Contains("全年工作顺利推进（办公室修改）。", text);
            Assert.DoesNotContain("已建成城南", text);
        }
        await page.PostFormAsync($"/Plans/{plan.Id()}/Summary", $"/Plans/{plan.Id()}/Summary?handler=Redraft", []);
        docx = await admin.GetAsync($"/api/v1/plans/{plan.Id()}/documents/summary");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            Assert.Contains("新建幼儿园3处（目标3处）", doc.MainDocumentPart!.Document.Body!.InnerText);

        // the progress document: bad period → 400 problem; another period → the report text or 本期未报送
        var bad = await admin.GetAsync($"/api/v1/plans/{plan.Id()}/documents/progress?period=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("报送周期", await bad.ProblemTitle());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/plans/{plan.Id()}/documents/nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/plans/999999/documents/breakdown")).StatusCode);
    }
}

public sealed class AssessmentPagesSqliteTests(SqliteLedgerFactory f) : AssessmentPagesTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class AssessmentPagesPostgresTests(PostgresLedgerFactory f) : AssessmentPagesTests(f), IClassFixture<PostgresLedgerFactory>;
