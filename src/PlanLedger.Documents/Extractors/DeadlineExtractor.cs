using System.Text.RegularExpressions;

namespace PlanLedger.Documents.Extractors;

/// <summary>
/// The completion time an item commits to, as written: 年内, 5月, 6月底前, 上半年, 秋季, 2025年, 长期坚持.
/// The first one in the item's own text wins. Layout spaces inside a time (2018 年 7 月) are read through, and
/// 月低 (低 typed for its homophone 底) is a month's end, kept as written. Recurring times (每年9月), periods a count is measured over
/// (全年), years that name a plan (2021年…方案, 2021-2025年) and placeholders (20**年) are not deadlines. A clock time
/// between the day and its 前 belongs to the deadline (6月20日18:00前).
/// </summary>
internal static partial class DeadlineExtractor
{
    /// <summary>A time word right after these is part of another word (每年, 当月, 上半年度 …).</summary>
    private const string NotAfter = "每当同次上下本今明去前近历第";

    // The check of the character before a candidate is done in code (see Find): a leading look-behind
    // would keep the regex from jumping straight to the characters a candidate can start with. [0-9], not \d, for
    // the same reason (the readers fold full-width digits).
    [GeneratedRegex(
        @"(?<dl>" +
        @"(?<y>(?:19|20)[0-9]{2})\s*年(?:底|末|年底|上半年|下半年|\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日(?:\s*[0-9]{1,2}\s*[:：]\s*[0-9]{2})?(?=\s*(?:前|以前)))?(?:底|末|份|低(?![于温谷位]))?)?(?:前|以前)?" +
        @"|(?<![年0-9])[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日(?:\s*[0-9]{1,2}\s*[:：]\s*[0-9]{2}(?=\s*(?:前|以前)))?)?(?:底|末|份|中旬|上旬|下旬|低(?![于温谷位]))?(?:前|以前)?" +
        @"|(?<![0-9])[0-9]{1,2}年内|年度内|年内|年底前|年底|年末|上半年|下半年|[一二三四]季度(?:末|底)?(?:前)?|[春秋]季(?:学期)?|长期坚持|持续推进" +
        @")")]
    private static partial Regex Candidate();

    /// <summary>What must follow a year for it to be a deadline (a completion verb), not a name or a date.</summary>
    [GeneratedRegex(@"^\s*(?:底|末)?(?:前|以前)?\s*[，,]?\s*(?:力争|确保|争取|预计|全面|基本|全部|初步|如期|要|将|实现|完成|建成|达到|达|通过|启动|投入|建立|形成|覆盖|消除|全覆盖|普及|取得)")]
    private static partial Regex YearFollow();

    /// <summary>
    /// A written 完成时限 of <c>全年</c> (<c>贯穿全年</c>) names the period a count is measured over, not a completion time
    /// (RULES.md; the step tables' "全年 is none"). Other written times stay as written, <c>长期坚持</c> included (RULES-003).
    /// </summary>
    public static bool IsPeriodOnly(string written) => PeriodOnly().IsMatch(written.Trim());

    [GeneratedRegex(@"^(?:贯穿)?全年[。；;]?$")]
    private static partial Regex PeriodOnly();

