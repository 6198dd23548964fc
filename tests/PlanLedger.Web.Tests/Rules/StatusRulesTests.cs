using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Tests.Rules;

public sealed class StatusRulesTests
{
    [Theory]
    [InlineData("年内", "2026-12-31")]
    [InlineData("年底前", "2026-12-31")]
    [InlineData("年末", "2026-12-31")]
    [InlineData("下半年", "2026-12-31")]
    [InlineData("6月底前", "2026-06-30")]
    [InlineData("6月", "2026-06-30")]
    [InlineData("六月底", "2026-06-30")]
    [InlineData("2月", "2026-02-28")]
    [InlineData("上半年", "2026-06-30")]
    [InlineData("一季度", "2026-03-31")]
    [InlineData("第三季度", "2026-09-30")]
    [InlineData("2025年", "2025-12-31")]
    [InlineData("2027年6月底前", "2027-06-30")]
    [InlineData("9月15日前", "2026-09-15")]
    [InlineData("10月中旬", "2026-10-20")]
    [InlineData("12月", "2026-12-31")]
    public void Deadline_text_gives_the_due_date(string deadline, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StatusRules.DueDate(deadline, 2026));

    [Theory]
    [InlineData("长期坚持")]
    [InlineData("常态化推进")]
    [InlineData("持续推进")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("按上级要求")]
    public void Ongoing_or_unstated_deadlines_have_no_due_date(string? deadline) =>
        Assert.Null(StatusRules.DueDate(deadline, 2026));

    private static readonly DateOnly Start = new(2026, 1, 1);

