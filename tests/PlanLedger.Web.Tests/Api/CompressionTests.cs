using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>
/// What travels compressed (Features/Shared/Compression.cs): an API read and the static scripts, when the client accepts
/// it — the same JSON once decompressed, kept compressed by the whole-response cache and shown fresh after a write;
/// never a page (its antiforgery token) nor the token answer of a sign-in (BREACH).
/// </summary>
public abstract class CompressionTests(LedgerFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    private static HttpRequestMessage Get(string url, string encodings)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encodings);
        return request;
    }

    private static async Task<string> Brotli(HttpResponseMessage res)
    {
        Assert.Equal(["br"], res.Content.Headers.ContentEncoding);
        await using var br = new BrotliStream(await res.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(br, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task An_api_read_comes_compressed_to_a_client_that_accepts_it_the_same_json_and_fresh_after_a_report()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var office = await w.As(w.Office);
        var url = $"/api/v1/plans/{w.PlanId}/tasks";
        var plain = await office.GetStringAsync(url);
        Assert.Contains("培训教师500人次", plain);

        using var first = await office.SendAsync(Get(url, "gzip, deflate, br"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        Assert.True(firstBytes.Length < Encoding.UTF8.GetByteCount(plain), "compressed is smaller");
        using var again = await office.SendAsync(Get(url, "gzip, deflate, br"));
        Assert.Equal(plain, await Brotli(again)); // kept compressed, the same JSON
        // The same content in other bytes: the compressed answer's tag is weak, and still answers a revalidation with 304.
        using var plainAnswer = await office.GetAsync(url);
        Assert.False(plainAnswer.Headers.ETag!.IsWeak);
        Assert.True(again.Headers.ETag!.IsWeak);
        Assert.Equal(plainAnswer.Headers.ETag.Tag, again.Headers.ETag.Tag);
        var revalidate = Get(url, "br");
        revalidate.Headers.IfNoneMatch.Add(again.Headers.ETag);
        using var notModified = await office.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var gzip = await office.SendAsync(Get(url, "gzip"));
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        await using (var unzip = new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
            Assert.Equal(plain, await new StreamReader(unzip, Encoding.UTF8).ReadToEndAsync());

        await w.ReportAsync(w.RepA, w.Task1, 35, "已完成选址");
        using var after = await office.SendAsync(Get(url, "br"));
        var fresh = await Brotli(after);
        Assert.NotEqual(plain, fresh);
        Assert.Equal(fresh, await office.GetStringAsync(url)); // the uncompressed copy moved too
    }

    [Fact]
    public async Task Pages_and_the_sign_in_token_never_travel_compressed_static_scripts_do()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var page = await PageClient.SignInAsync(factory, w.Office);
        using var ledger = await page.Http.SendAsync(Get($"/Plans/{w.PlanId}/Ledger", "br, gzip"));
        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        Assert.Empty(ledger.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await ledger.Content.ReadAsStringAsync());

        var anonymous = factory.CreateClient();
        var token = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { username = w.Office, password = TestApi.Password }),
        };
        token.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var signedIn = await anonymous.SendAsync(token);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Empty(signedIn.Content.Headers.ContentEncoding);
        Assert.Contains("\"token\"", await signedIn.Content.ReadAsStringAsync());

        using var script = await anonymous.SendAsync(Get("/lib/htmx.min.js", "br"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("htmx", await Brotli(script));
        Assert.True(script.Headers.CacheControl?.NoCache, "an unversioned link is revalidated");
    }

    [Fact]
    public async Task Pages_link_scripts_and_styles_by_content_version_which_a_browser_keeps_a_year()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var page = await PageClient.SignInAsync(factory, w.Office);
        var html = await page.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard");
        var links = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/(?:lib|js|css)/[^\"?]+)\\?v=([^\"]+)\"");
        Assert.Contains(links, m => m.Groups[1].Value == "/lib/echarts.min.js");
        Assert.Contains(links, m => m.Groups[1].Value == "/css/site.css");
        foreach (System.Text.RegularExpressions.Match m in links)
        {
            using var res = await page.Http.GetAsync(m.Value[(m.Value.IndexOf('"') + 1)..^1].Replace("&amp;", "&"));
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), res.Headers.CacheControl?.MaxAge);
            Assert.Contains(res.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
        }
    }
}

public sealed class CompressionSqliteTests(SqliteLedgerFactory f) : CompressionTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class CompressionPostgresTests(PostgresLedgerFactory f) : CompressionTests(f), IClassFixture<PostgresLedgerFactory>;
