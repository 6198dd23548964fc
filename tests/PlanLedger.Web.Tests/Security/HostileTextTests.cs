using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Reminders;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>
/// Hostile text: over-long, NUL, unpaired surrogates, control characters and U+FFFE/U+FFFF, huge page numbers —
/// always a clear 400 (or a clean result), never a 500, on SQLite and PostgreSQL alike.
/// </summary>
public abstract class HostileTextTests(LedgerFactory factory)
{
    private static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(int PlanId, int TaskId, int UnitId)> PublishedPlanAsync()
    {
        var admin = await factory.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var unit = $"敌意股{n}";
        var unitId = await admin.UnitAsync(unit);
        var plan = await admin.PostFileAsync("h.txt", SyntheticPlan.Text($"""
            2026年工作要点 {n}
            一、重点任务
            1.新建幼儿园3处。牵头单位：{unit}。完成时限：6月底前。
            """), year: 2026);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray();
        var leaf = tasks.Single(t => t!["parentId"] is not null)!.Id();
        return (plan.Id(), leaf, unitId);
    }

    private async Task PublishAsync(int planId) =>
        await (await factory.ClientAsync()).PostJsonAsync($"/api/v1/plans/{planId}/publish", new { }, HttpStatusCode.OK);

    private static async Task<HttpResponseMessage> EditHeadingAsync(PageClient page, int planId, int taskId, string heading) =>
        await page.PostFormAsync($"/Plans/{planId}/Review", $"/Plans/{planId}/Review?handler=Update",
            new() { ["taskId"] = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["heading"] = heading, ["text"] = "内容", ["deadline"] = "6月底前" });

    [Theory]
    [InlineData("{\"username\":\"ad\\u0000min\",\"password\":\"x\"}")]
    [InlineData("{\"username\":\"admin\",\"password\":\"a\\u0000b\"}")]
    [InlineData("{\"username\":\"ad\\ud800min\",\"password\":\"x\"}")]
    [InlineData("{\"username\":\"admin\",\"password\":\"\\udc00\"}")]
    public async Task The_anonymous_token_endpoint_refuses_NUL_and_unpaired_surrogates_with_400(string json)
    {
        var res = await factory.CreateClient().PostAsync("/api/v1/auth/token", RawJson(json));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.NotEmpty(await res.ProblemTitle());
    }

    [Theory]
    [InlineData("/api/v1/units", "{\"name\":\"股\\u0000室\",\"kind\":\"department\"}")]
    [InlineData("/api/v1/units", "{\"name\":\"股室\\ud83d\",\"kind\":\"department\"}")]
    [InlineData("/api/v1/organisations", "{\"name\":\"\\u0000\",\"level\":\"county\"}")]
    [InlineData("/api/v1/users", "{\"userName\":\"nul\",\"password\":\"password-123\",\"displayName\":\"a\\u0000\",\"role\":\"viewer\"}")]
    public async Task Api_text_with_NUL_or_a_cut_surrogate_pair_is_400(string url, string json)
    {
        var admin = await factory.ClientAsync();
        var res = await admin.PostAsync(url, RawJson(json));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.NotEmpty(await res.ProblemTitle());
    }

    [Fact]
    public async Task Over_long_api_text_is_400_naming_the_limit_and_exactly_the_limit_is_accepted()
    {
        var admin = await factory.ClientAsync();
        var tooLong = await admin.PostAsJsonAsync("/api/v1/units", new { name = new string('股', 201), kind = "department" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("200", await tooLong.ProblemTitle());
        var fits = await admin.PostAsJsonAsync("/api/v1/units", new { name = Name("") + new string('股', 194), kind = "department" });
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        var user = await admin.PostAsJsonAsync("/api/v1/users", new { userName = Name("u"), password = "password-123", displayName = new string('名', 101), role = "viewer" });
        Assert.Equal(HttpStatusCode.BadRequest, user.StatusCode);
        var token = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = new string('a', 257), password = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        var pwd = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = new string('a', 100_000) });
        Assert.Equal(HttpStatusCode.BadRequest, pwd.StatusCode);
    }

