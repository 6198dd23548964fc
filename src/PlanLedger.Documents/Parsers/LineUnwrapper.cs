using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Text copied out of a PDF keeps the PDF's line breaks: a paragraph over many short lines that end mid-sentence.
/// When nearly every line of a document ends that way, lines are joined back into paragraphs: a line continues
/// into the next unless it ends a sentence, is clearly shorter than a full line, or the next line opens with a label.
/// </summary>
internal static class LineUnwrapper
{
    public static IReadOnlyList<SourceBlock> Unwrap(IReadOnlyList<SourceBlock> blocks)
    {
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
