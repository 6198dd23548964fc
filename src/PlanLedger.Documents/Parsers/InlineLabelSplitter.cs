using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Documents stored without line breaks (a whole plan in one paragraph, as datasets and copy-paste keep them):
/// a label right after 。；： (一、 （一） 1. 1． （1） 第一部分) starts a paragraph of its own when it continues its
/// numbering (the next number of its style, or 1). The hierarchy is then inferred as for real paragraphs.
/// </summary>
internal sealed class InlineLabelSplitter
{
    private readonly Dictionary<LabelKind, int> _last = [];
    private LabelKind _lastKind;

    /// <summary>Records the label a real paragraph opens with, so inline labels continue its numbering.</summary>
    public void Saw(string paragraph)
    {
        if (LabelParser.TryMatch(paragraph, out var m)) { _last[m.Kind] = m.Number; _lastKind = m.Kind; }
    }

    public List<Paragraph>? Split(Paragraph p)
    {
        var text = p.Text;
        if (text.Length < 12) { Saw(text); return null; }
        Saw(text);
        List<int>? cuts = null;
        for (var i = 1; i < text.Length - 2; i++)
        {
            var c = text[i - 1];
            var space = c is ' ' or '\u3000';
            var glued = Cjk.IsHan(c) || c is '”' or '）' or ')';
            if (c is not ('。' or '；' or ';' or '：' or ':' or '！' or '!' or '？') && !space && !glued) continue;
            if (glued && !char.IsAsciiDigit(text[i])) continue;
            if (glued)
            {
                // Cheap check before parsing: digits, then (a space and) a dot or 、.
                var d = i;
                while (d < text.Length && d - i < 3 && char.IsAsciiDigit(text[d])) d++;
                if (d < text.Length && text[d] == ' ') d++;
                if (d >= text.Length || text[d] is not ('.' or '．' or '、')) continue;
            }
            if (glued && c is '第' or '件' or '图' or '表' or '附' or '共' or '约' or '近' or '达' or '至' or '到' or '和' or '及' or '、') continue;
            var k = i;
            while (k < text.Length && text[k] is ' ' or '\u3000') k++;
            if (k >= text.Length - 2) continue;
            var head = text[k];
            if (!(head is '(' or '（' or '第' || char.IsAsciiDigit(head) || "一二三四五六七八九十".Contains(head))) continue;
            var window = text.Substring(k, Math.Min(24, text.Length - k));
            if (!LabelParser.TryMatch(window, out var m) || m.Kind is not (LabelKind.ChineseComma or LabelKind.ChineseParen or LabelKind.Arabic or LabelKind.ArabicParen or LabelKind.Part)) continue;
            // "一、" after a colon inside a sentence is still a label; "1.2亿元" never reaches here (not a label).
            // After a layout space only the first section label counts (a title line glued to the body).
            if (space && !(m.Kind is LabelKind.ChineseComma or LabelKind.Part && m.Number == 1)) continue;
            var last = _last.GetValueOrDefault(m.Kind);
            if (m.Number != 1 && m.Number != last + 1) continue;
            // A label glued to the text before it: "…的领导1.强化…" (1 right after a section heading) or the next number of its list.
            if (glued && !(m.Kind == LabelKind.Arabic && (m.Number == last + 1 && last > 0 || m.Number == 1 && _lastKind is LabelKind.ChineseComma or LabelKind.ChineseParen))) continue;
            if (glued && (k + m.Length >= text.Length || !Cjk.IsHan(text[k + m.Length]))) continue;
            _lastKind = m.Kind;
            _last[m.Kind] = m.Number;
            (cuts ??= []).Add(k);
            i = k + m.Length;
        }
        if (cuts is null) return null;
        var result = new List<Paragraph>(cuts.Count + 1);
        var start = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            var piece = text[start..cut];
            var lead = piece.Length - piece.TrimStart().Length;
            var t = piece.Trim();
            if (t.Length > 0) result.Add(new Paragraph(t, p.Line, p.Offset + start + lead));
            start = cut;
        }
        return result.Count > 1 ? result : null;
    }
}
