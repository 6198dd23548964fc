using System.Net;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>
/// A 督办单 sent to several units: each unit signs and replies its own part; the office closes or returns one unit's part,
/// or closes the whole notice once every unit has replied. A unit never acts on another unit's part.
/// </summary>
public abstract class NoticePartsTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    private static string ReplyBy(int days = 10) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

    private async Task<(string Url, HttpClient Office, HttpClient A, HttpClient B)> IssueToBothAsync()
    {
        var office = await W.As(W.Office);
        var n = await office.PostJsonAsync("/api/v1/supervisions",
            new { taskIds = new[] { W.Task1 }, unitIds = new[] { W.UnitA, W.UnitB }, level = "blue", reason = "进度滞后", replyBy = ReplyBy() });
        return ($"/api/v1/supervisions/{n.Id()}", office, await W.As(W.RepA), await W.As(W.RepB));
    }

    private static string Part(System.Text.Json.Nodes.JsonNode notice, int unit) =>
        notice["units"]!.AsArray().Single(u => u!.Int("id") == unit)!.Str("state");

    [Fact]
    public async Task Each_unit_signs_and_replies_its_own_part_and_the_notice_is_replied_when_all_have()
    {
        var (url, office, a, b) = await IssueToBothAsync();
        var n = await a.PostJsonAsync($"{url}/acknowledge", new { }, HttpStatusCode.OK);
        Assert.Equal("acknowledged", n.Str("state"));
        Assert.Equal("acknowledged", Part(n, W.UnitA));
        Assert.Equal("issued", Part(n, W.UnitB));
        // A signing twice is refused; B may still sign its own part.
        Assert.Equal(HttpStatusCode.Conflict, await a.Post($"{url}/acknowledge").StatusOf());
        Assert.Equal("acknowledged", Part(await b.PostJsonAsync($"{url}/acknowledge", new { }, HttpStatusCode.OK), W.UnitB));

        n = await a.PostJsonAsync($"{url}/reply", new { text = "A：已完成选址" }, HttpStatusCode.OK);
        Assert.Equal("acknowledged", n.Str("state")); // B has not replied yet
        Assert.Equal("replied", Part(n, W.UnitA));
        Assert.Equal("A：已完成选址", n["units"]!.AsArray().Single(u => u!.Int("id") == W.UnitA)!.Str("replyText"));
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/close").StatusOf()); // not every unit replied
        Assert.Equal(HttpStatusCode.Conflict, await a.Post($"{url}/reply", new { text = "again" }).StatusOf());

        n = await b.PostJsonAsync($"{url}/reply", new { text = "B：配合完成" }, HttpStatusCode.OK);
        Assert.Equal("replied", n.Str("state"));
        n = await office.PostJsonAsync($"{url}/close", new { comment = "同意" }, HttpStatusCode.OK);
        Assert.Equal("closed", n.Str("state"));
        Assert.All(n["units"]!.AsArray(), u => Assert.Equal("closed", u!.Str("state")));
    }

    [Fact]
    public async Task The_office_closes_one_units_part_and_returns_the_others_and_the_notice_closes_with_the_last()
    {
        var (url, office, a, b) = await IssueToBothAsync();
        await a.PostJsonAsync($"{url}/reply", new { text = "A 已完成" }, HttpStatusCode.OK);
        // B has not replied: its part cannot be closed or returned.
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/units/{W.UnitB}/close").StatusOf());
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/units/{W.UnitB}/return", new { comment = "x" }).StatusOf());
        var n = await office.PostJsonAsync($"{url}/units/{W.UnitA}/close", new { comment = "A 办结" }, HttpStatusCode.OK);
        Assert.Equal("closed", Part(n, W.UnitA));
        Assert.Equal("acknowledged", n.Str("state"));
        Assert.Contains(await W.NotificationsAsync(W.RepA), x => x.Str("kind") == "supervision_closed");
        Assert.DoesNotContain(await W.NotificationsAsync(W.RepB), x => x.Str("kind") == "supervision_closed");

        await b.PostJsonAsync($"{url}/reply", new { text = "B 初稿" }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.BadRequest, await office.Post($"{url}/units/{W.UnitB}/return", new { comment = "" }).StatusOf());
        n = await office.PostJsonAsync($"{url}/units/{W.UnitB}/return", new { comment = "请补充佐证" }, HttpStatusCode.OK);
        Assert.Equal("issued", Part(n, W.UnitB));
        Assert.Equal("closed", Part(n, W.UnitA));
        Assert.Equal("acknowledged", n.Str("state"));
        Assert.Contains(await W.NotificationsAsync(W.RepB), x => x.Str("kind") == "supervision_returned" && x.Str("text").Contains("请补充佐证"));

        await b.PostJsonAsync($"{url}/reply", new { text = "B 已补充" }, HttpStatusCode.OK);
        n = await office.PostJsonAsync($"{url}/units/{W.UnitB}/close", new { }, HttpStatusCode.OK);
        Assert.Equal("closed", n.Str("state"));
        Assert.NotNull(n["closedAt"]);
        var steps = n["history"]!.AsArray().Select(h => (h!.Str("step"), h!["unitId"]?.GetValue<int>())).ToList();
        Assert.Contains(("close", (int?)W.UnitA), steps);
        Assert.Contains(("return", (int?)W.UnitB), steps);
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/units/{W.UnitA}/close").StatusOf());
    }

    [Fact]
    public async Task Only_the_office_decides_a_part_and_a_unit_of_another_notice_or_organisation_learns_nothing()
    {
        var (url, office, a, b) = await IssueToBothAsync();
        await a.PostJsonAsync($"{url}/reply", new { text = "A 已完成" }, HttpStatusCode.OK);
        foreach (var who in new[] { W.RepA, W.RepB, W.Leader, W.Viewer })
            Assert.Equal(HttpStatusCode.Forbidden, await (await W.As(who)).Post($"{url}/units/{W.UnitA}/close").StatusOf());
        Assert.Equal(HttpStatusCode.NotFound, await (await W.As(W.SiblingOffice)).Post($"{url}/units/{W.UnitA}/close").StatusOf());
        Assert.Equal(HttpStatusCode.NotFound, await (await W.As(W.SiblingRep)).Post($"{url}/acknowledge").StatusOf());
        // a unit the notice does not address: its part does not exist
        Assert.Equal(HttpStatusCode.Conflict, await office.Post($"{url}/units/{W.SiblingUnit}/close").StatusOf());
        // stopping the notice stops every open part
        var n = await office.PostJsonAsync($"{url}/stop", new { reason = "任务调整" }, HttpStatusCode.OK);
        Assert.Equal("stopped", n.Str("state"));
        Assert.All(n["units"]!.AsArray(), u => Assert.Equal("stopped", u!.Str("state")));
        Assert.Equal(HttpStatusCode.Conflict, await b.Post($"{url}/reply", new { text = "迟到的反馈" }).StatusOf());
    }

    [Fact]
    public async Task The_notice_page_shows_each_units_part_and_the_office_closes_one_unit_there()
    {
        var (url, _, a, _) = await IssueToBothAsync();
        var id = int.Parse(url[(url.LastIndexOf('/') + 1)..]);
        await a.PostJsonAsync($"{url}/reply", new { text = "A：选址已批复" }, HttpStatusCode.OK);
        var office = await PageClient.SignInAsync(factory, W.Office);
        var html = await office.GetHtmlAsync($"/Supervisions/{id}");
        Assert.Contains("各单位办理情况", html);
        Assert.Contains("A：选址已批复", html);
        Assert.Contains("办结本单位", html);
        var res = await office.PostFormAsync($"/Supervisions/{id}", $"/Supervisions/{id}?handler=CloseUnit&unitId={W.UnitA}", new() { ["comment"] = "同意" });
        Assert.Contains("本单位已办结", await res.Content.ReadAsStringAsync());
        var after = await (await W.As(W.Office)).GetJsonAsync(url);
        Assert.Equal("closed", Part(after, W.UnitA));
        // unit B's page offers B its own actions (its part is still open); unit A's no longer does
        var pageB = await PageClient.SignInAsync(factory, W.RepB);
        Assert.Contains("id=\"reply-form\"", await pageB.GetHtmlAsync($"/Supervisions/{id}"));
        var pageA = await PageClient.SignInAsync(factory, W.RepA);
        Assert.DoesNotContain("id=\"reply-form\"", await pageA.GetHtmlAsync($"/Supervisions/{id}"));
    }
}

public sealed class NoticePartsSqliteTests(SqliteLedgerFactory f) : NoticePartsTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class NoticePartsPostgresTests(PostgresLedgerFactory f) : NoticePartsTests(f), IClassFixture<PostgresLedgerFactory>;
