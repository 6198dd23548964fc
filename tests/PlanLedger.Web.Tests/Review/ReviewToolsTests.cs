using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Review;

/// <summary>
/// The review step finished (issue 8): each validation rule of the review forms and the API, the pre-publish checklist,
/// one link per unit and task, adding and deleting tasks and sections, bulk 分工, units created from a name, the plan's
/// details, 归档 and 撤回发布, and the ledger's 进展情况 column and office labels.
/// </summary>
public abstract class ReviewToolsTests(LedgerFactory factory)
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Period => DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A plan of its own: two sections, three leaves, unit names unique to the call (prefix <paramref name="p"/>).</summary>
    private static byte[] Plan(string p, string extra = "") => SyntheticPlan.Text($"""
        {p}教育局{DateTime.UtcNow.Year}年工作要点
        一、推进学前教育普惠发展
        1.新建幼儿园3处。牵头单位：{p}基础教育股；配合单位：{p}计划财务股。完成时限：年内。
        2.提高入园率到90%以上。牵头单位：{p}计划财务股。
        二、加强教师队伍建设
        1.培训教师500人次。牵头单位：{p}人事股、{p}人事股。完成时限：6月底前。
        {extra}
        编号 {Guid.NewGuid():N}
        """);

    private static string Prefix() => "区" + Guid.NewGuid().ToString("N")[..4];

    private async Task<(HttpClient Admin, int PlanId, List<JsonNode> Tasks)> ImportAsync(string p, bool units = true)
    {
        var admin = await factory.ClientAsync();
        if (units)
            foreach (var name in new[] { "基础教育股", "计划财务股", "人事股" }) await admin.UnitAsync(p + name);
        var plan = await admin.PostFileAsync($"{p}.txt", Plan(p));
        return (admin, plan.Id(), await TasksAsync(admin, plan.Id()));
    }

    private static async Task<List<JsonNode>> TasksAsync(HttpClient http, int planId) =>
        (await http.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Select(t => t!).ToList();

    private static JsonNode ByPath(List<JsonNode> tasks, string path) => tasks.Single(t => t["path"]!.GetValue<string>() == path);

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage res, HttpStatusCode expected)
    {
        Assert.Equal(expected, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
    }

    // ---- validation: API ----

    [Theory]
    [InlineData("", null, "heading", "标题不能为空")]
    [InlineData("640", null, "heading", "标题过长：640 字，不能超过 500 字")]
    [InlineData("ok", "300", "deadline", "完成时限过长：300 字，不能超过 100 字")]
    public async Task The_API_refuses_a_bad_task_edit_with_a_Chinese_message_for_the_field_and_saves_nothing(
        string heading, string? deadline, string field, string message)
    {
        var (admin, planId, tasks) = await ImportAsync(Prefix(), units: false);
        var task = ByPath(tasks, "一/1");
        var body = new
        {
            heading = heading == "640" ? new string('标', 640) : heading == "ok" ? "新标题" : heading,
            text = "内容", deadline = deadline == "300" ? new string('年', 300) : deadline,
        };
        var problem = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/tasks/{task.Id()}", body), HttpStatusCode.BadRequest);
        Assert.Equal(message, problem["title"]!.GetValue<string>());
        Assert.Equal(message, problem["errors"]![field]!.GetValue<string>());
        var after = (await TasksAsync(admin, planId)).Single(t => t.Id() == task.Id());
        Assert.Equal(task["heading"]!.GetValue<string>(), after["heading"]!.GetValue<string>());
        Assert.Equal(task["deadline"]?.GetValue<string>(), after["deadline"]?.GetValue<string>());
    }

    // ---- validation: the review page's forms ----

    [Theory]
    [InlineData("", "年内", "heading", "标题不能为空")]
    [InlineData("640", "年内", "heading", "标题过长：640 字，不能超过 500 字")]
    [InlineData("新标题", "300", "deadline", "完成时限过长：300 字，不能超过 100 字")]
    public async Task The_review_form_shows_the_message_next_to_the_field_and_saves_nothing(string heading, string deadline, string field, string message)
    {
        var (admin, planId, tasks) = await ImportAsync(Prefix(), units: false);
        var task = ByPath(tasks, "一/1");
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var typedHeading = heading == "640" ? new string('标', 640) : heading;
        var res = await page.PostFormAsync(url, url + "?handler=Update", new()
        {
            ["taskId"] = S(task.Id()), ["heading"] = typedHeading, ["text"] = "内容",
            ["deadline"] = deadline == "300" ? new string('年', 300) : deadline,
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains($"<span class=\"field-error\" data-field=\"{field}\">{message}</span>", html);
        // the field's own value as typed stays in the form, inside the task's row
        var row = html[html.IndexOf($"id=\"task-{task.Id()}\"", StringComparison.Ordinal)..];
        Assert.True(row.IndexOf("field-error", StringComparison.Ordinal) < row.IndexOf("id=\"task-", 10, StringComparison.Ordinal));
        var after = (await TasksAsync(admin, planId)).Single(t => t.Id() == task.Id());
        Assert.Equal(task["heading"]!.GetValue<string>(), after["heading"]!.GetValue<string>());
        Assert.Equal(task["deadline"]?.GetValue<string>(), after["deadline"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("abc", "目标值应为数字（“abc”不是数字）")]
    [InlineData("-5", "目标值不能为负数")]
    [InlineData("", "请填写目标值")]
    public async Task A_target_value_that_is_not_a_non_negative_number_is_refused_next_to_it(string value, string message)
    {
        var (admin, planId, tasks) = await ImportAsync(Prefix(), units: false);
        var task = ByPath(tasks, "一/2");
        var before = task["targets"]!.AsArray().Count;
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var res = await page.PostFormAsync(url, url + "?handler=AddTarget", new()
        {
            ["taskId"] = S(task.Id()), ["targetText"] = "新建学校", ["targetValue"] = value, ["targetUnit"] = "所", ["op"] = "=",
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains($"data-field=\"targetValue\">{message}</span>", await res.Content.ReadAsStringAsync());
        Assert.Equal(before, (await TasksAsync(admin, planId)).Single(t => t.Id() == task.Id())["targets"]!.AsArray().Count);

        // the same with htmx: only the task's row comes back, with the message in it
        var token = PageClient.Token(await page.GetHtmlAsync(url));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["taskId"] = S(task.Id()), ["targetText"] = "新建学校", ["targetValue"] = value, ["op"] = "=",
        });
        using var req = new HttpRequestMessage(HttpMethod.Post, url + "?handler=AddTarget") { Content = form };
        req.Headers.Add("HX-Request", "true");
        var partial = await page.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var fragment = await partial.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", fragment);
        Assert.StartsWith($"<div class=\"task review-task\" id=\"task-{task.Id()}\"", fragment.Trim());
        Assert.Contains(message, fragment);
        Assert.Equal(before, (await TasksAsync(admin, planId)).Single(t => t.Id() == task.Id())["targets"]!.AsArray().Count);

        // a good value is saved as typed, and the htmx answer is the updated row
        token = PageClient.Token(await page.GetHtmlAsync(url));
        using var good = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["taskId"] = S(task.Id()), ["targetText"] = "新建学校", ["targetValue"] = "12.5", ["op"] = ">=", ["targetUnit"] = "所",
        });
        using var req2 = new HttpRequestMessage(HttpMethod.Post, url + "?handler=AddTarget") { Content = good };
        req2.Headers.Add("HX-Request", "true");
        var saved = await (await page.Http.SendAsync(req2)).Content.ReadAsStringAsync();
        Assert.Contains("目标 " + S(before + 1), saved);
        // the checklist comes along out of band, so it never shows findings an edit has fixed
        Assert.Contains("id=\"checklist\" hx-swap-oob=\"true\"", saved);
        var target = (await TasksAsync(admin, planId)).Single(t => t.Id() == task.Id())["targets"]!.AsArray().Last()!;
        Assert.Equal(12.5m, target["value"]!.GetValue<decimal>());
    }

    // ---- the pre-publish checklist ----

    [Fact]
    public async Task The_checklist_lists_tasks_without_lead_or_deadline_and_unmapped_names_and_publishing_asks_for_confirmation()
    {
        var p = Prefix();
        var (admin, planId, tasks) = await ImportAsync(p, units: false);
        var check = await admin.GetJsonAsync($"/api/v1/plans/{planId}/checklist");
        Assert.Equal(5, check["tasks"]!.GetValue<int>());
        Assert.Empty(check["noLead"]!.AsArray());
        Assert.Equal(["一/2"], check["noDeadline"]!.AsArray().Select(t => t!["path"]!.GetValue<string>()));
        Assert.Equal(new[] { p + "人事股", p + "基础教育股", p + "计划财务股" }.Order(StringComparer.Ordinal),
            check["unmapped"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(check["emptyHeadings"]!.AsArray());

        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var html = await page.GetHtmlAsync(url);
        Assert.Contains("1 项任务无完成时限", html);
        Assert.Contains("3 个单位名称未对应", html);
        Assert.Contains("id=\"publish-confirm\"", html);

        // without the confirmation: still a draft, with the reason
        var refused = await page.PostFormAsync(url, url + "?handler=Publish", new());
        Assert.Contains("发布前检查发现问题", await refused.Content.ReadAsStringAsync());
        Assert.Equal("draft", (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Count > 0
            ? (await admin.GetJsonAsync("/api/v1/plans")).AsArray().Single(x => x!.Id() == planId)!["status"]!.GetValue<string>() : "");

        // the filter shows the task the checklist points at
        var filtered = await page.GetHtmlAsync(url + "?Filter=nodeadline");
        Assert.Contains($"id=\"task-{ByPath(tasks, "一/2").Id()}\"", filtered);
        Assert.DoesNotContain($"id=\"task-{ByPath(tasks, "一/1").Id()}\"", filtered);
        Assert.Contains("显示 1 / 5", filtered);

        var published = await page.PostFormAsync(url, url + "?handler=Publish", new() { ["confirm"] = "true" });
        Assert.EndsWith("/Ledger", published.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("published", (await admin.GetJsonAsync("/api/v1/plans")).AsArray().Single(x => x!.Id() == planId)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_plan_is_refused_on_the_page_and_in_the_API()
    {
        var (admin, planId, tasks) = await ImportAsync(Prefix(), units: false);
        foreach (var section in tasks.Where(t => t["parentId"] is null))
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tasks/{section.Id()}")).StatusCode);
        Assert.Empty(await TasksAsync(admin, planId));

        var problem = await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/publish", new { }), HttpStatusCode.Conflict);
        Assert.Equal("计划没有任何任务，不能发布", problem["title"]!.GetValue<string>());
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var html = await page.GetHtmlAsync(url);
        Assert.Contains("计划没有任何任务，不能发布", html);
        Assert.DoesNotContain("id=\"publish\"", html);
        var res = await page.PostFormAsync(url, url + "?handler=Publish", new() { ["confirm"] = "true" });
        Assert.Contains("计划没有任何任务，不能发布", await res.Content.ReadAsStringAsync());
        Assert.Equal("draft", (await admin.GetJsonAsync("/api/v1/plans")).AsArray().Single(x => x!.Id() == planId)!["status"]!.GetValue<string>());
    }

    // ---- unit links ----

    [Fact]
    public async Task A_unit_is_linked_once_to_a_task_by_import_by_hand_and_by_the_database()
    {
        var p = Prefix();
        var (admin, planId, tasks) = await ImportAsync(p);
        // "人事股、人事股" in the document: one link
        var training = ByPath(tasks, "二/1");
        Assert.Equal([p + "人事股"], training["lead"]!.AsArray().Select(x => x!.GetValue<string>()));
        int links;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            links = await db.TaskUnits.CountAsync(u => u.TaskId == training.Id());
            Assert.Equal(1, links);
        }

        // adding it again on the review page is refused with the reason
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var unitId = await UnitIdAsync(admin, p + "人事股");
        var again = await page.PostFormAsync(url, url + "?handler=AddUnit", new() { ["taskId"] = S(training.Id()), ["unitId"] = S(unitId), ["role"] = "Support" });
        Assert.Contains("该单位已是此任务的牵头单位，同一单位不能重复关联", await again.Content.ReadAsStringAsync());

        // the entity's rule, and the unique index behind it
        Assert.Throws<RuleException>(() => TaskUnit.EnsureNotLinked([new TaskUnit { Id = 1, UnitId = 7, Role = UnitRole.Lead }], 7));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            db.TaskUnits.Add(new TaskUnit { TaskId = training.Id(), UnitId = unitId, Name = "重复", Role = UnitRole.Support });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        using (var scope = factory.Services.CreateScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().TaskUnits.CountAsync(u => u.TaskId == training.Id()));

        // merging two units that both serve one task leaves the task one link to the unit merged into
        var other = await admin.UnitAsync(p + "教师工作股");
        await page.PostFormAsync(url, url + "?handler=AddUnit", new() { ["taskId"] = S(training.Id()), ["unitId"] = S(other), ["role"] = "Support" });
        await admin.PostJsonAsync($"/api/v1/units/{other}/merge", new { intoId = unitId }, HttpStatusCode.OK);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            Assert.Equal([unitId], await db.TaskUnits.Where(u => u.TaskId == training.Id()).Select(u => u.UnitId).ToListAsync());
        }
    }

    private static async Task<int> UnitIdAsync(HttpClient admin, string name) =>
        (await admin.GetJsonAsync("/api/v1/units")).AsArray().Single(u => u!["name"]!.GetValue<string>() == name)!.Id();

    [Fact]
    public async Task An_unmatched_name_found_in_the_directory_above_is_copied_into_the_countys_own()
    {
        var p = Prefix();
        var admin = await factory.ClientAsync();
        // The city (the admin's organisation) keeps 计划财务科, also written 计划财务股; the new county has no units yet.
        var cityUnit = await admin.UnitAsync(p + "计划财务科", aliases: p + "计划财务股");
        var county = await admin.OrganisationAsync(p + "县");
        var sibling = await admin.OrganisationAsync(p + "邻县");
        var siblingUnit = await admin.UnitAsync(p + "基础教育股", organisationId: sibling);
        var user = "office" + Guid.NewGuid().ToString("N")[..6];
        await admin.UserAsync(user, "office", organisationId: county);
        var office = await factory.ClientAsync(user);
        var planId = (await office.PostFileAsync($"{p}.txt", Plan(p))).Id();
        var task = ByPath(await TasksAsync(office, planId), "一/2");
        int link;
        using (var scope = factory.Services.CreateScope())
            link = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().TaskUnits
                .Where(u => u.TaskId == task.Id() && u.Name == p + "计划财务股").Select(u => u.Id).SingleAsync();

        var page = await PageClient.SignInAsync(factory, user);
        var url = $"/Plans/{planId}/Review";
        Assert.Contains($"从上级目录新建「{p}计划财务科」", await page.GetHtmlAsync(url));
        var copied = await page.PostFormAsync(url, url + "?handler=CreateUnit", new()
        {
            ["taskUnitId"] = S(link), ["taskId"] = S(task.Id()), ["kind"] = "Department", ["fromUnitId"] = S(cityUnit),
        });
        Assert.Contains($"已新建单位：{p}计划财务科", await copied.Content.ReadAsStringAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var own = await db.Units.SingleAsync(u => u.OrganisationId == county && u.Name == p + "计划财务科");
            Assert.Contains(p + "计划财务股", own.AliasList());
            Assert.Equal(own.Id, await db.TaskUnits.Where(u => u.Id == link).Select(u => u.UnitId).SingleAsync());
            Assert.Equal(p + "计划财务科", await db.Units.Where(u => u.Id == cityUnit).Select(u => u.Name).SingleAsync());
        }

        // A neighbouring county's directory is not "above": nothing is copied from it.
        int other;
        using (var scope = factory.Services.CreateScope())
            other = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().TaskUnits
                .Where(u => u.Task!.PlanId == planId && u.Name == p + "基础教育股").Select(u => u.Id).FirstAsync();
        var refused = await office.PostAsJsonAsync($"/api/v1/task-units/{other}/create-unit", new { kind = "department", fromUnitId = siblingUnit });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using (var scope = factory.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Units.AnyAsync(u => u.OrganisationId == county && u.Name == p + "基础教育股"));
    }

    [Fact]
    public async Task A_unit_is_removed_from_a_task_assigned_in_bulk_and_created_from_a_name_in_place()
    {
        var p = Prefix();
        var admin = await factory.ClientAsync();
        await admin.UnitAsync(p + "基础教育股");
        var planId = (await admin.PostFileAsync($"{p}.txt", Plan(p))).Id();
        var tasks = await TasksAsync(admin, planId);
        var build = ByPath(tasks, "一/1");
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";

        // remove: the supporting unit leaves the task (not only its mapping)
        int supportLink;
        using (var scope = factory.Services.CreateScope())
            supportLink = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().TaskUnits
                .Where(u => u.TaskId == build.Id() && u.Role == UnitRole.Support).Select(u => u.Id).SingleAsync();
        await page.PostFormAsync(url, url + "?handler=RemoveUnit", new() { ["taskUnitId"] = S(supportLink), ["taskId"] = S(build.Id()) });
        Assert.Empty((await TasksAsync(admin, planId)).Single(t => t.Id() == build.Id())["support"]!.AsArray());

        // create a unit from the unmatched name 人事股: it is mapped at once (and every other link with that name)
        int staffLink;
        using (var scope = factory.Services.CreateScope())
            staffLink = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().TaskUnits
                .Where(u => u.TaskId == ByPath(tasks, "二/1").Id()).Select(u => u.Id).SingleAsync();
        var created = await page.PostFormAsync(url, url + "?handler=CreateUnit", new() { ["taskUnitId"] = S(staffLink), ["taskId"] = S(ByPath(tasks, "二/1").Id()), ["kind"] = "Department" });
        Assert.Contains($"已新建单位：{p}人事股", await created.Content.ReadAsStringAsync());
        var staff = await UnitIdAsync(admin, p + "人事股");
        using (var scope = factory.Services.CreateScope())
            Assert.Equal(staff, await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().TaskUnits.Where(u => u.Id == staffLink).Select(u => u.UnitId).SingleAsync());

        // bulk: 人事股 becomes a supporting unit of both tasks of section 一; once more changes nothing
        var ids = new[] { build.Id(), ByPath(tasks, "一/2").Id() };
        var bulk = await admin.PostJsonAsync($"/api/v1/plans/{planId}/assign", new { taskIds = ids, unitId = staff, role = "support" }, HttpStatusCode.OK);
        Assert.Equal(2, bulk["changed"]!.GetValue<int>());
        Assert.Equal(0, (await admin.PostJsonAsync($"/api/v1/plans/{planId}/assign", new { taskIds = ids, unitId = staff, role = "support" }, HttpStatusCode.OK))["changed"]!.GetValue<int>());
        // and on the page, as lead of one of them: the role changes, the unit is still linked once
        var form = new Dictionary<string, string> { ["taskIds"] = S(build.Id()), ["unitId"] = S(staff), ["role"] = "Lead" };
        var assigned = await page.PostFormAsync(url, url + "?handler=Assign", form);
        Assert.Contains($"已为 1 项任务设置牵头单位：{p}人事股", await assigned.Content.ReadAsStringAsync());
        var after = (await TasksAsync(admin, planId)).Single(t => t.Id() == build.Id());
        Assert.Contains(p + "人事股", after["lead"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.DoesNotContain(p + "人事股", after["support"]!.AsArray().Select(x => x!.GetValue<string>()));
        using (var scope = factory.Services.CreateScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().TaskUnits.CountAsync(u => u.TaskId == build.Id() && u.UnitId == staff));
    }

    [Fact]
    public async Task Every_unmapped_name_of_a_plan_becomes_a_unit_in_one_step_and_the_checklist_clears()
    {
        var p = Prefix();
        var admin = await factory.ClientAsync();
        await admin.UnitAsync(p + "基础教育股"); // already a unit: mapped at import, not made again
        var planId = (await admin.PostFileAsync($"{p}.txt", Plan(p))).Id();
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var before = await page.GetHtmlAsync(url);
        Assert.Contains("2 个单位名称未对应", before); // 计划财务股, 人事股
        Assert.Contains("全部新建为单位（2）", before);

        var done = await (await page.PostFormAsync(url, url + "?handler=CreateUnits", new() { ["kind"] = "School" })).Content.ReadAsStringAsync();
        Assert.Contains("已新建 2 个单位：", done);
        Assert.Contains("单位名称都已对应到单位", done);
        Assert.DoesNotContain("全部新建为单位", done);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var made = await db.Units.Where(u => u.Name == p + "计划财务股" || u.Name == p + "人事股").ToListAsync();
            Assert.Equal(2, made.Count);
            Assert.All(made, u => Assert.Equal(UnitKind.School, u.Kind));
            Assert.Equal(1, await db.Units.CountAsync(u => u.Name == p + "基础教育股"));
            Assert.False(await db.TaskUnits.AnyAsync(u => u.Task!.PlanId == planId && u.UnitId == null));
            var ids = made.Select(u => u.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Entity == nameof(Unit) && ids.Contains(a.EntityId) && a.Action == "added"));
        }

        // Nothing left to make: the API says so (problem details), and a reporter may not do it at all.
        var none = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/create-units", new { kind = "department" });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("没有未对应的单位名称", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Creating_every_unmapped_name_through_the_API_answers_the_units_made()
    {
        var p = Prefix();
        var admin = await factory.ClientAsync();
        var planId = (await admin.PostFileAsync($"{p}.txt", Plan(p))).Id();
        var answer = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/create-units", new { kind = "external" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var units = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(new[] { p + "人事股", p + "基础教育股", p + "计划财务股" }, units.Select(u => u!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(units, u => Assert.Equal("External", u!["kind"]!.GetValue<string>()));
        var checklist = await admin.GetFromJsonAsync<JsonNode>($"/api/v1/plans/{planId}/checklist");
        Assert.Empty(checklist!["unmapped"]!.AsArray());
    }

    // ---- structure ----

    [Fact]
    public async Task Tasks_and_whole_sections_are_added_and_deleted_and_the_numbering_follows()
    {
        var (admin, planId, tasks) = await ImportAsync(Prefix(), units: false);
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var added = await page.PostFormAsync(url, url + "?handler=AddTask", new() { ["heading"] = "全面加强学校安全工作", ["deadline"] = "" });
        Assert.Contains("已添加：三、全面加强学校安全工作", await added.Content.ReadAsStringAsync());
        var section = ByPath(await TasksAsync(admin, planId), "三");
        var child = await admin.PostJsonAsync($"/api/v1/plans/{planId}/tasks", new { parentId = section.Id(), heading = "开展安全检查4次", deadline = "9月底前" });
        Assert.Equal("三/(一)", child["path"]!.GetValue<string>());
        Assert.Equal($"{DateTime.UtcNow.Year}-09-30", child["dueDate"]!.GetValue<string>());
        var second = await admin.PostJsonAsync($"/api/v1/plans/{planId}/tasks", new { parentId = ByPath(tasks, "一").Id(), heading = "扩大普惠资源" });
        Assert.Equal("一/3", second["path"]!.GetValue<string>());
        // a new task is refused like an edit: an empty heading, next to its field
        var empty = await page.PostFormAsync(url, url + "?handler=AddTask", new() { ["parentId"] = S(section.Id()), ["heading"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("data-field=\"heading\">标题不能为空</span>", await empty.Content.ReadAsStringAsync());

        // deleting section 一 removes it with its three tasks; 二 and 三 keep their labels, the plan counts 4
        var deleted = await page.PostFormAsync(url, url + "?handler=DeleteTask", new() { ["taskId"] = S(ByPath(tasks, "一").Id()) });
        Assert.Contains("已删除：一", await deleted.Content.ReadAsStringAsync());
        var now = await TasksAsync(admin, planId);
        Assert.Equal(new[] { "二", "二/1", "三", "三/(一)" }, now.Select(t => t["path"]!.GetValue<string>()));
        Assert.Equal(4, (await admin.GetJsonAsync("/api/v1/plans")).AsArray().Single(x => x!.Id() == planId)!["taskCount"]!.GetValue<int>());
        // every removal is audited
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var removed = ByPath(tasks, "一/1").Id().ToString(CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "PlanTask" && a.EntityId == removed && a.Action == "deleted"));
    }

    // ---- plan details, 归档, 撤回发布 ----

    [Fact]
    public async Task The_plan_details_are_edited_with_field_messages()
    {
        var (admin, planId, _) = await ImportAsync(Prefix(), units: false);
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{planId}/Review";
        var bad = await page.PostFormAsync(url, url + "?handler=Details", new() { ["title"] = "", ["issuer"] = "某县教育局", ["year"] = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"year\">年份应为四位数字，如 2026</span>", html);
        var ok = await page.PostFormAsync(url, url + "?handler=Details", new() { ["title"] = "某县教育局2027年工作要点", ["issuer"] = "某县教育局", ["year"] = "2027" });
        Assert.Contains("已保存计划信息", await ok.Content.ReadAsStringAsync());
        var plan = (await admin.GetJsonAsync("/api/v1/plans")).AsArray().Single(x => x!.Id() == planId)!;
        Assert.Equal("某县教育局2027年工作要点", plan["title"]!.GetValue<string>());
        Assert.Equal(2027, plan["year"]!.GetValue<int>());
        // due dates follow the year
        Assert.Equal("2027-06-30", ByPath(await TasksAsync(admin, planId), "二/1")["dueDate"]!.GetValue<string>());
        var problem = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{planId}", new { title = " ", year = 2027 }), HttpStatusCode.BadRequest);
        Assert.Equal("标题不能为空", problem["errors"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_published_plan_is_archived_out_of_the_lists_and_an_admin_withdraws_it_while_nobody_reported()
    {
        var p = Prefix();
        var (admin, planId, tasks) = await ImportAsync(p);
        var officeName = "office" + Guid.NewGuid().ToString("N")[..6];
        await admin.UserAsync(officeName, "office");
        var office = await factory.ClientAsync(officeName);
        // a draft is neither archived nor withdrawn
        Assert.Equal("只有已发布的计划可以归档", (await ProblemAsync(await office.PostAsJsonAsync($"/api/v1/plans/{planId}/archive", new { }), HttpStatusCode.Conflict))["title"]!.GetValue<string>());
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);

        // 撤回发布: admin only; back to draft; published again
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/v1/plans/{planId}/withdraw", new { })).StatusCode);
        Assert.Equal("draft", (await admin.PostJsonAsync($"/api/v1/plans/{planId}/withdraw", new { }, HttpStatusCode.OK))["status"]!.GetValue<string>());
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        // once a unit has reported, it stays published
        await admin.PostJsonAsync($"/api/v1/tasks/{ByPath(tasks, "一/1").Id()}/reports", new { period = Period, progress = 30, text = "已完成选址" });
        Assert.Equal("该计划已有填报，不能撤回发布", (await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/withdraw", new { }), HttpStatusCode.Conflict))["title"]!.GetValue<string>());

        // 归档 by the office: out of the everyday lists, shown by the filter, still readable
        var archived = await office.PostJsonAsync($"/api/v1/plans/{planId}/archive", new { }, HttpStatusCode.OK);
        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.DoesNotContain((await office.GetJsonAsync("/api/v1/plans")).AsArray(), x => x!.Id() == planId);
        Assert.Contains((await office.GetJsonAsync("/api/v1/plans?archived=true")).AsArray(), x => x!.Id() == planId);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/v1/plans/{planId}/tasks")).StatusCode);
        var page = await PageClient.SignInAsync(factory);
        Assert.DoesNotContain($"/Plans/{planId}/Ledger", await page.GetHtmlAsync("/Plans"));
        Assert.Contains($"/Plans/{planId}/Ledger", await page.GetHtmlAsync("/Plans?Archived=true"));
        var back = await page.PostFormAsync("/Plans?Archived=true", $"/Plans?handler=Unarchive&id={planId}", new());
        Assert.Contains($"/Plans/{planId}/Ledger", await back.Content.ReadAsStringAsync());

        // audited: who archived and who withdrew
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var id = planId.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.Where(a => a.Entity == "Plan" && a.EntityId == id).ToListAsync();
        Assert.Contains(entries, a => (a.Before + a.After).Contains("ArchivedAt"));
        Assert.Contains(entries, a => (a.Before ?? "").Contains("Published") && (a.After ?? "").Contains("Draft"));
    }

    // ---- import limits, on the page ----

    [Fact]
    public async Task The_import_page_refuses_a_file_over_the_size_limit_and_a_document_over_the_item_limit_with_a_clear_message()
    {
        var page = await PageClient.SignInAsync(factory);
        var big = new byte[3_100_000];
        Array.Fill(big, (byte)'a');
        var res = await page.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "big.txt", big)]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, res.StatusCode);
        Assert.Contains("文件过大（上限 2.9 MB）", await res.Content.ReadAsStringAsync());

        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("PlanLedger:MaxImportItems", "3"));
        var client = new PageClient(limited.CreateClient(new() { AllowAutoRedirect = true, HandleCookies = true }));
        await client.PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = "admin", ["Password"] = LedgerFactory.AdminPassword });
        var many = await client.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "many.txt", Plan(Prefix()))]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, many.StatusCode);
        Assert.Contains("条目过多", await many.Content.ReadAsStringAsync());
    }

    // ---- the ledger reads like an office's 台账 ----

    [Fact]
    public async Task The_ledger_shows_office_labels_section_rows_the_latest_progress_and_no_empty_labels()
    {
        var p = Prefix();
        var (admin, planId, tasks) = await ImportAsync(p);
        await admin.PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);
        var page = await PageClient.SignInAsync(factory);
        Assert.Contains("暂无数据", await page.GetHtmlAsync($"/Plans/{planId}/Dashboard"));
        var longText = "已完成三处幼儿园的选址和立项，其中城关幼儿园主体完工，" + new string('进', 60) + "预计年底前投入使用";
        await admin.PostJsonAsync($"/api/v1/tasks/{ByPath(tasks, "一/1").Id()}/reports", new { period = Period, progress = 30, text = longText });

        var html = await page.GetHtmlAsync($"/Plans/{planId}/Ledger");
        Assert.Contains(">一、</td>", html);
        Assert.Contains(">1.</td>", html);
        Assert.DoesNotContain(">一/1</td>", html);
        Assert.Contains("class=\"section-row\"", html);
        Assert.Contains("<th>进展情况</th>", html);
        Assert.Contains(longText[..40] + "…", html);
        Assert.Contains("title=\"" + longText + "\"", html);

        // a task without a deadline: no "完成时限：" with nothing after it
        var detail = await page.GetHtmlAsync($"/Tasks/{ByPath(tasks, "一/2").Id()}");
        Assert.DoesNotContain("完成时限：", detail);
        Assert.Contains("未定完成时限", detail);
    }
}

public sealed class ReviewToolsSqliteTests(SqliteLedgerFactory f) : ReviewToolsTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class ReviewToolsPostgresTests(PostgresLedgerFactory f) : ReviewToolsTests(f), IClassFixture<PostgresLedgerFactory>;