    [Fact]
    public async Task Page_forms_refuse_NUL_over_long_and_surrogate_text_with_the_400_error_page()
    {
        var (planId, taskId, _) = await PublishedPlanAsync();
        var page = await PageClient.SignInAsync(factory);
        var nul = await EditHeadingAsync(page, planId, taskId, "标题\0");
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains("error-detail", await nul.Content.ReadAsStringAsync());
        Assert.Equal("text/html", nul.Content.Headers.ContentType?.MediaType);
        // over the review's heading limit (ReviewRules, 500): refused with the message next to the field
        var longer = await EditHeadingAsync(page, planId, taskId, new string('长', 1001));
        Assert.Equal(HttpStatusCode.BadRequest, longer.StatusCode);
        Assert.Contains("不能超过 500 字", await longer.Content.ReadAsStringAsync());
        var query = await page.Http.GetAsync($"/Plans/{planId}/Ledger?Q=%00");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        var apiQuery = await (await factory.ClientAsync()).GetAsync($"/api/v1/plans/{planId}/export?format=%00");
        Assert.Equal(HttpStatusCode.BadRequest, apiQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EditHeadingAsync(page, planId, taskId, new string('长', 500))).StatusCode);
    }

    [Fact]
    public async Task A_1000_character_heading_does_not_stop_the_reminder_job_and_its_message_fits_the_column()
    {
        var (planA, taskA, unitA) = await PublishedPlanAsync();
        // a heading as long as its column, as an import may store it (the review form itself stops at 500)
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
            var task = await db.Tasks.SingleAsync(t => t.Id == taskA);
            task.Heading = new string('题', 1000);
            await db.SaveChangesAsync();
        }
        await PublishAsync(planA);
        var (planB, _, unitB) = await PublishedPlanAsync();
        await PublishAsync(planB);
        await BackdateAsync(planA, planB);

        var run = await RunAt("2026-06-02");
        Assert.Empty(run.FailedPlans ?? []);
        var notes = Notifications(unitA);
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.InRange(n.Message.Length, 1, 1000));
        Assert.Contains(notes, n => n.Message.EndsWith('…'));
        Assert.NotEmpty(Notifications(unitB));
    }

    [Fact]
    public async Task One_failing_plan_never_stops_the_reminders_of_the_plans_after_it()
    {
        var (planA, _, unitA) = await PublishedPlanAsync();
        await PublishAsync(planA);
        var (planB, _, unitB) = await PublishedPlanAsync();
        await PublishAsync(planB);
        await BackdateAsync(planA, planB);
        var run = await RunAt("2026-06-02", failForUnit: unitA);
        Assert.Contains(planA, run.FailedPlans ?? []);
        Assert.Empty(Notifications(unitA));
        Assert.NotEmpty(Notifications(unitB));
    }

    private async Task BackdateAsync(params int[] plans)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        foreach (var p in await db.Plans.Where(x => plans.Contains(x.Id)).ToListAsync())
            p.PublishedAt = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
        await db.SaveChangesAsync();
    }

    /// <summary>Makes saving a notification for one unit fail, as a broken row or a lost connection would.</summary>
    private sealed class FailFor(int unitId) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<Notification>().Any(e => e.Entity.UnitId == unitId)
                ? throw new DbUpdateException("injected failure")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private async Task<ReminderRun> RunAt(string date, int? failForUnit = null)
    {
        var options = factory.Services.GetRequiredService<IOptions<LedgerOptions>>();
        var builder = new DbContextOptionsBuilder<LedgerDbContext>();
        LedgerDatabase.Configure(builder, options.Value.Db);
        if (failForUnit is { } u) builder.AddInterceptors(new FailFor(u));
        await using var db = new LedgerDbContext(builder.Options);
        var job = new ReminderJob(db, options,
            new FixedClock(DateTimeOffset.Parse(date + "T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), NullLogger<ReminderJob>.Instance);
        return await job.RunAsync();
    }

    private List<Notification> Notifications(int unitId)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Notifications.AsNoTracking().Where(n => n.UnitId == unitId).ToList();
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("99999999999999")]
    [InlineData("-2147483648")]
    public async Task Huge_page_numbers_show_a_page_not_a_500(string p)
    {
        var (planId, _, _) = await PublishedPlanAsync();
        await PublishAsync(planId);
        var page = await PageClient.SignInAsync(factory);
        var res = await page.Http.GetAsync($"/Plans/{planId}/Ledger?P={p}");
        Assert.True(res.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)res.StatusCode}");
    }

    [Fact]
    public async Task Exports_drop_control_characters_and_U_FFFE_FFFF_instead_of_failing()
    {
        var (planId, taskId, _) = await PublishedPlanAsync();
        var page = await PageClient.SignInAsync(factory);
        var hostile = "标\u0001题\uFFFE\uFFFF\u0008\u001F结束\u007F\u0085";
        Assert.Equal(HttpStatusCode.OK, (await EditHeadingAsync(page, planId, taskId, hostile)).StatusCode);
        var admin = await factory.ClientAsync();
        var xlsx = await admin.GetAsync($"/api/v1/plans/{planId}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            Assert.Contains("标题结束", doc.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText);
        var csv = await admin.GetAsync($"/api/v1/plans/{planId}/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("标题结束", text);
        Assert.DoesNotContain(text, c => c is < ' ' and not ('\r' or '\n' or '\t') or '\uFFFE' or '\uFFFF' or '\u007F');
    }

    [Theory]
    [InlineData("/culture?c=en&returnUrl=/Plans%01x", "/")]
    [InlineData("/culture?c=en&returnUrl=/a%0D%0ASet-Cookie:x=1", "/")]
    [InlineData("/culture?c=en&returnUrl=/Plans?q=%E8%AE%A1%E5%88%92", "/Plans?q=%E8%AE%A1%E5%88%92")]
    [InlineData("/culture?c=%07&returnUrl=/", "/")]
    public async Task The_culture_switch_with_control_or_non_ASCII_characters_redirects_safely(string url, string location)
    {
        var http = factory.CreateClient(new() { AllowAutoRedirect = false });
        var res = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal(location, res.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_document_with_NUL_and_control_characters_imports_or_is_refused_never_500()
    {
        var admin = await factory.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var bytes = SyntheticPlan.Text($"2026年工作要点 {n}\n一、重点\0任务\u0001\n1.新建幼儿园\0三处。牵头单位：基础\0教育股。完成时限：年内。\n");
        var res = await admin.UploadAsync("nul.txt", bytes, 2026);
        Assert.True((int)res.StatusCode is 201 or 400 or 415 or 422, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync()}");
        if (res.StatusCode == HttpStatusCode.Created)
        {
            var id = (await res.JsonAsync(HttpStatusCode.Created)).Id();
            var tasks = await (await admin.GetAsync($"/api/v1/plans/{id}/tasks")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("\\u0000", tasks);
        }
    }

    [Fact]
    public async Task The_culture_switch_with_NUL_is_400()
    {
        var res = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/culture?c=en&returnUrl=/%00");
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
    }
}

public sealed class HostileTextSqliteTests(SqliteLedgerFactory f) : HostileTextTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class HostileTextPostgresTests(PostgresLedgerFactory f) : HostileTextTests(f), IClassFixture<PostgresLedgerFactory>;
