using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// Documents stored without line breaks (a whole plan in one paragraph, as datasets and copy-paste keep them):
/// a label right after 。；： (一、 （一） 1. 1． （1） 第一部分) starts a paragraph of its own when it continues its
/// numbering (the next number of its style, or 1). The hierarchy is then inferred as for real paragraphs.
/// </summary>
internal sealed partial class InlineLabelParser : ParagraphParser
{
    public static readonly InlineLabelParser Instance = new();

    public override List<Paragraph>? TryParse(StructureProcessor processor, Paragraph paragraph) => Split(processor.Numbering, paragraph);

    private static List<Paragraph>? Split(LabelNumbering numbering, Paragraph p)
    {
        var seen = numbering.Last;
        var text = p.Text;
        void Saw(string paragraph)
        {
            if (LabelParser.TryMatch(paragraph, out var m)) { seen[m.Kind] = m.Number; numbering.LastKind = m.Kind; }
        }
        if (text.Length < 12) { Saw(text); return null; }
        Saw(text);
        List<int>? cuts = null;
        HashSet<int>? lostDots = null;
        for (var i = 1; i < text.Length - 2; i++)
        {
            // Only a space or a label's first character can start a cut: skip to the next one.
            var skip = text.AsSpan(i, text.Length - 2 - i).IndexOfAny(CutStarts);
            if (skip < 0) break;
            i += skip;
            var c = text[i - 1];
            var space = c is ' ' or '\u3000';
            var glued = Cjk.IsHan(c) || c is '”' or '）' or ')';
            if (c is not ('。' or '；' or ';' or '：' or ':' or '！' or '!' or '？') && !space && !glued && !OcrStop(text, i)) continue;
            if (glued && !char.IsAsciiDigit(text[i]) && !MayOpenGluedHanLabel(text, i)) continue;
            if (glued && char.IsAsciiDigit(text[i]))
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
            // "…职业教育。4 不断加强…" in a list of 1. 2. 3.: the next number after a full stop, its dot lost on the page.
            if (c is '。' or '；' && numbering.LastKind == LabelKind.Arabic && LabelParser.TryLostDot(window, out var lost)
                && lost.Number == seen.GetValueOrDefault(LabelKind.Arabic) + 1)
            {
                seen[LabelKind.Arabic] = lost.Number;
                (cuts ??= []).Add(k);
                (lostDots ??= []).Add(k);
                i = k + lost.Length;
                continue;
            }
            if (!LabelParser.TryMatch(window, out var m) || m.Kind is not (LabelKind.ChineseComma or LabelKind.ChineseParen or LabelKind.Arabic or LabelKind.ArabicParen or LabelKind.Part)) continue;
            // "一、" after a colon inside a sentence is still a label; "1.2亿元" never reaches here (not a label).
            // After a layout space only the first section label counts (a title line glued to the body).
            var last = seen.GetValueOrDefault(m.Kind);
            // After a layout space (blocks separated by spaces): the first section label, or a label that continues
            // the numbering just cut ("一、工作总结 (一)坚持… 1.“双减”…"): the next number of its style, or the
            // first child of the label before it.
            if (space && !(m.Kind is LabelKind.ChineseComma or LabelKind.Part && m.Number == 1 || Continues(numbering, m, last))) continue;
            if (m.Number != 1 && m.Number != last + 1) continue;
            // A label glued to the text before it: "…的领导1.强化…" (1 right after a section heading) or the next number
            // of its list; "…总结一、强化…的领导(一)坚持…": a first section label whose first child follows at once.
            if (glued && !(m.Kind is LabelKind.Arabic or LabelKind.ChineseParen && Continues(numbering, m, last)
                || m.Kind == LabelKind.ChineseComma && (m.Number == last + 1 && last > 0 || m.Number == 1 && last == 0 && ChildFollows(text, k + m.Length))
                || cuts is null && m.Number == 1 && last == 0 && TitleBefore(text, k)))
                continue;
            if ((glued || space) && (k + m.Length >= text.Length || !(Cjk.IsHan(text[k + m.Length]) || text[k + m.Length] is '“' or '"' || YearAt(text, k + m.Length)))) continue;
            numbering.LastKind = m.Kind;
            seen[m.Kind] = m.Number;
            (cuts ??= []).Add(k);
            i = k + m.Length;
        }
        if (cuts is null) return null;
        return Cut(p, text, cuts, lostDots);
    }

    private static readonly System.Buffers.SearchValues<char> CutStarts = System.Buffers.SearchValues.Create(" \u3000(（第0123456789一二三四五六七八九十");

    /// <summary>The next number of its style, or number 1 right after a label of the style above it.</summary>
    private static bool Continues(LabelNumbering numbering, LabelMatch m, int last) =>
        m.Number == last + 1 && last > 0
        || m.Number == 1 && m.Kind switch
        {
            LabelKind.ChineseParen => numbering.LastKind is LabelKind.ChineseComma or LabelKind.Part,
            LabelKind.Arabic => numbering.LastKind is LabelKind.ChineseComma or LabelKind.ChineseParen,
            LabelKind.ArabicParen => numbering.LastKind is LabelKind.Arabic,
            _ => false,
        };

