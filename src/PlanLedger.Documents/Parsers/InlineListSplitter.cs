namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Runs of enumerated clauses inside one paragraph — “…：一是加强…；二是完善…；三是…” or “①…②…” — are
/// items of their own one level down. A run needs at least two consecutive members at clause boundaries, or a 一是
/// that opens the text (a run the file cuts off after its first member).
/// </summary>
internal static class InlineListSplitter
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    public static (string Intro, List<(string Label, string Text)> Members)? Split(string text)
    {
        var members = FindShi(text) ?? FindCircled(text);
        // A run cut off after its first member ("一是“双减”攻坚走深走实。成立…" at the end of a file) still opens it.
        if (members is null || members.Count < 2 && !(members.Count == 1 && members[0].Start == 0 && members[0].Label == "一是")) return null;
        var intro = text[..members[0].Start].Trim();
        var list = new List<(string, string)>();
        for (var i = 0; i < members.Count; i++)
        {
            var end = i + 1 < members.Count ? members[i + 1].Start : text.Length;
            var body = text[(members[i].Start + members[i].Label.Length)..end].Trim().TrimStart('，', ',', '：', ':').Trim();
            // Each part keeps its closing ； or 。.
            list.Add((members[i].Label, body.TrimEnd('，', ',').Trim()));
        }
        return (intro, list);
    }

    /// <summary>
    /// The members that a line-opened <c>一是</c> item carries on in its own text (<c>一是A；二是B；三是C。</c> on one
    /// line): the parts from the next numeral on (二是, 三是, …) at clause boundaries, each with its closing ；/。, and
    /// where the item's own part ends. Null when the text holds no next member.
    /// </summary>
    public static (int OwnEnd, List<(string Label, string Text)> Members)? SplitFollowing(string label, string text)
    {
        if (!label.EndsWith('是')) return null;
        var n = Array.IndexOf(Numerals, label[..^1]);
        if (n < 0 || n + 1 >= Numerals.Length) return null;
        var found = FindShi(text, n + 1, allowSingle: true);
        if (found is null || found.Count == 0 || found[0].Start == 0) return null;
        var list = new List<(string, string)>();
        for (var i = 0; i < found.Count; i++)
        {
            var end = i + 1 < found.Count ? found[i + 1].Start : text.Length;
            var body = text[(found[i].Start + found[i].Label.Length)..end].Trim().TrimStart('，', ',', '：', ':').Trim();
            list.Add((found[i].Label, body.TrimEnd('，', ',').Trim()));
        }
        return (found[0].Start, list);
    }

    private static List<(int Start, string Label)>? FindShi(string text) => FindShi(text, 0, allowSingle: false);

    private static List<(int Start, string Label)>? FindShi(string text, int first, bool allowSingle)
    {
        var result = new List<(int, string)>();
        var from = 0;
        if (allowSingle)
        {
            for (var n = first; n < Numerals.Length; n++)
            {
                var label = Numerals[n] + "是";
                var at = IndexAtBoundary(text, label, from);
                // A line-opened member's text carries the next ones only after a clause that closes it (；/。).
                if (at <= 0 || text[at - 1] is not ('；' or ';' or '。')) break;
                result.Add((at, label));
                from = at + label.Length;
            }
            return result;
        }
        for (var n = first; n < Numerals.Length; n++)
        {
            var label = Numerals[n] + "是";
            var at = IndexAtBoundary(text, label, from);
            if (at < 0 && result.Count == 0 && n == 0) at = GluedAfterHeading(text);
            if (at < 0) break;
            result.Add((at, label));
            from = at + label.Length;
        }
        return result.Count >= 2 || result.Count == 1 && result[0].Item1 == 0 ? result : null;
    }

    private static List<(int Start, string Label)>? FindCircled(string text)
    {
        var result = new List<(int, string)>();
        var from = 0;
        for (var c = '①'; c <= '⑳'; c++)
        {
            var at = text.IndexOf(c, from);
            if (at < 0) break;
            result.Add((at, c.ToString()));
            from = at + 1;
        }
        return result.Count >= 2 ? result : null;
    }

    /// <summary>
    /// "坚定政治方向,夯实…保障一是深入开展…": in a text without line breaks the first 一是 may be glued to the heading before
    /// it (a short phrase with no stop); a run still needs its 二是 at a clause boundary.
    /// </summary>
    private static int GluedAfterHeading(string text)
    {
        var at = text.IndexOf("一是", StringComparison.Ordinal);
        return at is >= 4 and <= 30 && Cjk.IsHan(text[at - 1]) && text.AsSpan(0, at).IndexOfAny("。；;：:") < 0 ? at : -1;
    }

    /// <summary>Whether the run's first member is glued to the words before it (no clause boundary between them).</summary>
    public static bool GluedFirst(string text, int start) => start > 0 && Cjk.IsHan(text[start - 1]);

    private static int IndexAtBoundary(string text, string label, int from)
    {
        while (from < text.Length)
        {
            var at = text.IndexOf(label, from, StringComparison.Ordinal);
            if (at < 0) return -1;
            if (at == 0 || text[at - 1] is '。' or '；' or ';' or '：' or ':' or '，' or ',' or '\n' or ' ') return at;
            from = at + 1;
        }
        return -1;
    }
}
