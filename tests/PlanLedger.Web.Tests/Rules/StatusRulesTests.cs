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
}
