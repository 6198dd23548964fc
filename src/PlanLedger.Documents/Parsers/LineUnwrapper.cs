using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Text copied out of a PDF keeps the PDF's line breaks: a paragraph over many short lines that end mid-sentence.
/// When nearly every line of a document ends that way, lines are joined back into paragraphs: a line continues
/// into the next unless it ends a sentence, is clearly shorter than a full line, or the next line opens with a label.
/// </summary>
internal static class LineUnwrapper
{
    /// <summary>
    /// A document-sharing page stores one page a paragraph, each opened by its page number ("1、", "2、" …) and cut
    /// mid-sentence: the page numbers go and the pages are joined back into one text.
    /// </summary>
    public static IReadOnlyList<SourceBlock> JoinPages(IReadOnlyList<SourceBlock> blocks)
    {
        var marked = new List<int>();
        var expected = 1;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind != BlockKind.Paragraph) continue;
            var t = blocks[i].Text.TrimStart();
            var n = PageNumber(t, out _);
            if (n == expected) { marked.Add(i); expected++; }
        }
        if (marked.Count < 2) return blocks;
        // Pages are long and most end mid-sentence; numbered items end with a full stop. The last page is whatever
        // the file kept of it, so only the pages before it are measured. A first page that holds the document's own
        // sections and items ("…要点 一、总体要求 … (一)…") is a page whatever its last sentence.
        var cut = 0;
        var longPages = 0;
        for (var k = 0; k + 1 < marked.Count; k++)
        {
            var t = blocks[marked[k]].Text.Trim();
            if (t.Length >= LongPage) longPages++;
            if (!EndsParagraph(t)) cut++;
        }
        var measured = marked.Count - 1;
        if (longPages * 3 < measured * 2) return blocks;
        if (cut * 3 < measured * 2 && !HoldsSections(blocks[marked[0]].Text)) return blocks;
        var result = new List<SourceBlock>(blocks.Count);
        var first = marked[0];
        for (var i = 0; i < first; i++) result.Add(blocks[i]);
        var sb = new System.Text.StringBuilder();
        var set = marked.ToHashSet();
        for (var i = first; i < blocks.Count; i++)
        {
            if (blocks[i].Kind != BlockKind.Paragraph) { result.Add(blocks[i]); continue; }
            var t = blocks[i].Text.Trim();
            if (set.Contains(i)) { PageNumber(t, out var len); t = t[len..].TrimStart(); }
            sb.Append(t);
        }
        result.Add(SourceBlock.Paragraph(sb.ToString(), blocks[first].Line));
        return result;
    }

    /// <summary>The length from which a marked paragraph reads as a stored page rather than a numbered item.</summary>
    private const int LongPage = 150;

    /// <summary>A page's text that holds a section label and an item label of the next level after its start.</summary>
    private static bool HoldsSections(string page)
    {
        if (page.Length < LongPage) return false;
        var section = page.IndexOf("一、", 1, StringComparison.Ordinal);
        return section > 0 && (page.IndexOf("(一)", section, StringComparison.Ordinal) > 0 || page.IndexOf("（一）", section, StringComparison.Ordinal) > 0);
    }

    private static int PageNumber(string t, out int length)
    {
        length = 0;
        var i = 0;
        while (i < t.Length && i < 4 && char.IsAsciiDigit(t[i])) i++;
        if (i == 0 || i >= t.Length || t[i] != '、') return -1;
        length = i + 1;
        return int.Parse(t.AsSpan(0, i), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<SourceBlock> Unwrap(IReadOnlyList<SourceBlock> blocks)
    {
        blocks = JoinPages(blocks);
        var lines = blocks.Where(b => b.Kind == BlockKind.Paragraph && b.Text.Trim().Length >= 10).Select(b => b.Text.Trim()).ToList();
        if (lines.Count < 8) return blocks;
        var open = lines.Count(l => !EndsParagraph(l));
        if (open * 100 < lines.Count * 85) return blocks;
        var lengths = lines.Select(l => l.Length).Order().ToList();
        var full = lengths[lengths.Count * 3 / 4];
        if (full > 70) return blocks;

        var result = new List<SourceBlock>(blocks.Count);
        string? pending = null;
        var pendingLine = 0;
        foreach (var b in blocks)
        {
            if (b.Kind != BlockKind.Paragraph)
            {
                Flush();
                result.Add(b);
                continue;
            }
            var t = b.Text.Trim();
            if (t.Length == 0) continue;
            if (pending is not null && !LabelParser.TryMatch(t, out _))
            {
                pending = Join(pending, t);
            }
            else
            {
                Flush();
                pending = t;
                pendingLine = b.Line;
            }
            // The paragraph ends here: a full stop, or a line clearly shorter than a full one.
            if (EndsParagraph(t) || t.Length * 10 < full * 7) Flush();
        }
        Flush();
        return result;

        void Flush()
        {
            if (pending is not null) result.Add(SourceBlock.Paragraph(pending, pendingLine));
            pending = null;
        }
    }

    private static bool EndsParagraph(string l) => l[^1] is '。' or '！' or '？' or '!' or '?' or '；' or ';' or '：' or ':';

    private static string Join(string a, string b) =>
        char.IsAsciiLetterOrDigit(a[^1]) && char.IsAsciiLetterOrDigit(b[0]) ? a + " " + b : a + b;
}
