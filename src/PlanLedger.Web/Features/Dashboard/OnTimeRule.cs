using System.Linq.Expressions;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Review;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>A monthly period whose report is already due: its first day and the moment its report became late (报送日 23:59:59 UTC).</summary>
public readonly record struct DuePeriod(string Period, DateOnly Start, DateTimeOffset DueAt);

/// <summary>
/// 按时报送率, the one rule (used by the plan dashboard's <see cref="SupervisionStats"/>, hence the year dashboard, and by the
/// roll-up's SQL): a unit linked to a leaf task owes one report for each period already due — from the month of publication
/// to the last period whose report day has passed — unless the task was due before the period began or was closed out
/// before its report day; it is on time when a live report of the task for that period, by the unit (or by nobody in
/// particular), was submitted by the report day. Rate = on time ÷ owed (nothing owed → 100 %).
/// </summary>
public static class OnTimeRule
{
    /// <summary>The day the rule is applied on (UTC, as the report days are).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The periods of <paramref name="plan"/> whose report is due on <paramref name="today"/>, oldest first.</summary>
    public static List<DuePeriod> DuePeriods(Plan plan, DateOnly today)
    {
        var due = new List<DuePeriod>();
        var expected = StatusRules.ExpectedPeriod(today, plan.ReportDay, plan.PublishedAt is { } pa ? DateOnly.FromDateTime(pa.UtcDateTime) : null, plan.Year);
        if (expected is null || plan.PublishedAt is not { } published) return due;
        for (var m = new DateOnly(published.Year, published.Month, 1); string.CompareOrdinal(StatusRules.PeriodOf(m), expected) <= 0; m = m.AddMonths(1))
        {
            var (start, end) = PeriodService.Bounds(StatusRules.PeriodOf(m));
            var dueDay = end.AddDays(Math.Clamp(plan.ReportDay, 1, 28));
            due.Add(new DuePeriod(StatusRules.PeriodOf(m), start, new DateTimeOffset(dueDay.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)));
        }
        return due;
    }

    /// <summary>Whether a task with this due date and close-out owes a report for <paramref name="p"/>.</summary>
    public static bool Owes(DateOnly? dueDate, DateTimeOffset? closedAt, DuePeriod p) =>
        (dueDate is null || dueDate >= p.Start) && (closedAt is null || closedAt > p.DueAt);

    /// <summary><see cref="Owes(DateOnly?, DateTimeOffset?, DuePeriod)"/> as a query over tasks (translated to SQL).</summary>
    public static Expression<Func<PlanTask, bool>> Owes(DuePeriod p)
    {
        var start = p.Start;
        var dueAt = p.DueAt;
        return t => (t.DueDate == null || t.DueDate >= start) && (t.ClosedAt == null || t.ClosedAt > dueAt);
    }

    /// <summary>Whether a live report for <paramref name="p"/>, submitted at <paramref name="submittedAt"/>, counts as on time.</summary>
    public static bool FiledOnTime(string period, DateTimeOffset submittedAt, DuePeriod p) => period == p.Period && submittedAt <= p.DueAt;

    /// <summary>The live reports of period <paramref name="p"/> submitted by its report day, as a query (translated to SQL).</summary>
    public static Expression<Func<ProgressReport, bool>> FiledOnTime(DuePeriod p)
    {
        var period = p.Period;
        var dueAt = p.DueAt;
        return r => r.LiveKey != null && r.Period == period && r.SubmittedAt <= dueAt;
    }

    /// <summary>The report is the unit's own or nobody's in particular (a report filed without a unit counts for every linked unit).</summary>
    public static bool ByUnit(int? reportUnitId, int unitId) => reportUnitId == unitId || reportUnitId == null;

    /// <summary>按时报送率 from the counts: rounded to 0.001; nothing owed → 1.</summary>
    public static double Rate(int onTime, int owed) => owed == 0 ? 1 : Math.Round((double)onTime / owed, 3);
}
