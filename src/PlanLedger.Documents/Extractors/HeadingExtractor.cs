using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Extractors;

/// <summary>
/// Splits an item's first paragraph into its heading and body: a section line with no full stop is all
/// heading; otherwise the phrase before the first 。 (or a short phrase before ：) is the heading when it
/// reads as one (short, no list inside).
/// </summary>
internal static class HeadingExtractor
{
    public const int MaxHeadingLength = 60;

    /// <param name="standsAlone">the first paragraph is followed by children or paragraphs of its own, as a title line is</param>
    public static (string Heading, string Body) Split(string first, LabelKind kind, bool noHeading, bool standsAlone = false)
    {
        first = first.Trim();
        if (noHeading || first.Length == 0) return ("", first);
        var stop = first.IndexOf('。');
        var colon = IndexOfColon(first);
        if (colon > 0 && (stop < 0 || colon < stop) && colon <= 15)
            return (first[..colon].Trim(), first[(colon + 1)..].Trim());
        if (stop < 0)
        {
            // A line without a full stop: sections (一、 第一部分) and short task titles are headings.
            // Other items: a title has no clauses; "由…牵头，…配合，推进…" is a sentence without its 。.
            if (kind is LabelKind.ChineseComma or LabelKind.Part or LabelKind.Attachment
                || standsAlone && first.Length <= MaxHeadingLength
                || first.Length <= MaxHeadingLength && !HasClauseList(first) && first.IndexOfAny(['，', ',']) < 0)
                return (first, "");
            return ("", first);
        }
        var head = first[..stop].Trim();
        if (head.Length == 0) return ("", first[(stop + 1)..].Trim());
        if (head.Length <= MaxHeadingLength && !HasClauseList(head)) return (head, first[(stop + 1)..].Trim());
        return ("", first);
    }

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
