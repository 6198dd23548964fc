using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>
/// Password policy for admin/office, lockout of 修改密码's current-password check, equal-time answers for unknown
/// users, a private OpenAPI document, HSTS and Secure cookies behind a TLS proxy, HTML error pages for pages,
/// evidence names without RTL/zero-width tricks, and out-of-range enum values refused.
/// </summary>
public abstract class SecurityPolicyTests(LedgerFactory factory)
{
    private static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    [Theory]
    [InlineData("admin", "aaaaaaaa", false)]
    [InlineData("admin", "aaaaaaaaaaaa", false)]
    [InlineData("office", "password123", false)]
    [InlineData("office", "1234567890", false)]
    [InlineData("office", "qwertyuiop", false)]
    [InlineData("admin", "short-pw9", false)]
    [InlineData("admin", "督查室-2026-春季", true)]
    [InlineData("office", "ledger-ok-4821", true)]
    [InlineData("viewer", "aaaaaaaa", true)]
    public async Task Admin_and_office_passwords_need_ten_characters_and_must_not_be_common(string role, string password, bool accepted)
    {
        var admin = await factory.ClientAsync();
        var res = await admin.PostAsJsonAsync("/api/v1/users", new { userName = Name("pw"), password, displayName = "x", role });
        Assert.Equal(accepted ? HttpStatusCode.Created : HttpStatusCode.BadRequest, res.StatusCode);
        if (!accepted) Assert.Matches("至少 10 位|过于常见", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_weak_reset_password_for_an_admin_is_refused()
    {
        var admin = await factory.ClientAsync();
        var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = Name("ad"), password = "strong-admin-pass-1", displayName = "x", role = "admin" })).Id();
        var res = await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "aaaaaaaa" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_on_the_password_page_locks_the_account()
    {
        var admin = await factory.ClientAsync();
        var name = Name("lk");
        await admin.UserAsync(name, "viewer");
        var page = await PageClient.SignInAsync(factory, name);
        for (var i = 0; i < 5; i++)
        {
            var res = await page.PostFormAsync("/Account/Password", "/Account/Password",
                new() { ["current"] = "wrong-guess-" + i, ["password"] = "new-pass-4567", ["confirm"] = "new-pass-4567" });
            // The fifth wrong guess is the one that locks the account.
            Assert.Contains(i < 4 ? "当前密码不正确" : "账户已锁定", await res.Content.ReadAsStringAsync());
        }
        var locked = await page.PostFormAsync("/Account/Password", "/Account/Password",
            new() { ["current"] = TestApi.Password, ["password"] = "new-pass-4567", ["confirm"] = "new-pass-4567" });
        Assert.Contains("账户已锁定", await locked.Content.ReadAsStringAsync());
        var token = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = TestApi.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Contains("锁定", await token.ProblemTitle());
    }

