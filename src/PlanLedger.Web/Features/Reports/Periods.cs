using System.Globalization;
using System.Text.RegularExpressions;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Reports;

/// <summary>
/// The one validator of reporting periods (报送周期): <c>yyyy-MM</c> in ASCII digits and nothing else (no full-width
/// digits, no trailing newline), a month of the plan's year, and not in the future.
/// </summary>
public static partial class Periods
{
    public static bool IsWellFormed(string? period) => period is not null && PeriodRegex().IsMatch(period);

    /// <summary>Null when <paramref name="period"/> is acceptable for <paramref name="plan"/> on <paramref name="today"/>.</summary>
    public static Failure? Check(string? period, Plan plan, DateOnly today)
    {
        if (string.IsNullOrEmpty(period)) return Failure.BadRequest("缺少报送周期");
        if (!IsWellFormed(period)) return Failure.BadRequest("报送周期格式应为 yyyy-MM");
        var year = int.Parse(period[..4], CultureInfo.InvariantCulture);
        if (year != plan.Year) return Failure.BadRequest($"报送周期应在计划年度 {plan.Year} 年内");
        if (string.CompareOrdinal(period, Tasks.StatusRules.PeriodOf(today)) > 0)
            return Failure.BadRequest("不能填报未来的周期");
        return null;
    }

    /// <summary>Well-formed only (for queries: the period view, missing, urge).</summary>
    public static Failure? CheckFormat(string? period) =>
        IsWellFormed(period) ? null : Failure.BadRequest("报送周期格式应为 yyyy-MM");

    [GeneratedRegex(@"\A[0-9]{4}-(0[1-9]|1[0-2])\z", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodRegex();
}
