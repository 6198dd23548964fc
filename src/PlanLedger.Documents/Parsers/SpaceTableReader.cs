using System.Text.RegularExpressions;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Tables a page-to-text conversion wrote one row a line with single spaces between the cells: a header line
/// <c>序号  目标任务 三季度 推进情况</c> (short column names, one of them a task column), then rows opened by their number
/// (<c>131 加大…供给。 采取通报…进度。 印发…</c>). The cells' own text has spaces too, so a cell ends only where a sentence
/// ends and a space follows (<c>。 </c>); cells past the header's count stay in the last one. Paragraphs between two rows
/// (a progress cell written over several lines: <c>1.8月19日…</c>) are the last cell of the row before them.
/// </summary>
internal static partial class SpaceTableReader
{
    [GeneratedRegex(@"^(?<seq>[0-9]{1,4})[ \u3000]+(?<rest>\S.*)$")] private static partial Regex Row();
    [GeneratedRegex(@"(?<=[。；;！])[ \u3000]+")] private static partial Regex CellBreak();
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}0-9\-（）()]{1,12}$")] private static partial Regex HeaderCell();

    public static IReadOnlyList<SourceBlock> Group(IReadOnlyList<SourceBlock> blocks)
    {
        List<SourceBlock>? output = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.Kind != BlockKind.Paragraph || HeaderOf(b.Text) is not { } header) { output?.Add(b); continue; }
            var rows = new List<IReadOnlyList<string>> { header };
            var lastSeq = -1;
            var end = i; // the last block that belongs to the table
            List<string>? pending = null; // paragraphs after the current row, kept until the next row confirms them
            for (var k = i + 1; k < blocks.Count && blocks[k].Kind == BlockKind.Paragraph; k++)
            {
                var t = blocks[k].Text.Trim();
                if (t.Length == 0) continue;
                if (Row().Match(t) is { Success: true } m && int.Parse(m.Groups["seq"].ValueSpan) > lastSeq)
                {
                    if (pending is { Count: > 0 } && rows.Count > 1) AppendToLast(rows, header.Count, string.Concat(pending));
                    pending = [];
                    lastSeq = int.Parse(m.Groups["seq"].ValueSpan);
                    rows.Add(RowCells(m.Groups["seq"].Value, m.Groups["rest"].Value, header.Count));
                    end = k;
                }
                else if (rows.Count > 1) pending?.Add(t);
                else break;
            }
            if (rows.Count < 3) { output?.Add(b); continue; }
            output ??= [.. blocks.Take(i)];
            output.Add(SourceBlock.Table(rows, b.Line));
            i = end;
        }
        return output ?? blocks;
    }

    /// <summary>"序号 目标任务 三季度 推进情况": 3 to 8 short names, 序号 first, one of them a task column.</summary>
    private static List<string>? HeaderOf(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("序号", StringComparison.Ordinal) && !t.StartsWith("编号", StringComparison.Ordinal)) return null;
        var cells = t.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (cells.Count is < 3 or > 8 || TableColumns.RoleOf(cells[0]) != ColumnRole.Seq) return null;
        if (!cells.TrueForAll(c => HeaderCell().IsMatch(c))) return null;
        return cells.Skip(1).Any(c => TableColumns.RoleOf(c) is ColumnRole.Text or ColumnRole.Heading or ColumnRole.Measures) ? cells : null;
    }

    private static List<string> RowCells(string seq, string rest, int columns)
    {
        var parts = CellBreak().Split(rest.Trim()).ToList();
        var cells = new List<string> { seq };
        for (var p = 0; p < parts.Count; p++)
        {
            if (cells.Count < columns) cells.Add(parts[p]);
            else cells[^1] += parts[p];
        }
        while (cells.Count < columns) cells.Add("");
        return cells;
    }

    private static void AppendToLast(List<IReadOnlyList<string>> rows, int columns, string text)
    {
        var last = rows[^1].ToList();
        last[columns - 1] = last[columns - 1].Length == 0 ? text : last[columns - 1] + text;
        rows[^1] = last;
    }
}
