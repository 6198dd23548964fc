using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanLedger.Documents;

/// <summary>
/// The one rule for what a deadline as written (完成时限) means as a date, for a plan's year: 年内/年底/年末/下半年/全年
/// → 12-31; 上半年 → 06-30; 一季度…四季度 → the quarter's last day; 6月/6月底前 → 06-30; 6月15日 → 06-15; 上旬/初 → the
/// 10th, 中旬 → the 20th; a range (3~6月, 9月-11月) → its end; 春季(学期) → 03-31, 暑期 → 08-31, 秋季(学期) → 09-30;
/// 2025年 → 2025-12-31 (a year written in the deadline overrides the plan year; 2025年上半年 → 2025-06-30);
/// N年内 → the end of the plan's N-th year; 长期坚持/常态化/持续/按期/及时 → none.
/// </summary>
public static partial class DueDates
{
    public static DateOnly? Resolve(string? deadline, int planYear)
    {
        if (string.IsNullOrWhiteSpace(deadline)) return null;
        var t = deadline.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (t.Contains("长期", StringComparison.Ordinal) || t.Contains("常态", StringComparison.Ordinal) || t.Contains("持续", StringComparison.Ordinal)
            || t.Contains("经常", StringComparison.Ordinal) || t.Contains("按期", StringComparison.Ordinal) || t.Contains("及时", StringComparison.Ordinal)) return null;
        var year = planYear;
        var ym = YearRegex().Matches(t);
        if (ym.Count > 0) year = int.Parse(ym[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var within = WithinYears().Match(t);
        if (within.Success && ym.Count == 0) year = planYear + Math.Max(1, int.Parse(within.Groups[1].Value, CultureInfo.InvariantCulture)) - 1;
        if (year is < 1900 or > 2200) return null;

        var md = MonthDayRegex().Matches(t);
        if (md.Count > 0)
        {
            var last = md[^1];
            var month = Month(last.Groups["m"].Value);
            if (month is >= 1 and <= 12)
            {
                var days = DateTime.DaysInMonth(year, month);
                if (last.Groups["d"].Success)
                    return new DateOnly(year, month, Math.Clamp(int.Parse(last.Groups["d"].Value, CultureInfo.InvariantCulture), 1, days));
                var rest = t[(last.Index + last.Length)..];
                if (rest.StartsWith("上旬", StringComparison.Ordinal) || rest.StartsWith('初')) return new DateOnly(year, month, 10);
                if (rest.StartsWith("中旬", StringComparison.Ordinal)) return new DateOnly(year, month, 20);
                return new DateOnly(year, month, days);
            }
        }
        if (t.Contains("上半年", StringComparison.Ordinal)) return new DateOnly(year, 6, 30);
        var q = QuarterRegex().Match(t);
        if (q.Success)
        {
            var quarter = Month(q.Groups[1].Value);
            if (quarter is >= 1 and <= 4) return new DateOnly(year, quarter * 3, DateTime.DaysInMonth(year, quarter * 3));
        }
        if (t.Contains("春季", StringComparison.Ordinal) || t.Contains("春学期", StringComparison.Ordinal)) return new DateOnly(year, 3, 31);
        if (t.Contains("暑期", StringComparison.Ordinal) || t.Contains("暑假", StringComparison.Ordinal)) return new DateOnly(year, 8, 31);
        if (t.Contains("秋季", StringComparison.Ordinal) || t.Contains("秋学期", StringComparison.Ordinal)) return new DateOnly(year, 9, 30);
        if (t.Contains("年内", StringComparison.Ordinal) || t.Contains("年底", StringComparison.Ordinal) || t.Contains("年末", StringComparison.Ordinal)
            || t.Contains("下半年", StringComparison.Ordinal) || t.Contains("全年", StringComparison.Ordinal) || t.Contains("本年", StringComparison.Ordinal)
            || t.Contains("当年", StringComparison.Ordinal) || ym.Count > 0)
            return new DateOnly(year, 12, 31);
        return null;
    }

    private static int Month(string s)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        return s switch
        {
            "一" => 1, "二" => 2, "三" => 3, "四" => 4, "五" => 5, "六" => 6, "七" => 7, "八" => 8,
            "九" => 9, "十" => 10, "十一" => 11, "十二" => 12, _ => 0,
        };
    }

    [GeneratedRegex(@"((?:19|20|21)\d{2})\s*年")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?<![\d])(\d{1,2})年内")]
    private static partial Regex WithinYears();

    [GeneratedRegex(@"(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?(?:\s*(?<d>[0-3]?\d)\s*日)?")]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"第?([一二三四1-4])\s*季度")]
    private static partial Regex QuarterRegex();
}