    public static string? Find(string text)
    {
        var pos = 0;
        while (pos <= text.Length)
        {
            var m = Candidate().Match(text, pos);
            if (!m.Success) return null;
            if (m.Index > 0 && (NotAfter.Contains(text[m.Index - 1]) || char.IsDigit(text[m.Index - 1])))
            {
                pos = m.Index + 1;
                continue;
            }
            pos = m.Index + Math.Max(1, m.Length);
            var dl = m.Groups["dl"].Value.Replace(" ", "", StringComparison.Ordinal);
            var bs = Math.Max(0, m.Index - 60);
            var before = text.AsSpan(bs, m.Index - bs);
            var afterStart = m.Index + m.Length;
            var after = text.AsSpan(afterStart, Math.Min(16, text.Length - afterStart));
            if (InsideQuoteOrTitle(before)) continue;
            // "截止2023年10月底，已建立…": a time a count is taken at (截止/截至/截止到), not a completion time.
            if (before.EndsWith("截止", StringComparison.Ordinal) || before.EndsWith("截至", StringComparison.Ordinal) || before.EndsWith("截止到", StringComparison.Ordinal) || before.EndsWith("截至到", StringComparison.Ordinal)) continue;
            // A season inside a noun (秋季学期) and the date of a yearly event (9月10日教师节) are not deadlines.
            if (dl.EndsWith("学期", StringComparison.Ordinal) || dl is "春季" or "秋季" && after.StartsWith("学期", StringComparison.Ordinal)) continue;
            // "秋季开学各项工作", "春季开学专项督导": the term's opening names the work inspected, not a time it is done by.
            if (dl is "春季" or "秋季" && TermOpeningWork().IsMatch(after)) continue;
            if (char.IsAsciiDigit(dl[0]) && YearlyEvent().IsMatch(after)) continue;
            var quoted = before.LastIndexOf('“') > before.LastIndexOf('”');
            if (quoted && dl == "长期坚持") continue;
            // "到2025年，…", "至2026年": a year the text reaches is a deadline; "2021至2026年" is a period.
            var reaches = m.Groups["y"].Success && (before.EndsWith("到", StringComparison.Ordinal) || before.EndsWith("至", StringComparison.Ordinal) && (before.Length < 2 || !char.IsAsciiDigit(before[^2]) && before[^2] != '年'));
            if (reaches && !after.StartsWith("度", StringComparison.Ordinal) && !after.StartsWith("-", StringComparison.Ordinal) && !after.StartsWith("—", StringComparison.Ordinal)) return dl;
            // "2020年2月23日至3月5日": a range of dates opened by its year is the deadline as written, as without the year.
            if (m.Groups["y"].Success && dl.EndsWith('月') && DayOfRange().Match(text, afterStart) is { Success: true } day
                && DateRangeEnd().Match(text, afterStart + day.Length) is { Success: true } rangeEnd)
                return dl + (day.Value + rangeEnd.Value).Replace(" ", "", StringComparison.Ordinal);
            // "2020年2月23日3月5日": the range's 至 lost on the page, the second month and day glued to the first day.
            if (m.Groups["y"].Success && dl.EndsWith('月') && GluedRangeRest().Match(text, afterStart) is { Success: true } gluedRest)
                return dl + gluedRest.Value.Replace(" ", "", StringComparison.Ordinal);
            // "定于2012年5月26、27日": a list of days after the month is part of the time as written.
            if (dl.EndsWith('月') && DayList().Match(text, afterStart) is { Success: true } days)
                return dl + days.Value.Replace(" ", "", StringComparison.Ordinal);
            if (m.Groups["y"].Success && (dl.EndsWith("上半年", StringComparison.Ordinal) || dl.EndsWith("下半年", StringComparison.Ordinal) || dl.Contains('月')) && !after.StartsWith("度", StringComparison.Ordinal) && !after.StartsWith("至", StringComparison.Ordinal) && !after.StartsWith("-", StringComparison.Ordinal)
                && !before.EndsWith("-", StringComparison.Ordinal) && !before.EndsWith("至", StringComparison.Ordinal))
                // "资格审核时间为：2012年2月21日": the day that follows the year and month is kept, as written.
                return dl.EndsWith('月') && DayAfterMonth().Match(text, afterStart) is { Success: true } day1 ? dl + day1.Value.Replace(" ", "", StringComparison.Ordinal) : dl;
            if (before.EndsWith("全", StringComparison.Ordinal) || before.EndsWith("每", StringComparison.Ordinal)) continue;
            // "上半年累计组织会议23次", "上半年收文368份": the half-year a reported count is measured over, like 全年.
            if (dl is "上半年" or "下半年" && MeasuresCount(text, afterStart, before)) continue;
            if (m.Groups["y"].Success)
            {
                // 2020年度, 2021-2025年, (2021年…) and 2020年的 are names and periods, not deadlines.
                if (after.StartsWith("度", StringComparison.Ordinal) || after.StartsWith("版", StringComparison.Ordinal) || before.EndsWith("-", StringComparison.Ordinal) || before.EndsWith("—", StringComparison.Ordinal) || before.EndsWith("至", StringComparison.Ordinal) || before.EndsWith("～", StringComparison.Ordinal)) continue;
                if (after.StartsWith("-", StringComparison.Ordinal) || after.StartsWith("—", StringComparison.Ordinal) || after.StartsWith("至", StringComparison.Ordinal)) continue;
                if (!dl.EndsWith('前') && !dl.EndsWith('底') && !dl.EndsWith('末') && !YearFollow().IsMatch(after) && !OpensCommitment(text, m.Index, afterStart)) continue;
            }
            else if (char.IsAsciiDigit(dl[0]))
            {
                // "3月10日印发" is a date of something done; "5月启动" / "6月底前完成" commit to a time.
                if (after.StartsWith("份", StringComparison.Ordinal) || dl.EndsWith('份')) { if (!YearFollow().IsMatch(after.TrimStart('份'))) continue; }
                // "4月22日—5月15日", "3月1日至3月31日": a period written as a range of dates is the deadline as written.
                if (after.Length > 0 && after[0] is '至' or '-' or '—' or '～')
                {
                    if (DateRangeEnd().Match(text, afterStart) is { Success: true } end) return dl + end.Value.Replace(" ", "", StringComparison.Ordinal);
                    continue;
                }
            }
            else if (dl == "持续推进")
            {
                continue;
            }
            return dl switch
            {
                _ when dl.EndsWith('份') => dl,
                _ => dl,
            };
        }
        return null;
    }

