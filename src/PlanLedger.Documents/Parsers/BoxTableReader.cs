using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Tables drawn with box characters, as a text export of a Word or PDF file writes them:
/// <c>┌──┬──┐</c> / <c>│序号│工作任务│</c> / <c>├──┼──┤</c> / <c>└──┴──┘</c>. The rule lines go; the lines with <c>│</c> between
/// the cells are rows. Where rule lines also separate the rows, the text lines between two rules are one row whose
/// cells were wrapped over several lines (each cell's pieces joined); otherwise each text line is a row. A row
/// short of the header's cells lost its leading merged cells and is padded at the front.
/// </summary>
internal static class BoxTableReader
{
    public static IReadOnlyList<SourceBlock> Group(IReadOnlyList<SourceBlock> blocks)
    {
        List<SourceBlock>? output = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.Kind != BlockKind.Paragraph || !IsBoxLine(b.Text)) { output?.Add(b); continue; }
            var k = i;
            while (k < blocks.Count && blocks[k].Kind == BlockKind.Paragraph && IsBoxLine(blocks[k].Text)) k++;
            var rows = Rows(blocks, i, k);
            if (rows.Count >= 2)
            {
                output ??= [.. blocks.Take(i)];
                output.Add(SourceBlock.Table(rows, b.Line));
                i = k - 1;
                continue;
            }
            output?.Add(b);
        }
        return output ?? blocks;
    }

    private static List<IReadOnlyList<string>> Rows(IReadOnlyList<SourceBlock> blocks, int from, int to)
    {
        // Rules between text lines (after the header's rule) mean that rows may span several text lines.
        var sawText = 0;
        var ruleAfterRows = false;
        var rulesBetweenRows = false;
        for (var k = from; k < to; k++)
        {
            if (IsRule(blocks[k].Text)) { if (sawText >= 2) ruleAfterRows = true; }
            else
            {
                sawText++;
                if (ruleAfterRows) rulesBetweenRows = true;
            }
        }
        var rows = new List<IReadOnlyList<string>>();
        List<string>? current = null;
        void Flush()
        {
            if (current is not null && current.Exists(c => c.Length > 0)) rows.Add(current);
            current = null;
        }
        for (var k = from; k < to; k++)
        {
            var t = blocks[k].Text;
            if (IsRule(t)) { Flush(); continue; }
            var cells = Cells(t);
            if (current is null || !rulesBetweenRows) { Flush(); current = cells; }
            else
                for (var c = 0; c < cells.Count; c++)
                {
                    if (c < current.Count) current[c] += cells[c];
                    else current.Add(cells[c]);
                }
        }
        Flush();
        if (rows.Count == 0) return rows;
        var width = rows[0].Count;
        for (var r = 1; r < rows.Count; r++)
            if (rows[r] is List<string> row) TableColumns.PadLostLeadingCells(row, width);
        return rows;
    }

    private static List<string> Cells(string line)
    {
        var parts = line.Trim().Split(CellBars).Select(c => c.Trim()).ToList();
        if (parts.Count > 0 && parts[0].Length == 0) parts.RemoveAt(0);
        if (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts;
    }

    private static readonly char[] CellBars = ['│', '┃', '║'];

    /// <summary>A rule line (<c>├──┼──┤</c>) or a row between bars (<c>│…│…│</c>).</summary>
    private static bool IsBoxLine(string text)
    {
        var t = text.Trim();
        if (t.Length < 2) return false;
        if (IsRule(t)) return true;
        return t[0] is '│' or '┃' or '║' && t.IndexOfAny(CellBars, 1) > 0;
    }

    private static bool IsRule(string text)
    {
        var t = text.Trim();
        if (t.Length < 2) return false;
        foreach (var c in t)
            if (!(c is >= '\u2500' and <= '\u257F' || c is ' ' or '\u3000')) return false;
        return t.AsSpan().IndexOfAny('─', '━', '═') >= 0;
    }
}