    private static PlanTaskStatus Status(DateOnly? due, int progress, bool closed = false, bool reports = true, bool missing = false, string today = "2026-07-01") =>
        StatusRules.Compute(new StatusInput(due, progress, closed, reports, missing, Start, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Closed_out_is_done_even_when_past_due() =>
        Assert.Equal(PlanTaskStatus.Done, Status(new DateOnly(2026, 3, 31), 40, closed: true));

    [Fact]
    public void Past_due_and_not_done_is_overdue() =>
        Assert.Equal(PlanTaskStatus.Overdue, Status(new DateOnly(2026, 6, 30), 90));

    [Fact]
    public void Due_today_is_not_yet_overdue() =>
        Assert.NotEqual(PlanTaskStatus.Overdue, Status(new DateOnly(2026, 7, 1), 100));

    [Fact]
    public void Progress_lagging_elapsed_time_by_more_than_the_margin_is_at_risk()
    {
        // 1 July is ~50% of the way to 31 December.
        Assert.Equal(PlanTaskStatus.AtRisk, Status(new DateOnly(2026, 12, 31), 25));
        Assert.Equal(PlanTaskStatus.OnTrack, Status(new DateOnly(2026, 12, 31), 35));
    }

    [Fact]
    public void A_missing_report_for_the_last_due_period_is_at_risk() =>
        Assert.Equal(PlanTaskStatus.AtRisk, Status(null, 80, missing: true));

    [Fact]
    public void No_report_and_no_progress_is_not_started() =>
        Assert.Equal(PlanTaskStatus.NotStarted, Status(null, 0, reports: false));

    [Fact]
    public void Ongoing_task_with_reports_is_on_track() =>
        Assert.Equal(PlanTaskStatus.OnTrack, Status(null, 10));

    [Theory]
    [InlineData("2026-06-04", 5, "2026-04")] // June's report day not passed: May's report is not yet due, April's is
    [InlineData("2026-06-06", 5, "2026-05")]
    public void Expected_period_is_the_last_one_whose_report_day_has_passed(string today, int day, string expected) =>
        Assert.Equal(expected, StatusRules.ExpectedPeriod(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), day, new DateOnly(2026, 1, 10), 2026));

    [Fact]
    public void No_report_is_expected_for_months_before_publication() =>
        Assert.Null(StatusRules.ExpectedPeriod(new DateOnly(2026, 6, 10), 5, new DateOnly(2026, 6, 2), 2026));

    [Fact]
    public void Reporting_a_later_period_covers_the_expected_one()
    {
        Assert.False(StatusRules.IsReportMissing("2026-05", "2026-06"));
        Assert.True(StatusRules.IsReportMissing("2026-05", "2026-04"));
        Assert.True(StatusRules.IsReportMissing("2026-05", null));
    }

    // Sections: rolled up from their direct children.
    private static readonly DateOnly July = new(2026, 7, 1);
    private const PlanTaskStatus N = PlanTaskStatus.NotStarted, G = PlanTaskStatus.OnTrack, Y = PlanTaskStatus.AtRisk,
        R = PlanTaskStatus.Overdue, D = PlanTaskStatus.Done;

    private static (int Progress, PlanTaskStatus Status) RollUp(DateOnly? due, bool closed, params (PlanTaskStatus, int)[] children) =>
        StatusRules.RollUp(children, due, closed, July);

    [Fact]
    public void Section_progress_is_the_rounded_average_of_its_children()
    {
        Assert.Equal(30, RollUp(null, false, (G, 60), (N, 0)).Progress);
        Assert.Equal(34, RollUp(null, false, (G, 50), (N, 1), (G, 50)).Progress); // 33.67
        Assert.Equal(1, RollUp(null, false, (G, 1), (N, 0)).Progress); // 0.5 rounds up
    }

    [Fact]
    public void Section_is_done_when_all_children_are_done() =>
        Assert.Equal((100, D), RollUp(new DateOnly(2026, 3, 31), false, (D, 100), (D, 100)));

    [Fact]
    public void Closed_out_section_is_done() =>
        Assert.Equal(D, RollUp(null, true, (N, 0), (G, 40)).Status);

    [Fact]
    public void Section_takes_the_most_urgent_child_status()
    {
        Assert.Equal(R, RollUp(null, false, (N, 0), (G, 50), (Y, 10), (R, 90), (D, 100)).Status);
        Assert.Equal(Y, RollUp(null, false, (N, 0), (G, 50), (Y, 10), (D, 100)).Status);
        Assert.Equal(G, RollUp(null, false, (N, 0), (G, 50)).Status);
        Assert.Equal(N, RollUp(null, false, (N, 0), (N, 0)).Status);
    }

    [Fact]
    public void Section_with_some_children_done_and_the_others_not_started_is_on_track() =>
        Assert.Equal((50, G), RollUp(null, false, (D, 100), (N, 0)));

    [Fact]
    public void Section_past_its_own_due_date_and_not_all_done_is_overdue()
    {
        Assert.Equal(R, RollUp(new DateOnly(2026, 6, 30), false, (G, 90), (D, 100)).Status);
        Assert.Equal(G, RollUp(new DateOnly(2026, 7, 1), false, (G, 90), (D, 100)).Status);
    }

    [Fact]
    public void Plan_wide_refresh_rolls_up_leaves_first_then_sections_bottom_up()
    {
        var plan = new Plan { Year = 2026, Status = PlanStatus.Draft };
        var top = new PlanTask { Id = 1 };
        var mid = new PlanTask { Id = 2, ParentId = 1 };
        var leafA = new PlanTask { Id = 3, ParentId = 2, Progress = 100, ClosedAt = DateTimeOffset.UnixEpoch };
        var leafB = new PlanTask { Id = 4, ParentId = 2, Progress = 20, LastReportPeriod = "2026-06" };
        var leafC = new PlanTask { Id = 5, ParentId = 1 };
        // Given top-down, as a plan lists them: the refresh must still compute children before parents.
        var changed = new[] { top, mid, leafC, leafA, leafB }.RefreshStatuses(plan, July);
        Assert.Equal(D, leafA.Status);
        Assert.Equal(G, leafB.Status);
        Assert.Equal(N, leafC.Status);
        Assert.Equal((60, G), (mid.Progress, mid.Status));
        Assert.Equal((30, G), (top.Progress, top.Status));
        Assert.Equal(5 - 1, changed); // leafC stays not_started

        leafB.ClosedAt = DateTimeOffset.UnixEpoch;
        leafB.Progress = 100;
        leafC.ClosedAt = DateTimeOffset.UnixEpoch;
        leafC.Progress = 100;
        new[] { top, mid, leafC, leafA, leafB }.RefreshStatuses(plan, July);
        Assert.Equal((100, D), (mid.Progress, mid.Status));
        Assert.Equal((100, D), (top.Progress, top.Status));
    }

    [Fact]
    public void Unsaved_tasks_are_linked_by_their_parent_reference()
    {
        var plan = new Plan { Year = 2026, Status = PlanStatus.Draft };
        var section = new PlanTask();
        var leaf = new PlanTask { Parent = section, Progress = 40, LastReportPeriod = "2026-06" };
        new[] { section, leaf }.RefreshStatuses(plan, July);
        Assert.Equal((40, G), (section.Progress, section.Status));
    }
}
