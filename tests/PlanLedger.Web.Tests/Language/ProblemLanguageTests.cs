using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Language;

/// <summary>
/// Every kind of API refusal reads in one language: Chinese by default and for <c>Accept-Language: zh-CN</c>,
/// English for <c>Accept-Language: en</c> — never both in one title.
/// </summary>
public abstract partial class ProblemLanguageTests(LedgerFactory factory)
{
    /// <summary>Each request answers a different kind of problem.</summary>
    private static IEnumerable<(string Kind, HttpStatusCode Status, Func<HttpClient, Task<HttpResponseMessage>> Send)> Cases()
    {
        yield return ("not found", HttpStatusCode.NotFound, h => h.GetAsync("/api/v1/plans/999999/tasks"));
        yield return ("validation", HttpStatusCode.BadRequest, h => h.PostAsJsonAsync("/api/v1/units", new { name = "", kind = "department" }));
        yield return ("too long (template with a label)", HttpStatusCode.BadRequest, h => h.PostAsJsonAsync("/api/v1/units", new { name = new string('单', 5000), kind = "department" }));
        yield return ("malformed JSON", HttpStatusCode.BadRequest, h => h.PostAsync("/api/v1/units", new StringContent("{\"name\":", Encoding.UTF8, "application/json")));
        yield return ("password rule (Identity)", HttpStatusCode.BadRequest, h => h.PostAsJsonAsync("/api/v1/users", new { userName = "short" + Guid.NewGuid().ToString("N")[..6], password = "abc", displayName = "短密码", role = "viewer" }));
        yield return ("conflict", HttpStatusCode.Conflict, h => h.PostAsJsonAsync("/api/v1/units", new { name = "语言测试科", kind = "department" }));
        yield return ("unknown document (query value)", HttpStatusCode.NotFound, h => h.GetAsync("/api/v1/plans/1/documents/nonsense"));
    }

    private async Task<HttpClient> AdminAsync(string? language)
    {
        var http = await factory.ClientAsync();
        var copy = factory.CreateClient();
        copy.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
        if (language is not null) copy.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return copy;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    [InlineData("en")]
    public async Task Every_problem_title_is_in_the_requested_language_only(string? language)
    {
        var http = await AdminAsync(language);
        await http.PostAsJsonAsync("/api/v1/units", new { name = "语言测试科", kind = "department" });
        var english = language?.StartsWith("en", StringComparison.Ordinal) == true;
        var seen = new List<string>();
        foreach (var (kind, status, send) in Cases())
        {
            var res = await send(http);
            Assert.True(res.StatusCode == status, $"{kind}: expected {(int)status}, got {(int)res.StatusCode}: {await res.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
            var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
            var texts = new List<string> { body["title"]!.GetValue<string>() };
            if (body["detail"] is { } d) texts.Add(d.GetValue<string>());
            foreach (var text in texts) AssertOneLanguage(kind, text, english);
            seen.Add(texts[0]);
        }
        // The anonymous answer of the bearer scheme too (401 without a token).
        var anonymous = factory.CreateClient();
        if (language is not null) anonymous.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var unauthorised = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        AssertOneLanguage("wrong password", await unauthorised.ProblemTitle(), english);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_template_message_keeps_its_values_and_translates_its_label()
    {
        var zh = await (await (await AdminAsync("zh-CN")).PostAsJsonAsync("/api/v1/units", new { name = new string('单', 5000), kind = "department" })).ProblemTitle();
        var en = await (await (await AdminAsync("en")).PostAsJsonAsync("/api/v1/units", new { name = new string('单', 5000), kind = "department" })).ProblemTitle();
        Assert.Matches(@"^名称 过长（不超过 \d+ 字）$", zh); // the field by its Chinese name, not "name"
        Assert.Matches(@"^Name is too long \(at most \d+ characters\)$", en);
        Assert.Equal(Regex.Match(zh, @"\d+").Value, Regex.Match(en, @"\d+").Value);
    }

    private static void AssertOneLanguage(string kind, string text, bool english)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), kind);
        if (english)
            Assert.False(Han().IsMatch(text), $"{kind}: Chinese in the English answer: {text}");
        else
        {
            Assert.True(Han().IsMatch(text), $"{kind}: no Chinese in the Chinese answer: {text}");
            // Field names, formats and product names may stay (yyyy-MM, JSON, Unicode); an English sentence may not.
            Assert.False(EnglishWords().IsMatch(text), $"{kind}: English in the Chinese answer: {text}");
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    /// <summary>Two English words in a row (“Not found”, “Bad request”).</summary>
    [GeneratedRegex(@"\b[A-Za-z]{2,}\s+[a-z]{2,}\b")]
    private static partial Regex EnglishWords();
}

public sealed class ProblemLanguageSqliteTests(SqliteLedgerFactory f) : ProblemLanguageTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class ProblemLanguagePostgresTests(PostgresLedgerFactory f) : ProblemLanguageTests(f), IClassFixture<PostgresLedgerFactory>;
