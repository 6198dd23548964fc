using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Pages;

/// <summary>Evidence files (type-checked, size-limited, readable only by those who may read the task); unit aliases and merge.</summary>
public abstract class EvidenceAndUnitsTests(LedgerFactory factory)
{
    private async Task<(int TaskId, string Reporter)> ReportableTaskAsync()
    {
        var admin = await factory.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var unit = $"证据股{n}";
        var unitId = await admin.UnitAsync(unit);
        await admin.UserAsync($"ev{n}", "reporter", unitId);
        var plan = await admin.PostFileAsync("e.txt", SyntheticPlan.Text($"""
            {DateTime.UtcNow.Year}年工作要点 {n}
            一、重点任务
            1.新建幼儿园3处。牵头单位：{unit}。完成时限：年内。
            """));
        await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        var task = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray().Single(t => t!["lead"]!.AsArray().Count > 0)!;
        return (task.Id(), $"ev{n}");
    }

    private static Dictionary<string, string> Report(string period) => new() { ["period"] = period, ["progress"] = "50", ["text"] = "附佐证" };

    [Fact]
    public async Task Evidence_is_stored_outside_the_database_and_downloadable_by_readers_only()
    {
        var (taskId, reporter) = await ReportableTaskAsync();
        var page = await PageClient.SignInAsync(factory, reporter);
        var pdf = "%PDF-1.4\n% test evidence\n"u8.ToArray();
        var res = await page.PostFormAsync($"/Tasks/{taskId}", $"/Tasks/{taskId}?handler=Report", Report("2026-03"), [("evidence", "验收报告.pdf", pdf)]);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("验收报告.pdf", html);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/files/\\d+)\"").Groups[1].Value;

        Assert.Equal(pdf, await page.Http.GetByteArrayAsync(link));
        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "files"));
        Assert.Contains(files, f => File.ReadAllBytes(f).SequenceEqual(pdf));

        // A sibling organisation's office does not see it.
        var admin = await factory.ClientAsync();
        var org = await admin.OrganisationAsync("旁县" + Guid.NewGuid().ToString("N")[..6]);
        var outsider = "out" + Guid.NewGuid().ToString("N")[..6];
        await admin.UserAsync(outsider, "office", organisationId: org);
        var other = await PageClient.SignInAsync(factory, outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(link)).StatusCode);
        var api = await factory.ClientAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1" + link.Replace("/files/", "/evidence/"))).StatusCode);
    }

    [Fact]
    public async Task Evidence_of_the_wrong_type_or_size_is_refused_and_no_report_is_stored()
    {
        var (taskId, reporter) = await ReportableTaskAsync();
        var page = await PageClient.SignInAsync(factory, reporter);
        var fake = await page.PostFormAsync($"/Tasks/{taskId}", $"/Tasks/{taskId}?handler=Report", Report("2026-04"), [("evidence", "x.pdf", "MZ not a pdf"u8.ToArray())]);
        Assert.Contains("附件内容与扩展名不符", await fake.Content.ReadAsStringAsync());
        var exe = await page.PostFormAsync($"/Tasks/{taskId}", $"/Tasks/{taskId}?handler=Report", Report("2026-04"), [("evidence", "run.exe", "MZ"u8.ToArray())]);
        Assert.Contains("不支持的附件类型", await exe.Content.ReadAsStringAsync());
        var big = await page.PostFormAsync($"/Tasks/{taskId}", $"/Tasks/{taskId}?handler=Report", Report("2026-04"),
            [("evidence", "big.txt", Enumerable.Repeat((byte)'a', 200_000).ToArray())]);
        Assert.Contains("附件过大", await big.Content.ReadAsStringAsync());
        var reports = (await (await factory.ClientAsync()).GetJsonAsync($"/api/v1/tasks/{taskId}/reports")).AsArray();
        Assert.Empty(reports);
    }

    [Fact]
    public async Task Unit_aliases_map_names_as_written_and_merging_moves_the_links()
    {
        var admin = await factory.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var city = await admin.UnitAsync($"市财政局{n}", aliases: $"财政局{n}");
        var dup = await admin.UnitAsync($"财政部门{n}");
        var plan = await admin.PostFileAsync("u.txt", SyntheticPlan.Text($"""
            {DateTime.UtcNow.Year}年工作要点 {n}
            一、保障
            1.落实经费1000万元。牵头单位：财政局{n}。配合单位：财政部门{n}。完成时限：年内。
            """));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var links = await db.TaskUnits.Where(u => u.Task!.PlanId == plan.Id()).ToListAsync();
            Assert.Contains(links, l => l.Name == $"财政局{n}" && l.UnitId == city);
            Assert.Contains(links, l => l.Name == $"财政部门{n}" && l.UnitId == dup);
        }
        await admin.PostJsonAsync($"/api/v1/units/{dup}/merge", new { intoId = city }, HttpStatusCode.OK);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var links = await db.TaskUnits.Where(u => u.Task!.PlanId == plan.Id()).ToListAsync();
            Assert.All(links, l => Assert.Equal(city, l.UnitId));
            Assert.Contains($"财政部门{n}", (await db.Units.SingleAsync(u => u.Id == city)).Aliases);
        }
        var units = (await admin.GetJsonAsync("/api/v1/units")).AsArray();
        Assert.DoesNotContain(units, u => u!.Id() == dup);
    }
}

public sealed class EvidenceAndUnitsSqliteTests(SqliteLedgerFactory f) : EvidenceAndUnitsTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class EvidenceAndUnitsPostgresTests(PostgresLedgerFactory f) : EvidenceAndUnitsTests(f), IClassFixture<PostgresLedgerFactory>;