    /// <summary>
    /// A document-sharing text that opens with the document's title glued to its first label
    /// ("县教育局2024年工作要点1.全面坚持…", "2024年县教育局工作计划一、工作思路以…"): the words before the label are a title
    /// (no sentence punctuation, ending in the name of a kind of document), so the label opens the first item.
    /// </summary>
    private static bool TitleBefore(string text, int k) =>
        k is >= 6 and <= 60 && !Cjk.HasSentencePunctuation(text[..k]) && text.AsSpan(0, k).IndexOfAny('，', ',') < 0 && GluedTitle().IsMatch(text[..k]);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:工作要点|要点|工作计划|计划|工作方案|实施方案|方案|工作总结|总结|实施意见|意见|规划|工作安排|安排|要點|計劃|總結|意見|規劃)(?:范文)?$")]
    private static partial System.Text.RegularExpressions.Regex GluedTitle();

    /// <summary>
    /// "…配备率达100%O(二)五育融合…": OCR reads a full stop as a Latin O after a Han character or a per cent sign; before a
    /// Han numeral label it closes the sentence like 。.
    /// </summary>
    private static bool OcrStop(string text, int i) =>
        i >= 2 && text[i - 1] is 'O' or 'o' && (Cjk.IsHan(text[i - 2]) || text[i - 2] is '%' or '％')
        && (text[i] is '(' or '（' || "一二三四五六七八九十".Contains(text[i]));

    /// <summary>"1.2024年工作要点": a year right after a label is text, not a decimal.</summary>
    private static bool YearAt(string s, int at) =>
        at + 5 <= s.Length && s[at] is '1' or '2' && char.IsAsciiDigit(s[at + 1]) && char.IsAsciiDigit(s[at + 2]) && char.IsAsciiDigit(s[at + 3]) && s[at + 4] == '年';

    /// <summary>"一、" or "（一）" glued to a Han character: only worth parsing when a Han numeral label starts here.</summary>
    private static bool MayOpenGluedHanLabel(string text, int i) =>
        text[i] is '(' or '（' && i + 2 < text.Length && "一二三四五六七八九十".Contains(text[i + 1])
        || "一二三四五六七八九十".Contains(text[i]) && i + 1 < text.Length && text[i + 1] == '、' && !"一二三四五六七八九十第".Contains(text[i - 1]);

    /// <summary>A section heading glued to the text before it is confirmed by its first child within the heading's length.</summary>
    private static bool ChildFollows(string text, int from)
    {
        var window = text.AsSpan(from, Math.Min(40, text.Length - from));
        var stop = window.IndexOfAny('。', '；');
        if (stop >= 0) window = window[..stop];
        return window.IndexOf("(一)", StringComparison.Ordinal) > 0 || window.IndexOf("（一）", StringComparison.Ordinal) > 0 || window.IndexOf("1.", StringComparison.Ordinal) > 0 || window.IndexOf("1．", StringComparison.Ordinal) > 0;
    }

    private static List<Paragraph>? Cut(Paragraph p, string text, List<int> cuts, HashSet<int>? lostDots)
    {
        var result = new List<Paragraph>(cuts.Count + 1);
        var start = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            var piece = text[start..cut];
            var lead = piece.Length - piece.TrimStart().Length;
            var t = piece.Trim();
            if (t.Length > 0) result.Add(new Paragraph(t, p.Line, p.Offset + start + lead) { RunOn = true, LostDot = lostDots?.Contains(start) == true });
            start = cut;
        }
        if (result.Count > 1) SplitClosing(result);
        return result.Count > 1 ? result : null;
    }

    /// <summary>
    /// "…4、…完成整改。 在今后的工作中,…验收。 商州区大荆中学 2018.06.15": a text without line breaks that ends with its
    /// 落款 (a body's name and a date after a layout space). Its last piece is cut where the layout spaces after a full stop
    /// stood for line breaks: the last item's sentence, the paragraphs after it, the signature and its date.
    /// </summary>
    private static void SplitClosing(List<Paragraph> pieces)
    {
        var last = pieces[^1];
        var text = last.Text;
        if (text.Length < 12 || !(char.IsAsciiDigit(text[^1]) || text[^1] == '日')) return;
        var from = Math.Max(0, text.Length - 60);
        var sig = ClosingSignature().Match(text, from);
        if (!sig.Success) return;
        pieces.RemoveAt(pieces.Count - 1);
        var start = 0;
        void Add(int end)
        {
            var piece = text[start..end];
            var lead = piece.Length - piece.TrimStart().Length;
            if (piece.Trim() is { Length: > 0 } t) pieces.Add(new Paragraph(t, last.Line, last.Offset + start + lead) { RunOn = true });
            start = end;
        }
        var body = sig.Groups["org"].Index;
        for (var i = text.IndexOf('。'); i >= 0 && i < body; i = text.IndexOf('。', i + 1))
            if (i + 1 < body && text[i + 1] is ' ' or '\u3000') Add(i + 1);
        Add(body);
        Add(sig.Groups["date"].Index);
        Add(text.Length);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[。！][ \u3000]+(?<org>[\p{IsCJKUnifiedIdeographs}（）()]{2,30})[ \u3000]+(?<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[.．]\d{1,2}[.．]\d{1,2})\s*$")]
    private static partial System.Text.RegularExpressions.Regex ClosingSignature();
}
