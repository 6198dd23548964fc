using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>
/// The revocation cells of the access matrix: every change that matters for signing in (password reset or change,
/// role, organisation, unit, deactivation, sign-out-everywhere by an admin or by oneself) ends the person's bearer
/// tokens and cookie sessions on the very next request; a harmless change (display name) ends nothing.
/// </summary>
public abstract class TokenRevocationTests(LedgerFactory factory)
{
    private static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private async Task<string> TokenAsync(string user, string password = TestApi.Password)
    {
        var res = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = user, password });
        return (await res.JsonAsync(HttpStatusCode.OK))["token"]!.GetValue<string>();
    }

    private HttpClient Bearer(string token)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>A cookie session is alive when the home page answers as itself rather than with the sign-in form.</summary>
    private static async Task<bool> SessionAliveAsync(PageClient page)
    {
        var res = await page.Http.GetAsync("/Account/Password");
        return res.StatusCode == HttpStatusCode.OK && res.RequestMessage!.RequestUri!.AbsolutePath == "/Account/Password";
    }

    public static TheoryData<string, bool> Changes => new()
    {
        // change, does it end the sessions?
        { "password_reset", true }, { "own_password_change", true }, { "role", true }, { "organisation", true },
        { "unit", true }, { "deactivate", true }, { "deactivate_reactivate", true }, { "admin_sign_out", true },
        { "own_sign_out", true }, { "display_name", false }, { "unlock", false },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_change_to_the_account_ends_its_tokens_and_cookie_sessions_at_once(string change, bool revoked)
    {
        var admin = await factory.ClientAsync();
        var unitA = await admin.UnitAsync(Name("甲科"));
        var unitB = await admin.UnitAsync(Name("乙科"));
        var org = await admin.OrganisationAsync(Name("下级局"));
        var name = Name("rv");
        var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = TestApi.Password, displayName = name, role = "reporter", unitId = unitA })).Id();
        var token = await TokenAsync(name);
        var api = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/plans")).StatusCode);
        var page = await PageClient.SignInAsync(factory, name);
        Assert.True(await SessionAliveAsync(page));

        switch (change)
        {
            case "password_reset":
                (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "another-pass-456" })).EnsureSuccessStatusCode();
                break;
            case "own_password_change":
            {
                var other = await PageClient.SignInAsync(factory, name);
                var res = await other.PostFormAsync("/Account/Password", "/Account/Password",
                    new() { ["current"] = TestApi.Password, ["password"] = "another-pass-456", ["confirm"] = "another-pass-456" });
                Assert.Contains("password-changed", await res.Content.ReadAsStringAsync());
                Assert.True(await SessionAliveAsync(other), "the session that changed the password stays signed in");
                break;
            }
            case "role":
                (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "viewer" })).EnsureSuccessStatusCode();
                break;
            case "organisation":
                (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "viewer", organisationId = org })).EnsureSuccessStatusCode();
                break;
            case "unit":
                (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "reporter", unitId = unitB })).EnsureSuccessStatusCode();
                break;
            case "deactivate":
                (await admin.PostAsync($"/api/v1/users/{id}/deactivate", null)).EnsureSuccessStatusCode();
                break;
            case "deactivate_reactivate":
                (await admin.PostAsync($"/api/v1/users/{id}/deactivate", null)).EnsureSuccessStatusCode();
                (await admin.PostAsync($"/api/v1/users/{id}/reactivate", null)).EnsureSuccessStatusCode();
                break;
            case "admin_sign_out":
                (await admin.PostAsync($"/api/v1/users/{id}/signout", null)).EnsureSuccessStatusCode();
                break;
            case "own_sign_out":
                Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/auth/signout", null)).StatusCode);
                break;
            case "display_name":
                (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "新名字", role = "reporter", unitId = unitA })).EnsureSuccessStatusCode();
                break;
            case "unlock":
                (await admin.PostAsync($"/api/v1/users/{id}/unlock", null)).EnsureSuccessStatusCode();
                break;
        }

        var after = await api.GetAsync("/api/v1/plans");
        Assert.Equal(revoked ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, after.StatusCode);
        if (revoked) Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal(!revoked, await SessionAliveAsync(page));
        if (change is "deactivate_reactivate" or "admin_sign_out" or "own_sign_out" or "role" or "unit")
            Assert.Equal(HttpStatusCode.OK, (await Bearer(await TokenAsync(name)).GetAsync("/api/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task An_old_admin_token_cannot_create_an_admin_after_its_password_was_reset()
    {
        var admin = await factory.ClientAsync();
        var name = Name("adm");
        var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = TestApi.Password, displayName = name, role = "admin" })).Id();
        var stolen = Bearer(await TokenAsync(name));
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync($"/api/v1/users/{id}")).StatusCode);
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "reset-by-admin-789" })).EnsureSuccessStatusCode();
        var created = await stolen.PostAsJsonAsync("/api/v1/users", new { userName = Name("evil"), password = TestApi.Password, displayName = "x", role = "admin" });
        Assert.Equal(HttpStatusCode.Unauthorized, created.StatusCode);
        var fresh = Bearer(await TokenAsync(name, "reset-by-admin-789"));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync($"/api/v1/users/{id}")).StatusCode);
    }

    [Fact]
    public async Task Admin_signs_a_user_out_everywhere_on_the_user_page()
    {
        var admin = await factory.ClientAsync();
        var name = Name("pg");
        var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = TestApi.Password, displayName = name, role = "viewer" })).Id();
        var api = Bearer(await TokenAsync(name));
        var session = await PageClient.SignInAsync(factory, name);
        var adminPage = await PageClient.SignInAsync(factory);
        var res = await adminPage.PostFormAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=SignOut", new());
        Assert.Contains("已强制下线", await res.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/plans")).StatusCode);
        Assert.False(await SessionAliveAsync(session));
        Assert.True(await SessionAliveAsync(adminPage));
    }

    [Fact]
    public async Task Sign_out_everywhere_from_the_password_page_ends_this_and_every_other_session()
    {
        var admin = await factory.ClientAsync();
        var name = Name("me");
        await admin.UserAsync(name, "viewer");
        var api = Bearer(await TokenAsync(name));
        var here = await PageClient.SignInAsync(factory, name);
        var elsewhere = await PageClient.SignInAsync(factory, name);
        var res = await here.PostFormAsync("/Account/Password", "/Account/Password?handler=SignOutEverywhere", new());
        Assert.Equal("/Account/Login", res.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.False(await SessionAliveAsync(here));
        Assert.False(await SessionAliveAsync(elsewhere));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/plans")).StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        Assert.Contains(db.AuditEntries, a => a.Action == "signed_out_all" && a.UserName == name);
    }

    [Fact]
    public async Task Tokens_are_short_lived_and_a_forged_or_foreign_token_is_401()
    {
        var res = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = LedgerFactory.AdminPassword });
        var body = await res.JsonAsync(HttpStatusCode.OK);
        var expires = body["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(61));
        var token = body["token"]!.GetValue<string>();
        foreach (var bad in new[] { "x", token[..^4] + "AAAA", token + "x", new string('A', 5000) })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(bad).GetAsync("/api/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task An_unrelated_users_change_leaves_other_tokens_alone()
    {
        var admin = await factory.ClientAsync();
        var a = Name("ua");
        var b = Name("ub");
        await admin.UserAsync(a, "viewer");
        var bid = (await admin.PostJsonAsync("/api/v1/users", new { userName = b, password = TestApi.Password, displayName = b, role = "viewer" })).Id();
        var tokenA = Bearer(await TokenAsync(a));
        (await admin.PostAsync($"/api/v1/users/{bid}/deactivate", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await tokenA.GetAsync("/api/v1/plans")).StatusCode);
    }
}

public sealed class TokenRevocationSqliteTests(SqliteLedgerFactory f) : TokenRevocationTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class TokenRevocationPostgresTests(PostgresLedgerFactory f) : TokenRevocationTests(f), IClassFixture<PostgresLedgerFactory>;

/// <summary>A change made by another process (not seen by this one's interceptor) ends sessions once the stamp cache expires.</summary>
public abstract class StampCacheTests(LedgerFactory factory)
{
    [Fact]
    public async Task A_stamp_changed_behind_the_servers_back_is_noticed_after_the_cache_time()
    {
        var admin = await factory.ClientAsync();
        var name = "ext" + Guid.NewGuid().ToString("N")[..6];
        var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = TestApi.Password, displayName = name, role = "viewer" })).Id();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<PlanLedger.Web.Data.Entities.AppUser>>();
        var principal = await users.CreateAsync(await db.Users.SingleAsync(u => u.Id == id));
        var options = Microsoft.Extensions.Options.Options.Create(new LedgerOptions { SessionStampCacheFor = TimeSpan.FromMilliseconds(300) });
        var stamps = new PlanLedger.Web.Security.SecurityStamps(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()),
            scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>(), options);
        Assert.True(await stamps.IsCurrentAsync(principal, db));
        // Another process rotates the stamp with plain SQL: this process's interceptor never sees it.
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, "CHANGED-ELSEWHERE"));
        Assert.True(await stamps.IsCurrentAsync(principal, db), "still cached");
        await Task.Delay(400);
        Assert.False(await stamps.IsCurrentAsync(principal, db));
    }
}

public sealed class StampCacheSqliteTests(SqliteLedgerFactory f) : StampCacheTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class StampCachePostgresTests(PostgresLedgerFactory f) : StampCacheTests(f), IClassFixture<PostgresLedgerFactory>;
