using System.Globalization;
using System.Text;
using ExcelDataReader;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Reads an .xlsx or .xls workbook (ExcelDataReader) into the same blocks the HTML and Word readers produce, so
/// that the table parsers handle a 任务分解表 whatever it came in: every visible sheet in order; merged cells
/// expanded as Word's are (a vertical merge repeats its text down the rows, a horizontal one leaves the covered
/// cells empty); the title rows above the header (one filled cell, a merged title) as paragraphs; the rest of the
/// sheet as one table without its empty rows and columns. <c>Line</c> is the 1-based row across the sheets.
/// </summary>
internal static class SpreadsheetDocumentReader
{
    private const int MaxCells = 2_000_000;

    // ExcelDataReader decodes .xls strings with the workbook's code page (1252, 936 …).
    static SpreadsheetDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static List<SourceBlock> Read(byte[] bytes)
    {
        var blocks = new List<SourceBlock>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(936) });
            var line = 0;
            var cells = 0;
            do
            {
                if (!string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase) && reader.VisibleState is not null)
                {
                    line += Math.Max(0, reader.RowCount);
                    continue;
                }
                var grid = new List<string[]>();
                while (reader.Read())
                {
                    var row = new string[reader.FieldCount];
                    for (var c = 0; c < row.Length; c++) row[c] = Cell(reader.GetValue(c));
                    cells += row.Length;
                    if (cells > MaxCells) throw ReadErrors.Unsupported("表格过大（单元格超过 200 万个），无法导入", "the workbook has more than 2,000,000 cells");
                    grid.Add(row);
                }
                Expand(grid, reader.MergeCells);
                AddSheet(blocks, grid, line);
                line += grid.Count;
            } while (reader.NextResult());
        }
        catch (DocumentReadException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DocumentReadException("corrupt-xlsx", "Excel 文件已损坏，无法读取", "the Excel file is damaged and cannot be read", e);
        }
        return blocks;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => TextNormalizer.Normalize(s).Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? $"{d.Year}年{d.Month}月{d.Day}日" : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double x => x.ToString("0.##########", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// A vertical merge repeats the top-left text in the rows below; the other covered cells stay empty. Merged
    /// ranges of a sheet Excel wrote never overlap, so together they cover at most every cell once: a sheet whose
    /// ranges cover more is damaged or crafted (a hundred thousand copies of one range over the whole sheet would
    /// take hours), and is refused.
    /// </summary>
    private static void Expand(List<string[]> grid, CellRange[]? merges)
    {
        if (merges is null) return;
        long cells = 0, covered = 0;
        foreach (var row in grid) cells += row.Length;
        foreach (var m in merges)
        {
            if (m.FromRow < 0 || m.FromRow >= grid.Count || m.FromColumn < 0) continue;
            var top = grid[m.FromRow];
            if (m.FromColumn >= top.Length) continue;
            var text = top[m.FromColumn];
            for (var r = m.FromRow; r <= Math.Min(m.ToRow, grid.Count - 1); r++)
            {
                var row = grid[r];
                var last = Math.Min(m.ToColumn, row.Length - 1);
                covered += Math.Max(0, last - m.FromColumn + 1);
                if (covered > cells)
                    throw new DocumentReadException("corrupt-xlsx", "Excel 文件已损坏：合并单元格相互重叠，无法读取",
                        "the Excel file is damaged: its merged cells overlap");
                for (var c = m.FromColumn; c <= last; c++)
                    row[c] = c == m.FromColumn ? text : "";
            }
        }
    }

    private static void AddSheet(List<SourceBlock> blocks, List<string[]> grid, int firstLine)
    {
        var rows = new List<(string[] Cells, int Line)>();
        for (var r = 0; r < grid.Count; r++)
            if (Array.Exists(grid[r], c => c.Length > 0)) rows.Add((grid[r], firstLine + r + 1));
        if (rows.Count == 0) return;

        // Title rows: one filled cell (a merged title, the issuer, a date line) before the first row with two.
        var i = 0;
        while (i < rows.Count && rows[i].Cells.Count(c => c.Length > 0) == 1)
        {
            blocks.Add(SourceBlock.Paragraph(rows[i].Cells.First(c => c.Length > 0), rows[i].Line));
            i++;
        }
        if (i == rows.Count) return;

        var body = rows.Skip(i).ToList();
        var used = Enumerable.Range(0, body.Max(r => r.Cells.Length))
            .Where(c => body.Exists(r => c < r.Cells.Length && r.Cells[c].Length > 0)).ToList();
        if (used.Count == 1)
        {
            foreach (var r in body) blocks.Add(SourceBlock.Paragraph(r.Cells[used[0]], r.Line));
            return;
        }
        var table = body.ConvertAll(r => (IReadOnlyList<string>)used.ConvertAll(c => c < r.Cells.Length ? r.Cells[c] : ""));
        blocks.Add(SourceBlock.Table(table, body[0].Line));
    }
}