    [Fact]
    public async Task An_unknown_user_name_takes_as_long_as_a_wrong_password()
    {
        var admin = await factory.ClientAsync();
        var known = new[] { Name("tm"), Name("tm"), Name("tm") };
        foreach (var k in known) await admin.UserAsync(k, "viewer");
        var anon = factory.CreateClient();
        async Task<double> TimeAsync(string user)
        {
            var sw = Stopwatch.StartNew();
            var res = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = "wrong-password-x" });
            sw.Stop();
            Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
            return sw.Elapsed.TotalMilliseconds;
        }
        await TimeAsync("warm-up-unknown");
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            knownTimes.Add(await TimeAsync(known[i % 3])); // 3 tries each: below the lockout
            unknownTimes.Add(await TimeAsync(Name("nobody")));
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var (k2, u2) = (Median(knownTimes), Median(unknownTimes));
        Assert.True(u2 >= 0.5 * k2, $"unknown {u2:0.0} ms vs wrong password {k2:0.0} ms");
    }

    [Fact]
    public async Task An_unknown_user_name_is_answered_and_locked_out_as_a_real_account_is()
    {
        var admin = await factory.ClientAsync();
        var known = Name("lu");
        await admin.UserAsync(known, "viewer");
        var anon = factory.CreateClient();
        async Task<List<string?>> SixWrongTriesAsync(string user)
        {
            var titles = new List<string?>();
            for (var i = 0; i < 6; i++)
            {
                var res = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = "wrong-password-" + i });
                Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
                titles.Add(await res.ProblemTitle());
            }
            return titles;
        }
        var forKnown = await SixWrongTriesAsync(known);
        var forUnknown = await SixWrongTriesAsync(Name("nobody"));
        Assert.Equal(forKnown, forUnknown);
        Assert.All(forKnown.Take(4), t => Assert.Contains("用户名或密码错误", t));
        Assert.All(forKnown.Skip(4), t => Assert.Contains("账户已锁定", t));

        // The sign-in page answers an unknown name the same way once it is locked.
        var ghost = Name("ghost");
        var page = new PageClient(factory.CreateClient(new() { HandleCookies = true, BaseAddress = factory.ClientOptions.BaseAddress }));
        string last = "";
        for (var i = 0; i < 5; i++)
            last = await (await page.PostFormAsync("/Account/Login", "/Account/Login",
                new() { ["UserName"] = ghost, ["Password"] = "wrong-password-x" })).Content.ReadAsStringAsync();
        Assert.Contains("账户已锁定", last);
    }

    [Fact]
    public async Task The_openapi_document_is_for_signed_in_users_only()
    {
        var anon = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/openapi/v1.json");
        Assert.NotEqual(HttpStatusCode.OK, anon.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientAsync()).GetAsync("/openapi/v1.json")).StatusCode);
        var page = await PageClient.SignInAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await page.Http.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_responses_carry_HSTS_and_cookies_are_Secure()
    {
        using var proxied = factory.WithWebHostBuilder(b => b.UseSetting("PlanLedger:TrustAllProxies", "true"));
        var http = proxied.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var get = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        get.Headers.Add("X-Forwarded-Proto", "https");
        var res = await http.SendAsync(get);
        Assert.True(res.Headers.Contains("Strict-Transport-Security"), "HSTS header");
        Assert.All(res.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var plain = await http.GetAsync("/Account/Login");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
        // Without trusting the proxy (the default), a forwarded header from a non-loopback client changes nothing.
        var untrusted = factory.CreateClient(new() { AllowAutoRedirect = false });
        var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.OK, (await untrusted.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_failing_page_request_shows_the_HTML_error_page_and_the_api_answers_problem_json()
    {
        var page = await PageClient.SignInAsync(factory);
        var html = await page.Http.GetAsync("/Plans/999999/Ledger");
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        // An exception on a page route (malformed multipart body) → HTML, not JSON.
        using var bad = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nbroken", Encoding.UTF8);
        bad.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var form = await page.Http.PostAsync("/Admin/Units?handler=Create", bad);
        Assert.InRange((int)form.StatusCode, 400, 499);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        var api = await (await factory.ClientAsync()).GetAsync("/api/v1/plans/999999");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Evidence_file_names_lose_bidi_overrides_and_zero_width_characters()
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.PostFileAsync("n.txt", SyntheticPlan.Unique());
        await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray();
        var parents = tasks.Select(t => t!["parentId"]?.GetValue<int?>()).OfType<int>().ToHashSet();
        var leaf = tasks.First(t => !parents.Contains(t!.Id()))!.Id();
        var report = (await admin.PostJsonAsync($"/api/v1/tasks/{leaf}/reports", new { period = "2026-02", progress = 10, text = "进展" })).Id();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("证明材料"u8.ToArray()), "file", "invoice\u202Etxt.exe\u200B\u2066.txt");
        var res = await admin.PostAsync($"/api/v1/reports/{report}/evidence", form);
        var body = await res.JsonAsync(HttpStatusCode.OK);
        var name = body["evidence"]!.AsArray().Single()!["fileName"]!.GetValue<string>();
        Assert.Equal("invoicetxt.exe.txt", name);
    }

    [Theory]
    [InlineData("/api/v1/users", "{\"userName\":\"enum1\",\"password\":\"password-123\",\"displayName\":\"x\",\"role\":99}")]
    [InlineData("/api/v1/users", "{\"userName\":\"enum2\",\"password\":\"password-123\",\"displayName\":\"x\",\"role\":\"superadmin\"}")]
    [InlineData("/api/v1/units", "{\"name\":\"枚举股\",\"kind\":7}")]
    [InlineData("/api/v1/organisations", "{\"name\":\"枚举局\",\"level\":-1}")]
    public async Task Out_of_range_enum_values_are_400(string url, string json)
    {
        var res = await (await factory.ClientAsync()).PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
    }

    [Fact]
    public async Task An_out_of_range_role_on_the_users_page_is_refused_not_made_admin()
    {
        var page = await PageClient.SignInAsync(factory);
        var name = Name("enpg");
        var res = await page.PostFormAsync("/Admin/Users", "/Admin/Users",
            new() { ["userName"] = name, ["password"] = "password-123", ["displayName"] = "x", ["role"] = "99" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Users.AnyAsync(u => u.UserName == name));
    }
}

public sealed class SecurityPolicySqliteTests(SqliteLedgerFactory f) : SecurityPolicyTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class SecurityPolicyPostgresTests(PostgresLedgerFactory f) : SecurityPolicyTests(f), IClassFixture<PostgresLedgerFactory>;
