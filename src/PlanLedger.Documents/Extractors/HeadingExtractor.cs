using PlanLedger.Documents.Parsers;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Extractors;

/// <summary>
/// Splits an item's first paragraph into its heading and body: a section line with no full stop is all
/// heading; otherwise the phrase before the first 。 (or a short phrase before ：) is the heading when it
/// reads as one (short, no list inside).
/// </summary>
internal static partial class HeadingExtractor
{
    public const int MaxHeadingLength = 60;

    /// <param name="standsAlone">the first paragraph is followed by children or paragraphs of its own, as a title line is</param>
    /// <param name="runOn">the label's line runs on into its body (a document without line breaks): a section's
    /// first sentence is its heading only when it reads as a title, as at every other level</param>
    public static (string Heading, string Body) Split(string first, LabelKind kind, bool noHeading, bool standsAlone = false, bool runOn = false)
    {
        first = first.Trim();
        if (noHeading || first.Length == 0) return ("", first);
        var stop = first.IndexOf('。');
        var colon = IndexOfColon(first);
        var section = kind is LabelKind.ChineseComma or LabelKind.Part or LabelKind.Attachment;
        // A text whose line breaks became spaces ("一、检查范围 各级教育行政部门…。"): a section's short title runs up to the
        // layout space that stood for its line break, when a sentence follows it.
        if (section && SpacedTitle(first) is > 0 and var gap) return (first[..gap], first[(gap + 1)..].Trim());
        if (runOn && stop >= 0 && section && !IsTitlePhrase(first[..stop].Trim())) return ("", first);
        if (colon > 0 && (stop < 0 || colon < stop) && colon <= 15 && !IsSentence(first[..colon]))
            return (first[..colon].Trim(), first[(colon + 1)..].Trim());
        if (stop < 0)
        {
            // A document without line breaks: a section whose run-on line is a long sentence up to its first child
            // ("一、工作小结2023年,县教育体育局根据…,取得了阶段性成绩:(一)…") has it as text, like a long first sentence.
            if (runOn && section && !IsTitlePhrase(first.TrimEnd(':', '：'))) return ("", first);
            // A line without a full stop: sections (一、 第一部分) keep the whole line; other items need a title-like phrase.
            // A line with a comma and nothing under it (a file cut inside its only sentence) is a sentence: text.
            if (!section && !standsAlone && (first.Contains('，') || first.Contains(','))) return ("", first);
            // A line that stops on a word no title ends with ("3、各检查组在"): a sentence cut by the file's end, text.
            if (!section && !standsAlone && "在的对将于把与和及被从向按让使".Contains(first[^1])) return ("", first);
            if (section || IsTitlePhrase(first)) return (first, "");
            return ("", first);
        }
        var head = first[..stop].Trim();
        if (head.Length == 0) return ("", first[(stop + 1)..].Trim());
        var rest = first[(stop + 1)..].Trim();
        // The only sentence of an item without children is its text ("3.建立问题台账。").
        if (!section && rest.Length == 0 && !standsAlone) return ("", first);
        if (section ? head.Length <= MaxHeadingLength && !HasClauseList(head) : IsTitlePhrase(head)) return (head, rest);
        return ("", first);
    }

    /// <summary>Where a title of 2–12 Han characters ends at a layout space with the body after it, else −1.</summary>
    private static int SpacedTitle(string s)
    {
        var gap = s.AsSpan().IndexOfAny(' ', '\u3000');
        if (gap is < 2 or > 12 || gap + 1 >= s.Length) return -1;
        for (var i = 0; i < gap; i++) if (!Cjk.IsHan(s[i])) return -1;
        var next = s[(gap + 1)..].TrimStart();
        // "坚持党建引领 推动高质量发展": two phrases of one title, no sentence after the space.
        return next.Length >= 6 && (Cjk.IsHan(next[0]) || char.IsAsciiDigit(next[0])) && next.AsSpan().IndexOfAny("。，,；;") > 0 ? gap : -1;
    }

    /// <summary>At most 30 characters, at most one comma, no clause list, and not a full sentence.</summary>
    internal static bool IsTitlePhrase(string s)
    {
        if (s.Length > MaxTitleLength || HasClauseList(s) || IsSentence(s)) return false;
        var commas = 0;
        foreach (var c in s) if (c is '，' or ',') commas++;
        return commas <= 1;
    }

    public const int MaxTitleLength = 30;

    /// <summary>A subject with a modal verb ("区财政局要及时拨付…") or a 由… clause is a sentence, not a title.</summary>
    private static bool IsSentence(string s) =>
        s.StartsWith('由') || SubjectModal().IsMatch(s);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}、]{1,16}?(?:局|委|办|部|校|园|府|院|中心|厅|室|科|股|各[\p{IsCJKUnifiedIdeographs}]{1,6}|学校|我们|单位)(?:要|应当|应|须|必须|需要|需|务必|将)")]
    private static partial System.Text.RegularExpressions.Regex SubjectModal();

    private static int IndexOfColon(string s)
    {
        var a = s.IndexOf('：');
        var b = s.IndexOf(':');
        if (a < 0) return b;
        if (b < 0) return a;
        return Math.Min(a, b);
    }

    /// <summary>A phrase with ；-separated clauses is a sentence, not a title.</summary>
    private static bool HasClauseList(string s) => s.Contains('；') || s.Contains(';');
}
