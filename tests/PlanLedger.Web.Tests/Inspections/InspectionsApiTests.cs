using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Inspections;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Inspections;

/// <summary>
/// 督导 end to end through the API on SQLite and PostgreSQL: the stored, repeatable draw; every cell of the finding state
/// machine; who may do what; overdue findings on the injectable clock; the bulletin.
/// </summary>
public abstract class InspectionsApiTests(LedgerFactory factory)
{
    /// <summary>Organisation A (units A–E, an office, two inspectors, reporters of A, B and E, a leader, a viewer) and a sibling B.</summary>
    private sealed record World(string N, int OrgA, int[] Units, int[] Inspectors, int TaskA, int PlanId,
        Dictionary<string, string> Users, Dictionary<string, int> Ids)
    {
        public int UnitA => Units[0];
        public int UnitB => Units[1];
    }

    private async Task<World> WorldAsync()
    {
        var root = await factory.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var orgA = await root.OrganisationAsync($"甲县教育局{n}");
        var orgB = await root.OrganisationAsync($"乙县教育局{n}");
        var units = new List<int>();
        foreach (var name in new[] { "第一中学", "第二中学", "实验小学", "城关幼儿园", "职业中学" })
            units.Add(await root.UnitAsync($"{name}{n}", organisationId: orgA));
        var users = new Dictionary<string, string>
        {
            ["office"] = $"office{n}", ["insp1"] = $"insp1{n}", ["insp2"] = $"insp2{n}", ["repA"] = $"repA{n}", ["repB"] = $"repB{n}",
            ["repE"] = $"repE{n}", ["leader"] = $"lead{n}", ["viewer"] = $"view{n}", ["sibling"] = $"sib{n}",
        };
        await root.UserAsync(users["office"], "office", organisationId: orgA);
        await root.UserAsync(users["insp1"], "viewer", organisationId: orgA);
        await root.UserAsync(users["insp2"], "viewer", organisationId: orgA);
        await root.UserAsync(users["repA"], "reporter", units[0], orgA);
        await root.UserAsync(users["repB"], "reporter", units[1], orgA);
        await root.UserAsync(users["repE"], "reporter", units[4], orgA);
        await root.UserAsync(users["leader"], "leader", organisationId: orgA);
        await root.UserAsync(users["viewer"], "viewer", organisationId: orgA);
        await root.UserAsync(users["sibling"], "office", organisationId: orgB);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var names = users.Values.ToList();
        var ids = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var office = await factory.ClientAsync(users["office"]);
        var plan = (await office.PostFileAsync("a.txt", SyntheticPlan.Unique())).Id();
        var task = (await office.GetJsonAsync($"/api/v1/plans/{plan}/tasks")).AsArray()[^1]!.Id();
        await office.PostJsonAsync($"/api/v1/plans/{plan}/publish", new { }, HttpStatusCode.OK);
        db.TaskUnits.Add(new TaskUnit { TaskId = task, UnitId = units[0], Name = "第一中学" });
        await db.SaveChangesAsync();
        return new World(n, orgA, [.. units], [ids[users["insp1"]], ids[users["insp2"]]], task, plan,
            users, users.ToDictionary(u => u.Key, u => ids[u.Value]));
    }

    private Task<HttpClient> As(World w, string who) => factory.ClientAsync(w.Users[who]);

    private static string Today(int days = 0) => DateTime.UtcNow.Date.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A drawn round visiting units A and B, both inspectors on each visit.</summary>
    private async Task<int> DrawnRoundAsync(World w, string seed = "1")
    {
        var office = await As(w, "office");
        var round = await office.PostJsonAsync("/api/v1/inspections", new
        {
            title = $"春季督导{w.N}", visits = 2, inspectorsPerVisit = 2, unitIds = new[] { w.UnitA, w.UnitB }, inspectorIds = w.Inspectors,
        });
        await office.PostJsonAsync($"/api/v1/inspections/{round.Id()}/draw", new { seed }, HttpStatusCode.OK);
        return round.Id();
    }

    private async Task<int> FindingAsync(World w, int round, string description = "安全台账不全", int days = 30, string who = "insp1") =>
        (await (await As(w, who)).PostJsonAsync($"/api/v1/inspections/{round}/findings", new
        {
            unitId = w.UnitA, severity = "major", description, requirement = "补齐台账并建立检查制度", deadline = Today(days), taskIds = new[] { w.TaskA },
        })).Id();

