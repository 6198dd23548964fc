using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Reminders;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>The reminder job: overdue marking and per-unit notifications (due soon, missing), shown on the unit's home page.</summary>
public abstract class RemindersTests(LedgerFactory factory)
{
    private async Task<(int PlanId, int UnitId, string Reporter)> PublishedPlanAsync()
    {
        var admin = await factory.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var unit = $"提醒股{n}";
        var unitId = await admin.UnitAsync(unit);
        await admin.UserAsync($"remind{n}", "reporter", unitId);
        var plan = await admin.PostFileAsync("r.txt", SyntheticPlan.Text($"""
            2026年工作要点 {n}
            一、重点任务
            1.新建幼儿园3处。牵头单位：{unit}。完成时限：6月底前。
            """), year: 2026);
        await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var p = await db.Plans.SingleAsync(x => x.Id == plan.Id());
        p.PublishedAt = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
        await db.SaveChangesAsync();
        Assert.True(await db.TaskUnits.AnyAsync(u => u.UnitId == unitId && u.Task!.PlanId == plan.Id()), "the lead unit is mapped on import by its name");
        return (plan.Id(), unitId, $"remind{n}");
    }

    private async Task<ReminderRun> RunAt(string date)
    {
        using var scope = factory.Services.CreateScope();
        var job = new ReminderJob(scope.ServiceProvider.GetRequiredService<LedgerDbContext>(),
            scope.ServiceProvider.GetRequiredService<IOptions<LedgerOptions>>(),
            new FixedClock(DateTimeOffset.Parse(date + "T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        return await job.RunAsync();
    }

    private List<Notification> Notifications(int unitId)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Notifications.AsNoTracking().Where(n => n.UnitId == unitId).ToList();
    }

    [Fact]
    public async Task Units_are_told_of_reports_due_soon_and_missing_once_and_see_it_on_their_home_page()
    {
        var (_, unitId, reporter) = await PublishedPlanAsync();
        await RunAt("2026-06-02");
        var notes = Notifications(unitId);
        Assert.Contains(notes, n => n.Kind == NotificationKind.ReportDueSoon && n.Period == "2026-05");
        Assert.Contains(notes, n => n.Kind == NotificationKind.ReportMissing && n.Period == "2026-04");

        await RunAt("2026-06-02");
        Assert.Equal(notes.Count, Notifications(unitId).Count);

        var page = await PageClient.SignInAsync(factory, reporter);
        var home = await page.GetHtmlAsync("/");
        Assert.Contains("2026-04 进展未报送", home);
        Assert.Contains("2026-05 进展请于 2026-06-05 前报送", home);

        // Opening the task marks its reminders read: they leave the home page.
        var taskId = notes[0].TaskId;
        await page.GetHtmlAsync($"/Tasks/{taskId}");
        Assert.DoesNotContain("2026-04 进展未报送", await page.GetHtmlAsync("/"));
    }

    [Fact]
    public async Task Past_due_tasks_are_marked_overdue_and_the_unit_is_told()
    {
        var (planId, unitId, _) = await PublishedPlanAsync();
        await RunAt("2026-05-10");
        var admin0 = await factory.ClientAsync();
        var before = (await admin0.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Single(t => t!["deadline"]?.GetValue<string>() == "6月底前")!;
        Assert.NotEqual("overdue", before["status"]!.GetValue<string>());
        Assert.DoesNotContain(Notifications(unitId), n => n.Kind == NotificationKind.TaskOverdue);
        var run = await RunAt("2026-07-03");
        Assert.True(run.StatusChanges >= 1);
        Assert.Contains(Notifications(unitId), n => n.Kind == NotificationKind.TaskOverdue);
        var admin = await factory.ClientAsync();
        var task = (await admin.GetJsonAsync($"/api/v1/plans/{planId}/tasks")).AsArray().Single(t => t!["deadline"]?.GetValue<string>() == "6月底前")!;
        Assert.Equal("overdue", task["status"]!.GetValue<string>());
        var summary = await admin.GetJsonAsync($"/api/v1/plans/{planId}/summary");
        Assert.Equal(1, summary["byStatus"]!["overdue"]!.GetValue<int>());
    }

    [Fact]
    public async Task Supporting_units_that_do_not_file_get_no_reminders_and_past_years_are_left_alone()
    {
        var admin = await factory.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var lead = await admin.UnitAsync($"牵头股{n}");
        var helper = await admin.UnitAsync($"配合股{n}");
        var old = await admin.UnitAsync($"往年股{n}");
        async Task<int> Publish(int year, string body)
        {
            var plan = await admin.PostFileAsync($"s{year}.txt", SyntheticPlan.Text($"""
                {year}年工作要点 {n}
                一、重点任务
                {body}
                """), year: year);
            await admin.PostJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }, HttpStatusCode.OK);
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var p = await db.Plans.SingleAsync(x => x.Id == plan.Id());
            p.PublishedAt = new DateTimeOffset(year, 1, 15, 0, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
            return plan.Id();
        }
        await Publish(2026, $"1.新建幼儿园3处。牵头单位：牵头股{n}。配合单位：配合股{n}。完成时限：12月底前。");
        var past = await Publish(2025, $"1.改造校舍5处。牵头单位：往年股{n}。完成时限：12月底前。");

        await RunAt("2026-06-02");
        Assert.Contains(Notifications(lead), x => x.Kind == NotificationKind.ReportMissing);
        Assert.Empty(Notifications(helper));
        // Last year's plan has no open period in June: neither reminders nor status passes.
        Assert.Empty(Notifications(old));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            Assert.True(await db.TaskUnits.AnyAsync(u => u.UnitId == helper && u.Role == UnitRole.Support), "the supporting unit is linked");
            Assert.Empty(await ReminderJob.Open(db.Plans.Where(p => p.Id == past), new DateOnly(2026, 6, 2)).ToListAsync());
            Assert.Single(await ReminderJob.Open(db.Plans.Where(p => p.Id == past), new DateOnly(2026, 1, 3)).ToListAsync());
        }
    }
}

public sealed class RemindersSqliteTests(SqliteLedgerFactory f) : RemindersTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class RemindersPostgresTests(PostgresLedgerFactory f) : RemindersTests(f), IClassFixture<PostgresLedgerFactory>;
