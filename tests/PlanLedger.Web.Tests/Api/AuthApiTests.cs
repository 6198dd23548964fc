using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

public abstract class AuthApiTests(LedgerFactory factory)
{
    [Fact]
    public async Task The_first_start_administrator_gets_a_token_with_its_expiry()
    {
        var res = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = LedgerFactory.AdminPassword });
        var body = await res.JsonAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
        Assert.True(body["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Fact]
    public async Task Wrong_password_is_401_and_five_failures_lock_the_account()
    {
        var admin = await factory.ClientAsync();
        var name = "lock" + Guid.NewGuid().ToString("N")[..6];
        await admin.UserAsync(name, "viewer");
        var anon = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var bad = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        }
        var locked = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = TestApi.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("锁定", await locked.ProblemTitle());
    }

    [Fact]
    public async Task Missing_credentials_are_400()
    {
        var res = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.NotEmpty(await res.ProblemTitle());
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        var hash = db.Users.Single(u => u.UserName == "admin").PasswordHash!;
        Assert.DoesNotContain(LedgerFactory.AdminPassword, hash);
        Assert.True(hash.Length > 40);
        _ = JsonNode.Parse("{}");
    }
}

public sealed class AuthApiSqliteTests(SqliteLedgerFactory f) : AuthApiTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class AuthApiPostgresTests(PostgresLedgerFactory f) : AuthApiTests(f), IClassFixture<PostgresLedgerFactory>;