    [Fact]
    public async Task The_same_seed_gives_the_same_draw_which_is_stored_once_and_audited()
    {
        var w = await WorldAsync();
        var office = await As(w, "office");
        var body = new { title = "学校安全随机督导", visits = 3, inspectorsPerVisit = 1, unitIds = w.Units, inspectorIds = w.Inspectors };
        var one = (await office.PostJsonAsync("/api/v1/inspections", body)).Id();
        var two = (await office.PostJsonAsync("/api/v1/inspections", body)).Id();
        Assert.Equal("planned", (await office.GetJsonAsync($"/api/v1/inspections/{one}"))["status"]!.GetValue<string>());

        var a = await office.PostJsonAsync($"/api/v1/inspections/{one}/draw", new { seed = "00000000000abcde" }, HttpStatusCode.OK);
        var b = await office.PostJsonAsync($"/api/v1/inspections/{two}/draw", new { seed = "abcde" }, HttpStatusCode.OK);
        static List<(int, string)> Draw(JsonNode r) => r["draw"]!.AsArray()
            .Select(v => (v!["unitId"]!.GetValue<int>(), string.Join(",", v["inspectors"]!.AsArray().Select(i => i!["userId"]!.GetValue<int>())))).ToList();
        Assert.Equal("00000000000abcde", a["seed"]!.GetValue<string>());
        Assert.Equal(Draw(a), Draw(b));
        var expected = RandomDraw.Draw(0xabcde, w.Units, 3, w.Inspectors.Select(i => new InspectorCandidate(i, null)), 1);
        Assert.Equal(expected.Select(v => (v.UnitId, string.Join(",", v.InspectorIds))), Draw(a));
        Assert.Equal("drawn", a["status"]!.GetValue<string>());

        var verify = await office.GetJsonAsync($"/api/v1/inspections/{one}/verify");
        Assert.True(verify["matches"]!.GetValue<bool>());
        var leaderVerify = await (await As(w, "leader")).GetJsonAsync($"/api/v1/inspections/{one}/verify?seed=abcdf");
        Assert.False(leaderVerify["matches"]!.GetValue<bool>());

        // Stored draws cannot be changed: a second draw and an edit are refused, and nothing moved.
        var again = await office.PostAsJsonAsync($"/api/v1/inspections/{one}/draw", new { seed = "1" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已抽取", await again.ProblemTitle());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PutAsJsonAsync($"/api/v1/inspections/{one}", body with { visits = 4 })).StatusCode);
        Assert.Equal(Draw(a), Draw(await office.GetJsonAsync($"/api/v1/inspections/{one}")));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Entity == nameof(InspectionRound) && e.EntityId == one.ToString()).ToListAsync();
        Assert.Contains(audit, e => e.Action == "modified" && e.After!.Contains("00000000000abcde"));
        Assert.Equal(["draw", "edit"], audit.Where(e => e.Action == "refused").OrderBy(e => e.Id)
            .Select(e => System.Text.Json.JsonDocument.Parse(e.After!).RootElement.GetProperty("attempt").GetString()));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Entity == nameof(InspectionVisit) && e.Action == "added"
            && db.InspectionVisits.Any(v => v.RoundId == one && v.Id.ToString() == e.EntityId)));
    }

    [Fact]
    public async Task Units_visited_in_the_last_rounds_are_avoided_when_asked_and_bad_rounds_are_refused()
    {
        var w = await WorldAsync();
        var office = await As(w, "office");
        var first = (await office.PostJsonAsync("/api/v1/inspections", new { title = "第一轮", visits = 2, inspectorsPerVisit = 1, unitIds = w.Units, inspectorIds = w.Inspectors })).Id();
        var drawn1 = (await office.PostJsonAsync($"/api/v1/inspections/{first}/draw", new { seed = "7" }, HttpStatusCode.OK))["draw"]!.AsArray()
            .Select(v => v!["unitId"]!.GetValue<int>()).ToList();
        var second = (await office.PostJsonAsync("/api/v1/inspections", new { title = "第二轮", visits = 3, inspectorsPerVisit = 1, avoidRecentRounds = 1, unitIds = w.Units, inspectorIds = w.Inspectors })).Id();
        var round2 = await office.PostJsonAsync($"/api/v1/inspections/{second}/draw", new { }, HttpStatusCode.OK);
        var drawn2 = round2["draw"]!.AsArray().Select(v => v!["unitId"]!.GetValue<int>()).ToList();
        Assert.Equal(3, drawn2.Count);
        Assert.Empty(drawn1.Intersect(drawn2));
        Assert.Equal(drawn1.Order(), round2["scope"]!.AsArray().Where(s => s!["excludedAsRecent"]!.GetValue<bool>()).Select(s => s!["unitId"]!.GetValue<int>()).Order());
        Assert.Matches("^[0-9a-f]{16}$", round2["seed"]!.GetValue<string>());
        Assert.True((await office.GetJsonAsync($"/api/v1/inspections/{second}/verify"))["matches"]!.GetValue<bool>());

        var post = (object body) => office.PostAsJsonAsync("/api/v1/inspections", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await post(new { title = "", visits = 1, unitIds = w.Units, inspectorIds = w.Inspectors })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await post(new { title = "x", visits = 9, unitIds = w.Units, inspectorIds = w.Inspectors })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await post(new { title = "x", visits = 1, inspectorsPerVisit = 3, unitIds = w.Units, inspectorIds = w.Inspectors })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await post(new { title = "x", visits = 1, unitIds = new[] { 999999 }, inspectorIds = w.Inspectors })).StatusCode);
        // an inspector from another organisation
        Assert.Equal(HttpStatusCode.BadRequest, (await post(new { title = "x", visits = 1, unitIds = w.Units, inspectorIds = new[] { w.Ids["sibling"] } })).StatusCode);
        var planned = (await office.PostJsonAsync("/api/v1/inspections", new { title = "x", visits = 1, inspectorsPerVisit = 1, unitIds = w.Units, inspectorIds = w.Inspectors })).Id();
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/inspections/{planned}/draw", new { seed = "xyz" })).StatusCode);
        var edited = await (await office.PutAsJsonAsync($"/api/v1/inspections/{planned}", new { title = "改名", visits = 2, inspectorsPerVisit = 1, unitIds = w.Units, inspectorIds = w.Inspectors })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("改名", edited["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/inspections/{planned}/findings",
            new { unitId = w.UnitA, severity = "minor", description = "x", requirement = "y", deadline = Today(5) })).StatusCode);
    }

    [Fact]
    public async Task Every_cell_of_the_finding_state_machine()
    {
        var w = await WorldAsync();
        var round = await DrawnRoundAsync(w);
        var id = await FindingAsync(w, round);
        var office = await As(w, "office");
        var unit = await As(w, "repA");
        string Status(JsonNode f) => f["status"]!.GetValue<string>();
        async Task<HttpStatusCode> Step(HttpClient who, string step) => step switch
        {
            "rectify" => (await who.PostAsJsonAsync($"/api/v1/findings/{id}/rectify", new { text = "已整改" })).StatusCode,
            "close" => (await who.PostAsJsonAsync($"/api/v1/findings/{id}/close", new { comment = "复查通过" })).StatusCode,
            _ => (await who.PostAsJsonAsync($"/api/v1/findings/{id}/reopen", new { reason = "整改不到位" })).StatusCode,
        };
        async Task Refused(HttpClient who, string step, string state)
        {
            Assert.Equal(HttpStatusCode.Conflict, await Step(who, step));
            Assert.Equal(state, Status(await office.GetJsonAsync($"/api/v1/findings/{id}")));
        }

        Assert.Equal("open", Status(await office.GetJsonAsync($"/api/v1/findings/{id}")));
        await Refused(office, "close", "open");
        await Refused(office, "reopen", "open");
        Assert.Equal(HttpStatusCode.OK, await Step(unit, "rectify"));                  // 待整改 → 已整改
        await Refused(unit, "rectify", "rectified");
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/findings/{id}/reopen", new { reason = "x", deadline = Today(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/findings/{id}/close", new { comment = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Step(office, "reopen"));                 // 已整改 → 重新整改
        await Refused(office, "close", "reopened");
        await Refused(office, "reopen", "reopened");
        Assert.Equal(HttpStatusCode.OK, await Step(unit, "rectify"));                  // 重新整改 → 已整改
        Assert.Equal(HttpStatusCode.OK, await Step(office, "close"));                  // 已整改 → 已销号
        await Refused(unit, "rectify", "closed");
        await Refused(office, "close", "closed");
        var back = await office.PostJsonAsync($"/api/v1/findings/{id}/reopen", new { reason = "回头看发现反弹", deadline = Today(10) }, HttpStatusCode.OK);
        Assert.Equal("reopened", Status(back));                                        // 已销号 → 重新整改 (回头看)
        Assert.Equal(Today(10), back["deadline"]!.GetValue<string>());
        Assert.Equal(["recorded", "rectified", "reopened", "rectified", "closed", "reopened"],
            back["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));

        // Missing text is a 400, not a state change.
        Assert.Equal(HttpStatusCode.BadRequest, (await unit.PostAsJsonAsync($"/api/v1/findings/{id}/rectify", new { text = " " })).StatusCode);

        // Evidence with the rectification (type-checked like report evidence), downloadable by readers.
        using var form = new MultipartFormDataContent { { new StringContent("已建立台账"), "text" }, { new ByteArrayContent("%PDF-1.7 整改"u8.ToArray()), "file", "整改照片.pdf" } };
        var withFile = await (await unit.PostAsync($"/api/v1/findings/{id}/rectify", form)).JsonAsync(HttpStatusCode.OK);
        var evidence = withFile["events"]!.AsArray()[^1]!["evidence"]!.AsArray().Single()!.Id();
        Assert.Equal("%PDF-1.7 整改", await (await As(w, "leader")).GetStringAsync($"/api/v1/findings/evidence/{evidence}"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(w, "repB")).GetAsync($"/api/v1/findings/evidence/{evidence}")).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var notes = await db.Notifications.AsNoTracking().Where(x => x.UnitId == w.UnitA).ToListAsync();
        Assert.Single(notes, x => x.Kind == NotificationKind.FindingNew && x.Link == $"/Inspections/Findings/{id}");
        Assert.Equal(2, notes.Count(x => x.Kind == NotificationKind.FindingReopened));
        Assert.True(await db.AuditEntries.CountAsync(e => e.Entity == nameof(FindingEvent)) >= 7);
    }

    [Fact]
    public async Task Each_role_sees_and_does_only_its_part()
    {
        var w = await WorldAsync();
        var round = await DrawnRoundAsync(w);
        var id = await FindingAsync(w, round);               // recorded by a drawn inspector (a viewer account)
        async Task<HttpStatusCode> Get(string who, string url) => (await (await As(w, who)).GetAsync(url)).StatusCode;
        async Task<HttpStatusCode> Post(string who, string url, object body) => (await (await As(w, who)).PostAsJsonAsync(url, body)).StatusCode;
        var finding = new { unitId = w.UnitB, severity = "minor", description = "x", requirement = "y", deadline = Today(5) };

        // Reading the round: office, leader, viewer, inspectors — not unit reporters; the sibling organisation: 404.
        foreach (var who in new[] { "office", "leader", "viewer", "insp2" }) Assert.Equal(HttpStatusCode.OK, await Get(who, $"/api/v1/inspections/{round}"));
        Assert.Equal(HttpStatusCode.Forbidden, await Get("repA", $"/api/v1/inspections/{round}"));
        Assert.Equal(HttpStatusCode.NotFound, await Get("sibling", $"/api/v1/inspections/{round}"));
        Assert.DoesNotContain((await (await As(w, "sibling")).GetJsonAsync("/api/v1/inspections")).AsArray(), r => r!.Id() == round);

        // Recording: drawn inspectors and the office; not a leader, a viewer who is not drawn, a reporter, the sibling.
        Assert.Equal(HttpStatusCode.Created, await Post("insp2", $"/api/v1/inspections/{round}/findings", finding));
        Assert.Equal(HttpStatusCode.Created, await Post("office", $"/api/v1/inspections/{round}/findings", finding));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("leader", $"/api/v1/inspections/{round}/findings", finding));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("viewer", $"/api/v1/inspections/{round}/findings", finding));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("repA", $"/api/v1/inspections/{round}/findings", finding));
        Assert.Equal(HttpStatusCode.NotFound, await Post("sibling", $"/api/v1/inspections/{round}/findings", finding));
        Assert.Equal(HttpStatusCode.BadRequest, await Post("office", $"/api/v1/inspections/{round}/findings", finding with { unitId = w.Units[4] }));

        // Managing: the office only.
        foreach (var who in new[] { "leader", "viewer", "insp1", "repA" })
            Assert.Equal(HttpStatusCode.Forbidden, await Post(who, $"/api/v1/inspections/{round}/bulletin", new { }));
        Assert.Equal(HttpStatusCode.NotFound, await Post("sibling", $"/api/v1/inspections/{round}/bulletin", new { }));

        // A finding: its unit reads and rectifies it; another unit never learns it exists; leaders read; the sibling: 404.
        foreach (var who in new[] { "office", "leader", "viewer", "insp1", "repA" }) Assert.Equal(HttpStatusCode.OK, await Get(who, $"/api/v1/findings/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, await Get("repB", $"/api/v1/findings/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, await Get("sibling", $"/api/v1/findings/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, await Post("repB", $"/api/v1/findings/{id}/rectify", new { text = "x" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post("sibling", $"/api/v1/findings/{id}/rectify", new { text = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("leader", $"/api/v1/findings/{id}/rectify", new { text = "x" }));
        Assert.Equal(HttpStatusCode.OK, await Post("repA", $"/api/v1/findings/{id}/rectify", new { text = "已整改" }));
        foreach (var who in new[] { "leader", "viewer", "insp1", "repA" })
            Assert.Equal(HttpStatusCode.Forbidden, await Post(who, $"/api/v1/findings/{id}/close", new { comment = "x" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post("sibling", $"/api/v1/findings/{id}/close", new { comment = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("leader", $"/api/v1/findings/{id}/reopen", new { reason = "x" }));
        Assert.Equal(HttpStatusCode.OK, await Post("office", $"/api/v1/findings/{id}/close", new { comment = "复查通过" }));

        // Lists: a reporter sees its own unit's findings only; the sibling none.
        var mine = (await (await As(w, "repA")).GetJsonAsync("/api/v1/findings")).AsArray();
        Assert.NotEmpty(mine);
        Assert.All(mine, f => Assert.Equal(w.UnitA, f!["unitId"]!.GetValue<int>()));
        var theirs = (await (await As(w, "repB")).GetJsonAsync("/api/v1/findings")).AsArray();
        Assert.Equal(2, theirs.Count);
        Assert.All(theirs, f => Assert.Equal(w.UnitB, f!["unitId"]!.GetValue<int>()));
        Assert.Empty((await (await As(w, "sibling")).GetJsonAsync("/api/v1/findings")).AsArray());
        Assert.Equal(3, (await (await As(w, "leader")).GetJsonAsync($"/api/v1/findings?round={round}")).AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, await Get("leader", "/api/v1/findings?status=bogus"));
    }

    [Fact]
    public async Task Findings_past_their_deadline_turn_red_on_the_test_clock_and_feed_the_dashboard()
    {
        var w = await WorldAsync();
        var round = await DrawnRoundAsync(w);
        var id = await FindingAsync(w, round, days: 3);
        await FindingAsync(w, round, "第二个问题", days: 60);
        var office = await As(w, "office");
        Assert.False((await office.GetJsonAsync($"/api/v1/findings/{id}"))["overdue"]!.GetValue<bool>());
        Assert.Equal(0, (await office.GetJsonAsync("/api/v1/findings/counts"))["overdue"]!.GetValue<int>());

        var later = new FixedClock(DateTimeOffset.UtcNow.AddDays(10));
        using var future = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(later)));
        var page = new PageClient(future.CreateClient(new() { AllowAutoRedirect = true, HandleCookies = true }));
        await page.PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = w.Users["office"], ["Password"] = TestApi.Password });
        var list = await page.GetHtmlAsync("/Inspections/Findings?overdue=true");
        Assert.Contains($"class=\"finding overdue\" data-finding=\"{id}\"", list);
        Assert.Contains("id=\"overdue-findings\">1<", list);
        Assert.Contains("id=\"open-findings\">2<", list);
        var dashboard = await page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard");
        Assert.Contains("id=\"open-findings\">2<", dashboard);
        Assert.Contains("id=\"overdue-findings\" class=\"error\">1<", dashboard);
        // A rectified finding is no longer red, even past its deadline.
        await (await As(w, "repA")).PostJsonAsync($"/api/v1/findings/{id}/rectify", new { text = "已整改" }, HttpStatusCode.OK);
        Assert.Contains("id=\"overdue-findings\">0<", await page.GetHtmlAsync("/Inspections/Findings"));
    }

    [Fact]
    public async Task The_bulletin_lists_every_finding_encoded_is_edited_then_published_once()
    {
        var w = await WorldAsync();
        var round = await DrawnRoundAsync(w);
        await FindingAsync(w, round, "消防通道<script>alert('x')</script>堵塞");
        await FindingAsync(w, round, "食堂留样记录缺失", who: "office");
        var office = await As(w, "office");
        var draft = await office.PostJsonAsync($"/api/v1/inspections/{round}/bulletin", new { });
        Assert.False(draft["published"]!.GetValue<bool>());
        var text = draft["findings"]!.GetValue<string>();
        Assert.Contains("消防通道<script>alert('x')</script>堵塞", text);
        Assert.Contains("食堂留样记录缺失", text);
        Assert.Contains("共发现问题 2 个", draft["overview"]!.GetValue<string>());
        Assert.Contains("第二中学", draft["goodPractice"]!.GetValue<string>());   // visited, nothing found
        Assert.Equal(2, draft["findingList"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/inspections/{round}/bulletin", new { })).StatusCode);

        // Drafts are the office's; units and leaders do not see them.
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(w, "leader")).GetAsync($"/api/v1/inspections/{round}/bulletin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(w, "repA")).GetAsync($"/api/v1/inspections/{round}/bulletin")).StatusCode);

        var edited = await (await office.PutAsJsonAsync($"/api/v1/inspections/{round}/bulletin", new
        {
            title = "关于春季学校安全督导情况的通报", overview = draft["overview"]!.GetValue<string>(), goodPractice = "第二中学安全管理制度健全。",
            findings = text, requirements = draft["requirements"]!.GetValue<string>(),
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("关于春季学校安全督导情况的通报", edited["title"]!.GetValue<string>());

        var page = await PageClient.SignInAsync(factory, w.Users["office"], TestApi.Password);
        var print = await page.GetHtmlAsync($"/Inspections/{round}/Bulletin/Print");
        Assert.Contains("消防通道&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;堵塞", print);
        Assert.DoesNotContain("<script>alert", print);
        Assert.Contains("草稿（未印发）", print);
        Assert.Contains("@media print", await page.Http.GetStringAsync("/css/inspections.css"));

        var published = await office.PostJsonAsync($"/api/v1/inspections/{round}/bulletin/publish", new { }, HttpStatusCode.OK);
        Assert.True(published["published"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/inspections/{round}/bulletin/publish", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PutAsJsonAsync($"/api/v1/inspections/{round}/bulletin", new { title = "改" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/inspections/{round}/bulletin?regenerate=true", new { })).StatusCode);
        Assert.Equal("reported", (await office.GetJsonAsync($"/api/v1/inspections/{round}"))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/inspections/{round}/findings",
            new { unitId = w.UnitA, severity = "minor", description = "通报后", requirement = "y", deadline = Today(5) })).StatusCode);

        // Published to the visited units (and readable by leaders); a unit not visited does not see it; the sibling neither.
        Assert.Equal(HttpStatusCode.OK, (await (await As(w, "repA")).GetAsync($"/api/v1/inspections/{round}/bulletin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await As(w, "leader")).GetAsync($"/api/v1/inspections/{round}/bulletin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(w, "repE")).GetAsync($"/api/v1/inspections/{round}/bulletin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(w, "sibling")).GetAsync($"/api/v1/inspections/{round}/bulletin")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            foreach (var unit in new[] { w.UnitA, w.UnitB })
                Assert.Single(await db.Notifications.Where(n => n.UnitId == unit && n.Kind == NotificationKind.BulletinPublished).ToListAsync());
        }
        var unitPage = await PageClient.SignInAsync(factory, w.Users["repA"], TestApi.Password);
        Assert.Contains($"href=\"/Inspections/{round}/Bulletin\"", await unitPage.GetHtmlAsync("/"));
        // Reading it marks the notice read.
        Assert.Contains("第二中学安全管理制度健全", await unitPage.GetHtmlAsync($"/Inspections/{round}/Bulletin"));
        Assert.DoesNotContain($"href=\"/Inspections/{round}/Bulletin\"", await unitPage.GetHtmlAsync("/"));

        // The 问题清单 as .xlsx, for the office and for a visited unit once published.
        var xlsx = await (await As(w, "repA")).GetByteArrayAsync($"/api/v1/inspections/{round}/findings.xlsx");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("食堂留样记录缺失", xml);
        Assert.Contains("整改期限", xml);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(w, "sibling")).GetAsync($"/api/v1/inspections/{round}/findings.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Two_decisions_on_the_same_finding_at_once_the_second_is_refused()
    {
        var w = await WorldAsync();
        var round = await DrawnRoundAsync(w);
        var id = await FindingAsync(w, round);
        await (await As(w, "repA")).PostJsonAsync($"/api/v1/findings/{id}/rectify", new { text = "已整改" }, HttpStatusCode.OK);
        using var s1 = factory.Services.CreateScope();
        using var s2 = factory.Services.CreateScope();
        var db1 = s1.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var db2 = s2.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var a = await db1.Findings.Include(f => f.Events).SingleAsync(f => f.Id == id);
        var b = await db2.Findings.Include(f => f.Events).SingleAsync(f => f.Id == id);
        var now = DateTimeOffset.UtcNow;
        Assert.Null(a.Close("复查通过", "甲", now));
        Assert.Null(b.Reopen("整改不到位", null, DateOnly.FromDateTime(now.UtcDateTime), "乙", now));
        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal("closed", (await (await As(w, "office")).GetJsonAsync($"/api/v1/findings/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_pages_speak_english_when_asked()
    {
        var w = await WorldAsync();
        var round = await DrawnRoundAsync(w);
        var office = await PageClient.SignInAsync(factory, w.Users["office"], TestApi.Password);
        var html = await office.GetHtmlAsync($"/Inspections/{round}?culture=en&ui-culture=en");
        Assert.Contains("Random draw", html);
        Assert.Contains("Record a finding", html);
        Assert.Contains("Drawn", html);
    }

    [Fact]
    public async Task The_routes_are_described_in_the_openapi_document()
    {
        var doc = await (await factory.ClientAsync()).GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/v1/inspections", "/api/v1/inspections/{id}", "/api/v1/inspections/{id}/draw",
                     "/api/v1/inspections/{id}/verify", "/api/v1/inspections/{id}/findings", "/api/v1/inspections/{id}/findings.xlsx",
                     "/api/v1/inspections/{id}/bulletin", "/api/v1/inspections/{id}/bulletin/publish", "/api/v1/findings",
                     "/api/v1/findings/counts", "/api/v1/findings/{id}", "/api/v1/findings/{id}/rectify", "/api/v1/findings/{id}/close",
                     "/api/v1/findings/{id}/reopen", "/api/v1/findings/evidence/{id}" })
            Assert.Contains($"\"{route}\"", doc);
    }

    [Fact]
    public async Task A_whole_round_through_the_pages()
    {
        var w = await WorldAsync();
        var office = await PageClient.SignInAsync(factory, w.Users["office"], TestApi.Password);
        var form = await office.GetHtmlAsync("/Inspections");
        Assert.Contains("新建督导", form);
        var created = await office.PostFormAsync("/Inspections", "/Inspections", new()
        {
            ["title"] = $"页面督导{w.N}", ["visits"] = "1", ["inspectorsPerVisit"] = "1", ["avoidRecentRounds"] = "0",
            ["unitIds"] = w.UnitA.ToString(), ["inspectorIds"] = w.Inspectors[0].ToString(),
        });
        var roundUrl = created.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/Inspections/\d+$", roundUrl);
        var edit = new Dictionary<string, string>
        {
            ["title"] = $"页面督导（改）{w.N}", ["visits"] = "1", ["inspectorsPerVisit"] = "1", ["avoidRecentRounds"] = "0",
            ["unitIds"] = w.UnitA.ToString(), ["inspectorIds"] = w.Inspectors[0].ToString(),
        };
        Assert.Contains($"页面督导（改）{w.N}", await (await office.PostFormAsync(roundUrl, roundUrl + "?handler=Edit", edit)).Content.ReadAsStringAsync());
        var drawn = await office.PostFormAsync(roundUrl, roundUrl + "?handler=Draw", new() { ["seed"] = "2026" });
        var html = await drawn.Content.ReadAsStringAsync();
        Assert.Contains("0000000000002026", html);
        Assert.Contains($"第一中学{w.N}", html);
        Assert.Contains("复核一致", await office.GetHtmlAsync(roundUrl + "?verify=2026"));
        Assert.DoesNotContain("id=\"edit-round\"", html);
        var token = PageClient.Token(html);   // a stale form posted after the draw: refused with the reason
        using (var stale = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } })
        {
            foreach (var (k, v) in edit) stale.Add(new StringContent(v), k);
            var refused = await (await office.Http.PostAsync(roundUrl + "?handler=Edit", stale)).Content.ReadAsStringAsync();
            Assert.Contains("本轮督导已抽取", refused);
        }

        var inspector = await PageClient.SignInAsync(factory, w.Users["insp1"], TestApi.Password);
        var recorded = await inspector.PostFormAsync(roundUrl, roundUrl + "?handler=Finding", new()
        {
            ["unitId"] = w.UnitA.ToString(), ["severity"] = "severe", ["description"] = "晨检记录缺失", ["requirement"] = "落实晨午检制度",
            ["deadline"] = Today(20), ["taskIds"] = w.TaskA.ToString(),
        });
        Assert.Contains("晨检记录缺失", await recorded.Content.ReadAsStringAsync());
        int id;
        using (var scope = factory.Services.CreateScope())
            id = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Findings.Where(f => f.Description == "晨检记录缺失").Select(f => f.Id).SingleAsync();

        var unit = await PageClient.SignInAsync(factory, w.Users["repA"], TestApi.Password);
        Assert.Contains($"/Inspections/Findings/{id}", await unit.GetHtmlAsync("/"));
        var url = $"/Inspections/Findings/{id}";
        await unit.GetHtmlAsync(url);
        Assert.DoesNotContain($"/Inspections/Findings/{id}", await unit.GetHtmlAsync("/"));
        var rectified = await unit.PostFormAsync(url, url + "?handler=Rectify", new() { ["text"] = "已建立晨检台账" },
            [("evidence", "晨检台账.pdf", "%PDF-1.4 台账"u8.ToArray())]);
        var after = await rectified.Content.ReadAsStringAsync();
        Assert.Contains("已整改（待复查）", after);
        Assert.Contains("晨检台账.pdf", after);
        await (await PageClient.SignInAsync(factory, w.Users["repB"], TestApi.Password)).GetHtmlAsync(url, HttpStatusCode.NotFound);

        var closed = await office.PostFormAsync(url, url + "?handler=Close", new() { ["comment"] = "现场复查已落实" });
        Assert.Contains("id=\"finding-status\">已销号<", await closed.Content.ReadAsStringAsync());
        var bulletin = await office.PostFormAsync(roundUrl, roundUrl + "?handler=Bulletin", new() { ["regenerate"] = "false" });
        Assert.EndsWith("/Bulletin", bulletin.RequestMessage!.RequestUri!.AbsolutePath);
        var issued = await office.PostFormAsync(roundUrl + "/Bulletin", roundUrl + "/Bulletin?handler=Publish", new());
        var issuedHtml = await issued.Content.ReadAsStringAsync();
        Assert.Contains("已印发", issuedHtml);
        Assert.Contains("晨检记录缺失", issuedHtml);
        Assert.DoesNotContain("id=\"bulletin-form\"", issuedHtml);
        var xlsx = await office.Http.GetAsync(roundUrl + "?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class InspectionsApiSqliteTests(SqliteLedgerFactory f) : InspectionsApiTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class InspectionsApiPostgresTests(PostgresLedgerFactory f) : InspectionsApiTests(f), IClassFixture<PostgresLedgerFactory>;
