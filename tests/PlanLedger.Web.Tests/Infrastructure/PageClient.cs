using System.Net;
using System.Text.RegularExpressions;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>A browser-like client for the server-rendered pages: cookies, antiforgery tokens from the forms, form posts.</summary>
public sealed partial class PageClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static async Task<PageClient> SignInAsync(LedgerFactory f, string user = "admin", string? password = null)
    {
        var client = new PageClient(f.CreateClient(new() { AllowAutoRedirect = true, HandleCookies = true, BaseAddress = f.ClientOptions.BaseAddress }));
        var res = await client.PostFormAsync("/Account/Login", "/Account/Login",
            new() { ["UserName"] = user, ["Password"] = password ?? (user == "admin" ? LedgerFactory.AdminPassword : TestApi.Password) });
        Assert.DoesNotContain("用户名或密码错误", await res.Content.ReadAsStringAsync());
        return client;
    }

    public async Task<string> GetHtmlAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var res = await Http.GetAsync(url);
        Assert.Equal(expected, res.StatusCode);
        return await res.Content.ReadAsStringAsync();
    }

    public static string Token(string html) => TokenRegex().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no antiforgery token in page");

    /// <summary>Loads <paramref name="pageUrl"/> for its antiforgery token and posts the form to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string action, Dictionary<string, string> fields, (string Name, string FileName, byte[] Bytes)[]? files = null)
    {
        var token = Token(await GetHtmlAsync(pageUrl));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (name, fileName, bytes) in files ?? []) form.Add(new ByteArrayContent(bytes), name, fileName);
        return await Http.PostAsync(action, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
