using System.Net;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Pages;

/// <summary>
/// Pages and API reads cost a fixed number of SQL commands whatever the plan's size (no query per task or report),
/// so they stay fast at province scale. Compared: a 5-task plan and seed 000 (dozens of tasks), both with reports.
/// </summary>
public abstract class QueryCountTests(LedgerFactory factory)
{
    private async Task<int> PublishedPlanWithReportsAsync(HttpClient admin, string fileName, byte[] bytes)
    {
        var plan = await admin.PostFileAsync(fileName, bytes);
        await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray();
        var year = plan["year"]!.GetValue<int>();
        // Reports go on leaf tasks: a section is rolled up from its children.
        var parents = tasks.Select(t => t!["parentId"]?.GetValue<int?>()).OfType<int>().ToHashSet();
        foreach (var t in tasks.Where(t => !parents.Contains(t!.Id())).Take(4))
            for (var m = 1; m <= 3; m++)
                await admin.PostJsonAsync($"/api/v1/tasks/{t!.Id()}/reports", new { period = $"{year}-0{m}", progress = m * 10, text = "进展" });
        return plan.Id();
    }

    private async Task<int> CountAsync(Func<Task> read)
    {
        await read(); // warm up (sign-in, caches)
        factory.Commands.Reset();
        await read();
        return factory.Commands.Count;
    }

    [Fact]
    public async Task Reading_a_plan_costs_the_same_number_of_queries_for_5_or_many_tasks()
    {
        var admin = await factory.ClientAsync();
        var small = await PublishedPlanWithReportsAsync(admin, "small.txt", SyntheticPlan.Unique());
        var large = await PublishedPlanWithReportsAsync(admin, "000.txt", await File.ReadAllBytesAsync(Seeds.Seed000));
        var page = await PageClient.SignInAsync(factory);
        foreach (var url in new[] { "/Plans/{0}/Ledger", "/Plans/{0}/Ledger?View=tree", "/Plans/{0}/Dashboard", "/Plans/{0}/Review",
                     "/api/v1/plans/{0}", "/api/v1/plans/{0}/tasks", "/api/v1/plans/{0}/summary" })
        {
            var client = url.StartsWith("/api", StringComparison.Ordinal) ? admin : page.Http;
            var a = await CountAsync(async () => (await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, small))).EnsureSuccessStatusCode());
            var b = await CountAsync(async () => (await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, large))).EnsureSuccessStatusCode());
            Assert.True(a == b, $"{url}: {a} queries for the small plan, {b} for seed 000");
            Assert.True(b <= 12, $"{url}: {b} queries");
        }
    }
}

public sealed class QueryCountSqliteTests(SqliteLedgerFactory f) : QueryCountTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class QueryCountPostgresTests(PostgresLedgerFactory f) : QueryCountTests(f), IClassFixture<PostgresLedgerFactory>;
