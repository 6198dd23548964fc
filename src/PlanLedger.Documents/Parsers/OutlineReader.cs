using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// An outline (提纲) before the document's title, without a <c>目录</c> line or page numbers: a run of bare label lines
/// ("一、加强党的建设" / "(一)全面加强党的领导" / "1.强化党的政治建设" …) that the body then repeats as its headings,
/// label and words alike. The outline is no item: its lines are preamble, and no line of it is joined to another.
/// </summary>
internal static class OutlineReader
{
    /// <summary>The fewest lines an outline has.</summary>
    private const int MinEntries = 3;

    /// <summary>The longest line an outline entry (or a line before the outline: chrome, a 提纲 line) has.</summary>
    private const int MaxEntryLength = 40;

    /// <summary>How many of the outline's first entries the body repeats, in order, for the run to be an outline.</summary>
    private const int Repeated = 2;

    /// <summary>The outline's blocks: [start, end) of <paramref name="blocks"/>, or an empty range.</summary>
    public static (int Start, int End) Find(IReadOnlyList<SourceBlock> blocks)
    {
        var start = 0;
        while (start < blocks.Count && blocks[start].Kind == BlockKind.Paragraph && !IsEntry(blocks[start].Text.Trim()))
        {
            // Only short lines (chrome, a 提纲 line) stand before an outline.
            if (blocks[start].Text.Trim().Length > MaxEntryLength) return default;
            start++;
        }
        var end = start;
        while (end < blocks.Count && blocks[end].Kind == BlockKind.Paragraph && IsEntry(blocks[end].Text.Trim())) end++;
        if (end - start < MinEntries || !RepeatedAfter(blocks, start, end)) return default;
        return (start, end);
    }

    /// <summary>A label line of a few words without sentence punctuation.</summary>
    private static bool IsEntry(string t) =>
        t.Length <= MaxEntryLength && LabelParser.TryMatch(t, out var m) && t.Length > m.Length && !Cjk.HasSentencePunctuation(t)
        && t.IndexOfAny(['：', ':']) < 0;

    /// <summary>
    /// After the outline, a paragraph repeats its first entry, and the next paragraphs its following entries in order
    /// (paragraphs between them with other labels or none are skipped: the body's text and the levels the outline leaves out).
    /// </summary>
    private static bool RepeatedAfter(IReadOnlyList<SourceBlock> blocks, int start, int end)
    {
        var first = blocks[start].Text.Trim();
        for (var j = end; j < blocks.Count; j++)
        {
            if (blocks[j].Kind != BlockKind.Paragraph || !Repeats(blocks[j].Text.Trim(), first)) continue;
            var matched = 1;
            for (var i = j + 1; i < blocks.Count && matched < Repeated && start + matched < end; i++)
            {
                if (blocks[i].Kind != BlockKind.Paragraph) break;
                var t = blocks[i].Text.Trim();
                var entry = blocks[start + matched].Text.Trim();
                if (!LabelParser.TryMatch(t, out var m) || !LabelParser.TryMatch(entry, out var e) || m.Kind != e.Kind) continue;
                if (!Repeats(t, entry)) break;
                matched++;
            }
            return matched >= Repeated;
        }
        return false;
    }

    /// <summary>The paragraph is the entry's line, or opens with it and goes on after a punctuation mark ("1.强化党的政治建设。始终…").</summary>
    private static bool Repeats(string paragraph, string entry) =>
        paragraph.StartsWith(entry, StringComparison.Ordinal)
        && (paragraph.Length == entry.Length || !Cjk.IsHan(paragraph[entry.Length]) && !char.IsAsciiLetterOrDigit(paragraph[entry.Length]));
}
