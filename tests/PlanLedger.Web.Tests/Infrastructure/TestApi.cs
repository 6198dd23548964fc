using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>Drives the API as a client would: sign in for a token, create units and users, import plans.</summary>
public static class TestApi
{
    public const string Password = "password-123";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(LedgerFactory, string), (string Token, DateTimeOffset Issued, DateTimeOffset Expires)> Tokens = new();

    /// <summary>Drops the cached tokens of a factory: after a test moved the clock past their lifetime.</summary>
    public static void ForgetTokens(LedgerFactory f)
    {
        foreach (var key in Tokens.Keys.Where(k => k.Item1 == f).ToList()) Tokens.TryRemove(key, out _);
    }

    /// <summary>A client signed in (bearer token) as <paramref name="user"/>; tokens are reused within a test class.</summary>
    public static async Task<HttpClient> ClientAsync(this LedgerFactory f, string user = "admin", string? password = null)
    {
        var http = f.CreateClient();
        // A token is reused while the app's clock is within its lifetime: a test that moved the clock (to January, to
        // next month) would otherwise hand later tests a token from another time.
        var now = f.Clock.GetUtcNow();
        if (!Tokens.TryGetValue((f, user), out var cached) || now < cached.Issued || now >= cached.Expires)
        {
            var res = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = password ?? (user == "admin" ? LedgerFactory.AdminPassword : Password) });
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var body = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
            cached = (body["token"]!.GetValue<string>(), now, body["expiresAt"]!.GetValue<DateTimeOffset>());
            Tokens[(f, user)] = cached;
        }
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cached.Token);
        return http;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage res, HttpStatusCode expected)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"expected {(int)expected}, got {(int)res.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient http, string url, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await http.PostAsJsonAsync(url, body)).JsonAsync(expected);

    public static async Task<JsonNode> GetJsonAsync(this HttpClient http, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await http.GetAsync(url)).JsonAsync(expected);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient http, string fileName, byte[] bytes, int? year = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        if (year is { } y) form.Add(new StringContent(y.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year");
        return await http.PostAsync("/api/v1/plans", form);
    }

    public static async Task<JsonNode> ImportAsync(this HttpClient http, string path, int? year = null) =>
        await (await http.UploadAsync(Path.GetFileName(path), await File.ReadAllBytesAsync(path), year)).JsonAsync(HttpStatusCode.Created);

    public static async Task<int> UnitAsync(this HttpClient admin, string name, string? aliases = null, int? organisationId = null) =>
        (await admin.PostJsonAsync("/api/v1/units", new { name, kind = "department", aliases, organisationId }))["id"]!.GetValue<int>();

    public static async Task UserAsync(this HttpClient admin, string userName, string role, int? unitId = null, int? organisationId = null) =>
        await admin.PostJsonAsync("/api/v1/users", new { userName, password = Password, displayName = userName, role, unitId, organisationId });

    public static async Task<int> OrganisationAsync(this HttpClient admin, string name) =>
        (await admin.PostJsonAsync("/api/v1/organisations", new { name, level = "county" }))["id"]!.GetValue<int>();

    /// <summary>Imports a file, or finds the plan another test of the same class already imported from it.</summary>
    public static async Task<JsonNode> ImportOrExistingAsync(this HttpClient http, string path)
    {
        var res = await http.UploadAsync(Path.GetFileName(path), await File.ReadAllBytesAsync(path));
        if (res.StatusCode != HttpStatusCode.Conflict) return await res.JsonAsync(HttpStatusCode.Created);
        var id = (await res.JsonAsync(HttpStatusCode.Conflict))["existingPlanId"]!.GetValue<int>();
        return (await http.GetJsonAsync("/api/v1/plans")).AsArray().Single(p => p!.Id() == id)!;
    }

    public static int Id(this JsonNode n) => n["id"]!.GetValue<int>();

    public static async Task<string> ProblemTitle(this HttpResponseMessage res)
    {
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("title").GetString() ?? "";
    }
}

public static class UploadExtensions
{
    public static async Task<JsonNode> PostFileAsync(this HttpClient http, string fileName, byte[] bytes, int? year = null) =>
        await (await http.UploadAsync(fileName, bytes, year)).JsonAsync(HttpStatusCode.Created);
}
