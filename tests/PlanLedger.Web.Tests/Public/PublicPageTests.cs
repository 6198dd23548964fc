using System.Net;
using System.Net.Http.Headers;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Public;

/// <summary>政务公开: a published plan's public view at a stable URL, without signing in, and nothing private on it.</summary>
public abstract class PublicPageTests(LedgerFactory factory)
{
    [Fact]
    public async Task The_public_page_shows_tasks_without_sign_in_and_nothing_private()
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.PostFileAsync("pub.txt", SyntheticPlan.Unique());
        var id = plan.Id();
        // a draft cannot be made public
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/plans/{id}/public", null)).StatusCode);
        await admin.PostJsonAsync($"/api/v1/plans/{id}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{id}/tasks")).AsArray();
        var leaf = tasks.First(t => t!["heading"]!.GetValue<string>().Contains("幼儿园"))!;
        const string secret = "内部进展：选址涉及征地补偿争议";
        var report = await admin.PostJsonAsync($"/api/v1/tasks/{leaf.Id()}/reports", new { period = $"{DateTime.UtcNow.Year}-01", progress = 40, text = secret });
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent("%PDF-1.4 evidence"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "files", "征地协议扫描件.pdf");
            await admin.PostAsync($"/api/v1/reports/{report.Id()}/evidence", form);
        }

        var link = await admin.PostJsonAsync($"/api/v1/plans/{id}/public", new { }, HttpStatusCode.OK);
        var url = link["url"]!.GetValue<string>();
        Assert.StartsWith("/public/", url);
        // the same link when published again (stable URL)
        Assert.Equal(url, (await admin.PostJsonAsync($"/api/v1/plans/{id}/public", new { }, HttpStatusCode.OK))["url"]!.GetValue<string>());

        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var res = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<h1>", html);
        Assert.Contains("<th scope=\"col\">牵头单位</th>", html);
        Assert.Contains("<caption>", html);
        Assert.Contains(leaf["heading"]!.GetValue<string>(), html);
        Assert.Contains("基础教育股", html);
        Assert.Contains("40%", html);
        Assert.DoesNotContain(secret, html);
        Assert.DoesNotContain("征地协议", html);
        Assert.DoesNotContain("admin", html);
        Assert.DoesNotContain("/Tasks/", html);

        // a leader cannot unpublish; an unknown token is 404; unpublishing removes the page
        await admin.UserAsync("pub-leader", "leader");
        var reporter = await factory.ClientAsync("pub-leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.DeleteAsync($"/api/v1/plans/{id}/public")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/plans/{id}/public")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);

        // the office's page publishes it again, with a new address
        var page = await PageClient.SignInAsync(factory);
        var manage = await page.PostFormAsync($"/Plans/{id}/Public", $"/Plans/{id}/Public?handler=Publish", []);
        var manageHtml = await manage.Content.ReadAsStringAsync();
        Assert.Contains("public-link", manageHtml);
        Assert.DoesNotContain(url + "\"", manageHtml);
    }
}

public sealed class PublicPageSqliteTests(SqliteLedgerFactory f) : PublicPageTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class PublicPagePostgresTests(PostgresLedgerFactory f) : PublicPageTests(f), IClassFixture<PostgresLedgerFactory>;