    /// <summary>
    /// A half-year that opens a clause reporting a count ("上半年督办重要事项15件"): a number with a counting unit in the
    /// clause, no completion verb after the period and no planning word (力争, 确保, 于) before it.
    /// </summary>
    private static bool MeasuresCount(string text, int afterStart, ReadOnlySpan<char> before)
    {
        if (before.EndsWith("力争", StringComparison.Ordinal) || before.EndsWith("确保", StringComparison.Ordinal) || before.EndsWith("争取", StringComparison.Ordinal)
            || before.EndsWith("于", StringComparison.Ordinal) || before.EndsWith("在", StringComparison.Ordinal)) return false;
        var end = Math.Min(text.Length, afterStart + 40);
        var clause = text.AsSpan(afterStart, end - afterStart);
        var cut = clause.IndexOfAny("，,。；;");
        if (cut >= 0) clause = clause[..cut];
        if (YearFollow().IsMatch(clause) || CommitmentVerb().IsMatch(clause)) return false;
        return ReportedCount().IsMatch(clause);
    }

    [GeneratedRegex(@"[0-9]+(?:\.[0-9]+)?\s*(?:万|余|多)?\s*(?:次|份|件|项|期|个|名|人次|人|所|场|篇|批|万元|元)")]
    private static partial Regex ReportedCount();

    /// <summary>"…。2015年在预算改革上取得决定性进展": a year that opens a sentence whose clause commits to an outcome.</summary>
    private static bool OpensCommitment(string text, int start, int afterStart)
    {
        if (start > 0 && text[start - 1] is not ('。' or '；' or ';' or '\n') || afterStart >= text.Length || text[afterStart] is not ('在' or ',' or '，')) return false;
        // "2022年,全市新建5G基站2600个以上,…": a year-by-year goal, the year set off by a comma before a clause that builds or reaches.
        var comma = text[afterStart] is ',' or '，';
        if (comma) afterStart++;
        var end = Math.Min(text.Length, afterStart + 40);
        var clause = text.AsSpan(afterStart, end - afterStart);
        var cut = clause.IndexOfAny("，,。；;");
        if (cut >= 0) clause = clause[..cut];
        return comma ? GoalVerb().IsMatch(clause) && ReportedCount().IsMatch(clause) : CommitmentVerb().IsMatch(clause);
    }

    [GeneratedRegex(@"新建|新增|建成|完成|实现|达到|提高到|提升至")]
    private static partial Regex GoalVerb();

    /// <summary>The rest of a range of dates after its first month (and day): "—5月15日", "至3月31日", "—10月".</summary>
    [GeneratedRegex(@"\G[至\-—～]{1,2}\s*(?:(?:19|20)[0-9]{2}\s*年\s*)?[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?(?:底|末|中旬|上旬|下旬)?(?:前|以前)?")]
    private static partial Regex DateRangeEnd();

    /// <summary>Two or more days of one month listed before 日 ("26、27日").</summary>
    [GeneratedRegex(@"\G\s*[0-9]{1,2}(?:\s*[、,，]\s*[0-9]{1,2})+\s*日")]
    private static partial Regex DayList();

    /// <summary>The day written after a year and month ("2012年2月" + "21日"), not the start of a range.</summary>
    [GeneratedRegex(@"\G\s*[0-9]{1,2}\s*日(?!\s*[至\-—～])")]
    private static partial Regex DayAfterMonth();

    /// <summary>A first day and a second month and day written with no 至 between them ("23日3月5日").</summary>
    [GeneratedRegex(@"\G\s*[0-9]{1,2}\s*日\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日(?:前|以前)?")]
    private static partial Regex GluedRangeRest();

    /// <summary>The day after a range's first year and month, if written ("2020年2月" + "23日"), before the range's rest.</summary>
    [GeneratedRegex(@"\G(?:\s*[0-9]{1,2}\s*日)?(?=\s*[至\-—～])")]
    private static partial Regex DayOfRange();

    [GeneratedRegex(@"^开学(?:各项|工作|专项|准备|检查|督导|督查)")]
    private static partial Regex TermOpeningWork();

    [GeneratedRegex(@"取得|实现|完成|建成|达到|形成")]
    private static partial Regex CommitmentVerb();

    [GeneratedRegex(@"^(?:\d{1,2}\s*日)?[\p{IsCJKUnifiedIdeographs}]{0,6}?(?:节|宣传周|宣传月|活动周|纪念日|主题日)")]
    private static partial Regex YearlyEvent();

    private static bool InsideQuoteOrTitle(ReadOnlySpan<char> before)
    {
        var open = before.LastIndexOf('《');
        var close = before.LastIndexOf('》');
        if (open > close) return true;
        var lp = Math.Max(before.LastIndexOf('('), before.LastIndexOf('（'));
        var rp = Math.Max(before.LastIndexOf(')'), before.LastIndexOf('）'));
        return lp > rp && before.Length - lp < 12;
    }
}
