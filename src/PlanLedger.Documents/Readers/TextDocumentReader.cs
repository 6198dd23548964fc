using System.Text;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Reads plain text: one paragraph per non-blank line, with its 1-based line number. Text with tag soup
/// (junk tags around plain lines) is read the same way after the tags, comments, scripts and styles are
/// removed; a &lt;br&gt; or block tag inside a line splits it.
/// </summary>
internal static class TextDocumentReader
{
    /// <summary>One paragraph per non-blank line of plain text.</summary>
    public static List<SourceBlock> ReadPlain(string text)
    {
        text = TextNormalizer.Normalize(text);
        var blocks = new List<SourceBlock>();
        var span = text.AsSpan();
        var line = 1;
        var pos = 0;
        while (pos <= span.Length)
        {
            var rest = span[pos..];
            var nl = rest.IndexOfAny('\r', '\n');
            var content = nl < 0 ? rest : rest[..nl];
            var trimmed = content.Trim();
            if (!trimmed.IsEmpty) AddLine(blocks, trimmed, line, text, pos + (content.Length - content.TrimStart().Length));
            if (nl < 0) break;
            pos += nl + (rest[nl] == '\r' && nl + 1 < rest.Length && rest[nl + 1] == '\n' ? 2 : 1);
            line++;
        }

        return blocks;
    }

    private static void AddLine(List<SourceBlock> blocks, ReadOnlySpan<char> trimmed, int line, string whole, int offset)
    {
        var s = trimmed.Length == whole.Length ? whole : whole.Substring(offset, trimmed.Length);
        if (s.Contains('&'))
        {
            s = TextNormalizer.DecodeEntitiesAndNormalize(s).Trim();
            if (s.Length == 0) return;
        }
        blocks.Add(SourceBlock.Paragraph(s, line));
    }

    /// <summary>Text with tags: the tags go, every text line stays its own paragraph.</summary>
    public static List<SourceBlock> ReadTagSoup(string text)
    {
        var blocks = new List<SourceBlock>();
        var sb = new StringBuilder();
        var line = 1;
        var tok = new HtmlTokenizer(text);
        while (tok.Next())
        {
            var span = tok.Span;
            if (tok.Kind == HtmlTokenKind.Text && !tok.IsRaw)
            {
                while (true)
                {
                    var nl = span.IndexOfAny('\r', '\n');
                    if (nl < 0) { sb.Append(span); break; }
                    sb.Append(span[..nl]);
                    Flush();
                    var skip = span[nl] == '\r' && nl + 1 < span.Length && span[nl + 1] == '\n' ? 2 : 1;
                    span = span[(nl + skip)..];
                    line++;
                }
                continue;
            }

            if (tok.Kind is HtmlTokenKind.StartTag or HtmlTokenKind.EndTag && (tok.Name == "br" || HtmlTags.IsBlock(tok.Name)))
                Flush();
            var breaks = span.Count('\n') + span.Count('\r') - CountCrLf(span);
            for (var i = 0; i < breaks; i++) { Flush(); line++; }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (sb.Length == 0) return;
            // A line (up to 4096 characters: the builder in one chunk) is trimmed before it becomes a string, so the indented lines of a
            // page are not copied twice; whitespace at the ends stays whitespace when entities are decoded and
            // characters normalized, so the trim after removes the same characters it did.
            int start = 0, end = sb.Length;
            if (end <= 4096)
            {
                while (start < end && char.IsWhiteSpace(sb[start])) start++;
                while (end > start && char.IsWhiteSpace(sb[end - 1])) end--;
            }
            var s = end == start ? "" : TextNormalizer.DecodeEntitiesAndNormalize(sb.ToString(start, end - start)).Trim();
            sb.Clear();
            if (s.Length > 0) blocks.Add(SourceBlock.Paragraph(s, line));
        }
    }

    private static int CountCrLf(ReadOnlySpan<char> s)
    {
        var n = 0;
        for (var i = s.IndexOf("\r\n", StringComparison.Ordinal); i >= 0; i = s.IndexOf("\r\n", StringComparison.Ordinal))
        {
            n++;
            s = s[(i + 2)..];
        }
        return n;
    }
}
