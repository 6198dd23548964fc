using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>User administration (edit, reset password, unlock, deactivate), own password change, draft deletion.</summary>
public abstract class UserAdminTests(LedgerFactory factory)
{
    private static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private static async Task<int> NewUserAsync(HttpClient admin, string userName, string role, int? unitId = null, int? organisationId = null) =>
        (await admin.PostJsonAsync("/api/v1/users", new { userName, password = TestApi.Password, displayName = userName, role, unitId, organisationId })).Id();

    private async Task<HttpStatusCode> TokenStatusAsync(string user, string password) =>
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = user, password })).StatusCode;

    [Fact]
    public async Task Admin_edits_a_users_role_and_unit_and_the_change_is_audited()
    {
        var admin = await factory.ClientAsync();
        var unit = await admin.UnitAsync(Name("股室"));
        var name = Name("edit");
        var id = await NewUserAsync(admin, name, "viewer");
        var noUnit = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "reporter" });
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        Assert.Contains("单位", await noUnit.ProblemTitle());
        var edited = await (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "张三", role = "reporter", unitId = unit })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Reporter", edited["role"]!.GetValue<string>());
        Assert.Equal(unit, edited["unitId"]!.GetValue<int>());
        Assert.Equal("张三", edited["displayName"]!.GetValue<string>());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        var entries = await db.AuditEntries.Where(a => a.Entity == "AppUser" && a.EntityId == id.ToString()).ToListAsync();
        Assert.Contains(entries, a => a.Action == "modified" && a.After!.Contains("Reporter"));
        Assert.DoesNotContain(entries, a => (a.After ?? "").Contains("PasswordHash") || (a.Before ?? "").Contains("PasswordHash"));
    }

    [Fact]
    public async Task Reset_password_then_the_new_one_gets_a_token_and_weak_ones_are_refused_in_chinese()
    {
        var admin = await factory.ClientAsync();
        var name = Name("reset");
        var id = await NewUserAsync(admin, name, "viewer");
        var weak = await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("密码至少 8 位", await weak.Content.ReadAsStringAsync());
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "brand-new-pass" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(name, "brand-new-pass"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(name, TestApi.Password));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
        var note = await db.AuditEntries.SingleAsync(a => a.Entity == "AppUser" && a.EntityId == id.ToString() && a.Action == "password_reset");
        Assert.Equal("admin", note.UserName);
        Assert.DoesNotContain("brand-new-pass", note.After ?? "");
    }

    [Fact]
    public async Task Unlock_after_lockout_lets_the_user_sign_in_again()
    {
        var admin = await factory.ClientAsync();
        var name = Name("unlock");
        var id = await NewUserAsync(admin, name, "viewer");
        for (var i = 0; i < 5; i++) await TokenStatusAsync(name, "wrong-password");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(name, TestApi.Password));
        Assert.True((await admin.GetJsonAsync($"/api/v1/users/{id}"))["lockedOut"]!.GetValue<bool>());
        var unlocked = await (await admin.PostAsync($"/api/v1/users/{id}/unlock", null)).JsonAsync(HttpStatusCode.OK);
        Assert.False(unlocked["lockedOut"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(name, TestApi.Password));
    }

    [Fact]
    public async Task A_deactivated_user_gets_401_on_token_and_cannot_sign_in_on_the_page_until_reactivated()
    {
        var admin = await factory.ClientAsync();
        var name = Name("off");
        var id = await NewUserAsync(admin, name, "office");
        var off = await (await admin.PostAsync($"/api/v1/users/{id}/deactivate", null)).JsonAsync(HttpStatusCode.OK);
        Assert.False(off["active"]!.GetValue<bool>());
        var res = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = TestApi.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.Contains("停用", await res.ProblemTitle());
        var browser = new PageClient(factory.CreateClient());
        var page = await browser.PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = name, ["Password"] = TestApi.Password });
        Assert.Contains("账户已停用", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/Account/Login")).StatusCode);
        (await admin.PostAsync($"/api/v1/users/{id}/reactivate", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(name, TestApi.Password));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_deactivated_nor_demoted()
    {
        var admin = await factory.ClientAsync();
        var root = await admin.GetJsonAsync("/api/v1/users/1");
        Assert.Equal("admin", root["userName"]!.GetValue<string>());
        // Other admins may exist from other tests of this class: deactivate them all first, through the API.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
            foreach (var other in await db.Users.Where(u => u.Id != 1 && u.Role == PlanLedger.Web.Data.Entities.UserRole.Admin && u.DeactivatedAt == null).Select(u => u.Id).ToListAsync())
                (await admin.PostAsync($"/api/v1/users/{other}/deactivate", null)).EnsureSuccessStatusCode();
        }
        var off = await admin.PostAsync("/api/v1/users/1/deactivate", null);
        Assert.Equal(HttpStatusCode.Conflict, off.StatusCode);
        Assert.Contains("最后一个管理员", await off.ProblemTitle());
        var demote = await admin.PutAsJsonAsync("/api/v1/users/1", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync("admin", LedgerFactory.AdminPassword));
    }

    [Fact]
    public async Task Non_admins_can_do_none_of_it_and_another_organisations_user_is_404()
    {
        var admin = await factory.ClientAsync();
        var target = await NewUserAsync(admin, Name("tgt"), "viewer");
        var officeName = Name("ofc");
        await NewUserAsync(admin, officeName, "office");
        var office = await factory.ClientAsync(officeName);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PutAsJsonAsync($"/api/v1/users/{target}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/v1/users/{target}/password", new { password = "hijacked-pass" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"/api/v1/users/{target}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"/api/v1/users/{target}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"/api/v1/users/{target}/reactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync((await admin.GetJsonAsync($"/api/v1/users/{target}"))["userName"]!.GetValue<string>(), TestApi.Password));
        var page = await PageClient.SignInAsync(factory, officeName);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync($"/Admin/Users/{target}")).StatusCode);

        var org = await admin.OrganisationAsync(Name("县"));
        var subAdminName = Name("sub");
        await NewUserAsync(admin, subAdminName, "admin", organisationId: org);
        var subAdmin = await factory.ClientAsync(subAdminName);
        Assert.Equal(HttpStatusCode.NotFound, (await subAdmin.PostAsync($"/api/v1/users/{target}/deactivate", null)).StatusCode);
    }

    [Fact]
    public async Task Admin_edits_a_user_on_the_page()
    {
        var admin = await factory.ClientAsync();
        var name = Name("pg");
        var id = await NewUserAsync(admin, name, "viewer");
        var browser = await PageClient.SignInAsync(factory);
        Assert.Contains($"/Admin/Users/{id}", await browser.GetHtmlAsync("/Admin/Users"));
        var res = await browser.PostFormAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=Update",
            new() { ["displayName"] = "<b>李四</b>", ["role"] = "Leader", ["organisationId"] = "1", ["unitId"] = "" });
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("已保存", html);
        Assert.Contains("&lt;b&gt;李四&lt;/b&gt;", html);
        Assert.Equal("Leader", (await admin.GetJsonAsync($"/api/v1/users/{id}"))["role"]!.GetValue<string>());
        var weak = await browser.PostFormAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=Password", new() { ["password"] = "abc" });
        Assert.Contains("密码至少 8 位", await weak.Content.ReadAsStringAsync());
        var off = await browser.PostFormAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=Active", new() { ["active"] = "false" });
        Assert.Contains("已停用", await off.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(name, TestApi.Password));
    }

    [Fact]
    public async Task A_user_changes_their_own_password()
    {
        var admin = await factory.ClientAsync();
        var name = Name("own");
        await NewUserAsync(admin, name, "leader");
        var browser = await PageClient.SignInAsync(factory, name);
        var wrong = await browser.PostFormAsync("/Account/Password", "/Account/Password",
            new() { ["current"] = "not-my-password", ["password"] = "my-new-password", ["confirm"] = "my-new-password" });
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync());
        var ok = await browser.PostFormAsync("/Account/Password", "/Account/Password",
            new() { ["current"] = TestApi.Password, ["password"] = "my-new-password", ["confirm"] = "my-new-password" });
        Assert.Contains("密码已修改", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(name, "my-new-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(name, TestApi.Password));
    }

    [Fact]
    public async Task A_draft_is_deleted_and_the_same_file_imports_again_but_published_and_foreign_plans_are_not()
    {
        var admin = await factory.ClientAsync();
        var bytes = SyntheticPlan.Unique();
        var plan = (await admin.PostFileAsync("d.txt", bytes)).Id();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.UploadAsync("d.txt", bytes)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/plans/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/plans/{plan}")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanLedger.Web.Data.LedgerDbContext>();
            Assert.False(await db.Tasks.AnyAsync(t => t.PlanId == plan));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "Plan" && a.EntityId == plan.ToString() && a.Action == "deleted"));
        }
        var again = (await admin.PostFileAsync("d.txt", bytes)).Id();
        await admin.PostJsonAsync($"/api/v1/plans/{again}/publish", new { }, HttpStatusCode.OK);
        var published = await admin.DeleteAsync($"/api/v1/plans/{again}");
        Assert.Equal(HttpStatusCode.Conflict, published.StatusCode);
        Assert.Contains("已发布", await published.ProblemTitle());

        var org = await admin.OrganisationAsync(Name("丙县"));
        var otherOffice = Name("oo");
        await NewUserAsync(admin, otherOffice, "office", organisationId: org);
        var foreign = (await (await factory.ClientAsync(otherOffice)).PostFileAsync("f.txt", SyntheticPlan.Unique())).Id();
        var siblingName = Name("so");
        var org2 = await admin.OrganisationAsync(Name("丁县"));
        await NewUserAsync(admin, siblingName, "office", organisationId: org2);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsync(siblingName)).DeleteAsync($"/api/v1/plans/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/plans/{foreign}")).StatusCode); // a draft below is invisible
    }

    [Fact]
    public async Task A_draft_is_deleted_from_the_plans_list_page()
    {
        var browser = await PageClient.SignInAsync(factory);
        var res = await browser.PostFormAsync("/Plans/Import", "/Plans/Import", new(), [("Upload", "p.txt", SyntheticPlan.Unique())]);
        var planId = res.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[2];
        Assert.Contains($"delete-plan-{planId}", await browser.GetHtmlAsync("/Plans"));
        var deleted = await browser.PostFormAsync("/Plans", $"/Plans?handler=Delete&id={planId}", new());
        var html = await deleted.Content.ReadAsStringAsync();
        Assert.Contains("计划已删除", html);
        Assert.DoesNotContain($"delete-plan-{planId}", html);
    }
}

public sealed class UserAdminSqliteTests(SqliteLedgerFactory f) : UserAdminTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class UserAdminPostgresTests(PostgresLedgerFactory f) : UserAdminTests(f), IClassFixture<PostgresLedgerFactory>;
