using System.Globalization;
using System.Text.RegularExpressions;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Document fields from the paragraphs around the body: title, issuer, plan year, issue date, 文号.
/// Reads the raw paragraphs (before noise removal) because labelled dates live in site chrome.
/// </summary>
internal static partial class MetadataParser
{
    /// <summary>Words a plan's title ends with.</summary>
    [GeneratedRegex(@"(?:工作要点|工作计划|工作思路|工作谋划|工作安排|工作方案|实施方案|行动方案|行动计划|任务分工方案|分工方案|任务分解表|任务清单|工作总结|要点|计划|方案|规划|意见|总结|谋划|安排|清单|分解表)(?:[(（][^)）]{1,12}[)）])?$")]
    private static partial Regex TitleEnding();

    [GeneratedRegex(@"^(?<org>.{2,40}?(?:教育和体育局|教育体育局|教体局|教育局|体育局|人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|教育厅|教育委员会|教委|委员会|工委|局|厅|委))(?:[(（][^)）]{2,30}[)）])?(?=\d{4}|20\*\*|关于|$)")]
    private static partial Regex OrgPrefix();

    [GeneratedRegex(@"^.{2,30}(?:局|厅|委|委员会|政府|办公室|办公厅|中心|学校|学院)(?:办公室)?$")]
    private static partial Regex OrgLine();

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?:发布时间|发布日期|发文日期|成文日期|印发日期)\s*[:：]?\s*(?<y>\d{4})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})")]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"(?<no>[\p{IsCJKUnifiedIdeographs}]{1,12}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号?)")]
    private static partial Regex DocNumber();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})\s*年")]
    private static partial Regex Year();

    public static void Fill(PlanDocument doc, IReadOnlyList<string> preamble, IReadOnlyList<string> trailer, IReadOnlyList<string> all)
    {
        var title = FindTitle(preamble);
        doc.Title = title;
        doc.Issuer = FindIssuer(title, preamble, trailer);
        doc.DocNumber = FindDocNumber(preamble);
        doc.Date = FindDate(preamble, trailer, all);
        doc.Year = FindYear(title, preamble, doc.DocNumber, doc.Date);
    }

    private static bool IsTitleLike(string p) =>
        p.Length is >= 4 and <= 90 && !Cjk.HasSentencePunctuation(p) && !p.Contains(':') && !p.Contains('：')
        && !p.Contains('|') && !NoiseFilter.IsChrome(p) && TitleEnding().IsMatch(p);

    internal static string? FindTitle(IReadOnlyList<string> preamble)
    {
        // The document's own title block is the last title-like paragraph before the body; a notice that
        // forwards a plan ("印发《…》的通知") comes before the plan's own title and loses to it.
        string? best = null;
        for (var i = 0; i < preamble.Count; i++)
        {
            var p = preamble[i].Trim();
            if (!IsTitleLike(p) && !IsTitleLike(StripNotice(p))) continue;
            var candidate = p;
            // A title block split over two lines: issuing body, then "2020年工作要点".
            if (i > 0 && StartsWithYearOrType(p) && IsOrgName(preamble[i - 1].Trim()))
                candidate = preamble[i - 1].Trim() + p;
            best = candidate;
        }
        if (best is null)
        {
            // Only a notice that forwards the plan ("关于印发《2024年教育工作要点》的通知"): the plan's title is
            // the name inside 《》; otherwise the notice's own title.
            foreach (var p in preamble)
            {
                if (!p.EndsWith("通知", StringComparison.Ordinal) || p.Length > 120 || Cjk.HasSentencePunctuation(p)) continue;
                var inner = NoticeInner().Match(p);
                best = inner.Success && TitleEnding().IsMatch(inner.Groups["t"].Value) ? inner.Groups["t"].Value : p;
            }
        }
        return best;
    }

    private static string StripNotice(string p) => p;

    [GeneratedRegex(@"印发\s*《(?<t>[^》]{4,80})》")]
    private static partial Regex NoticeInner();

    private static bool StartsWithYearOrType(string p) =>
        p.Length > 0 && (char.IsAsciiDigit(p[0]) || p.StartsWith("20**", StringComparison.Ordinal) || p.StartsWith("年度", StringComparison.Ordinal)) || p.Length <= 8;

    private static bool IsOrgName(string p) =>
        p.Length is >= 3 and <= 50 && !Cjk.HasSentencePunctuation(p) && OrgPrefix().Match(p) is { Success: true } m && m.Length == p.Length;

    internal static string? FindIssuer(string? title, IReadOnlyList<string> preamble, IReadOnlyList<string> trailer)
    {
        if (title is not null)
        {
            var m = OrgPrefix().Match(title);
            if (m.Success && !m.Groups["org"].Value.StartsWith('全')) return m.Groups["org"].Value;
        }
        // A signature line (落款) followed by a date, in the notice before the body or after it.
        foreach (var block in new[] { preamble, trailer })
        {
            for (var i = 0; i + 1 < block.Count; i++)
            {
                var p = block[i].Trim();
                if (OrgLine().IsMatch(p) && !Cjk.HasSentencePunctuation(p) && ChineseDate().IsMatch(block[i + 1]))
                {
                    // "莒县教育和体育局办公室" signs for the bureau only when the title named none.
                    return p;
                }
            }
        }
        return null;
    }

    internal static string? FindDocNumber(IReadOnlyList<string> preamble)
    {
        foreach (var p in preamble)
        {
            if (p.Length > 40 || Cjk.HasSentencePunctuation(p)) continue;
            var m = DocNumber().Match(p);
            if (m.Success) return Normalise(m.Groups["no"].Value);
        }
        return null;
    }

    private static string Normalise(string no)
    {
        no = no.Replace(" ", "", StringComparison.Ordinal);
        var chars = no.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch { '[' or '［' or '(' or '（' or '【' => '〔', ']' or '］' or ')' or '）' or '】' => '〕', var c => c };
        }
        return new string(chars);
    }

    internal static string? FindDate(IReadOnlyList<string> preamble, IReadOnlyList<string> trailer, IReadOnlyList<string> all)
    {
        // 1. "2020年3月10日印发"
        foreach (var p in all)
        {
            if (p.Length > 40 || !p.Contains("印发", StringComparison.Ordinal)) continue;
            var m = ChineseDate().Match(p);
            if (m.Success && p.Contains("印发", StringComparison.Ordinal)) return Iso(m);
        }
        // 2. the date under a signature (落款): a line that is only a date, right after an organisation line.
        foreach (var block in new[] { preamble, trailer })
        {
            for (var i = 1; i < block.Count; i++)
            {
                var p = block[i].Trim();
                var m = ChineseDate().Match(p);
                if (m.Success && m.Length >= p.Length - 1 && OrgLine().IsMatch(block[i - 1].Trim())) return Iso(m);
            }
        }
        // 3. a date the site labels 发布时间 / 发布日期.
        foreach (var p in all)
        {
            if (!p.Contains("日期", StringComparison.Ordinal) && !p.Contains("时间", StringComparison.Ordinal)) continue;
            var m = LabelledDate().Match(p);
            if (m.Success) return Iso(m);
        }
        return null;
    }

    private static string? Iso(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return $"{y:D4}-{mo:D2}-{d:D2}";
    }

    internal static int? FindYear(string? title, IReadOnlyList<string> preamble, string? docNumber, string? date)
    {
        if (title is not null)
        {
            if (title.Contains("**", StringComparison.Ordinal) || title.Contains("XX", StringComparison.Ordinal)) return null;
            // "2019年工作总结及2020年工作谋划": the plan's year is the last one.
            var years = Year().Matches(title);
            if (years.Count > 0) return int.Parse(years[^1].Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        // The opening sentence: "2023年是全面贯彻…开局之年".
        foreach (var p in preamble)
        {
            var m = OpeningYear().Match(p);
            if (m.Success) return int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        if (docNumber is not null)
        {
            var m = DocNumberYear().Match(docNumber);
            if (m.Success) return int.Parse(m.Value, CultureInfo.InvariantCulture);
        }
        if (date is not null) return int.Parse(date[..4], CultureInfo.InvariantCulture);
        return null;
    }

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})\s*年(?:是|，|,|全|我|本)")]
    private static partial Regex OpeningYear();

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex DocNumberYear();
}
