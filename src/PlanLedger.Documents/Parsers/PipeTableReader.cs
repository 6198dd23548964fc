using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Tables that a page-to-text conversion wrote with <c>|</c> between the cells: a run of lines
/// <c>序号 | 工作任务 | 责任单位 |</c> becomes a table block (a row short of the header's cells lost its leading merged
/// cells, so it is padded at the front; a row with far fewer cells ends the table), and a run of lines that are one
/// cell each (<c>序号 |</c>, <c>县教育局 |</c>) loses the trailing bar, so that it reads as a table flattened one cell a line.
/// </summary>
internal static class PipeTableReader
{
    public static IReadOnlyList<SourceBlock> Group(IReadOnlyList<SourceBlock> blocks)
    {
        List<SourceBlock>? output = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.Kind != BlockKind.Paragraph || b.Text.IndexOf('|') < 0) { output?.Add(b); continue; }
            var header = Cells(b.Text);
            // "索引号: | … | 成文日期: | 2022-10-08": a page's label-value rows are no table header.
            if (header.Count >= 3 && !IsLabelValueRow(header))
            {
                var rows = new List<IReadOnlyList<string>> { header };
                var k = i + 1;
                for (; k < blocks.Count && blocks[k].Kind == BlockKind.Paragraph; k++)
                {
                    var cells = Cells(blocks[k].Text);
                    if (cells.Count < 3 || cells.Count < header.Count - 2 || cells.Count > header.Count + 1 || IsLabelValueRow(cells)) break;
                    TableColumns.PadLostLeadingCells(cells, header.Count);
                    rows.Add(cells);
                }
                if (rows.Count >= 2)
                {
                    output ??= [.. blocks.Take(i)];
                    output.Add(SourceBlock.Table(rows, b.Line));
                    i = k - 1;
                    continue;
                }
            }
            else if (header.Count == 1 && OneCell(b.Text))
            {
                output ??= [.. blocks.Take(i)];
                output.Add(SourceBlock.Paragraph(header[0], b.Line));
                continue;
            }
            output?.Add(b);
        }
        return output ?? blocks;
    }

    private static bool IsLabelValueRow(List<string> cells) => cells.Exists(c => c.EndsWith(':') || c.EndsWith('：'));

    /// <summary>"目标与任务 |": one cell and its closing bar.</summary>
    private static bool OneCell(string text)
    {
        var t = text.TrimEnd();
        return t.Length >= 2 && t[^1] == '|' && t.IndexOf('|') == t.Length - 1;
    }

    private static List<string> Cells(string text)
    {
        var parts = text.Split('|').Select(c => c.Trim()).ToList();
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        if (parts.Count > 0 && parts[0].Length == 0 && text.TrimStart().StartsWith('|')) parts.RemoveAt(0);
        return parts;
    }
}
