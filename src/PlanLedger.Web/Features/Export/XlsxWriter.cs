using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanLedger.Web.Features.Export;

/// <summary>A one-sheet .xlsx: bold shaded header row (frozen), column widths, wrapped text cells (Open XML SDK).</summary>
public static class XlsxWriter
{
    public static byte[] Write(string sheetName, string title, IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<string[]> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            doc.PackageProperties.Title = Clean(title);
            var wbPart = doc.AddWorkbookPart();
            wbPart.Workbook = new Workbook();
            var styles = wbPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = wbPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, headers, style: 1));
            uint r = 2;
            foreach (var row in rows) data.Append(Row(r++, row, style: 2));
            var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
            var views = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 });
            sheetPart.Worksheet = new Worksheet(views, columns, data);
            wbPart.Workbook.AppendChild(new Sheets(new Sheet { Id = wbPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }
        return ms.ToArray();
    }

    private static Row Row(uint index, IEnumerable<string> values, uint style)
    {
        var row = new Row { RowIndex = index };
        var col = 0;
        foreach (var v in values)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(col++) + index, DataType = CellValues.InlineString, StyleIndex = style,
                InlineString = new InlineString(new Text(Clean(v)) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    /// <summary>Removes characters XML cannot hold (control characters, U+FFFE/U+FFFF, unpaired surrogates).</summary>
    private static string Clean(string s) => PlanLedger.Web.Features.Common.TextRules.ForExport(s);

    private static string ColumnName(int i) => i < 26 ? ((char)('A' + i)).ToString() : ColumnName(i / 26 - 1) + (char)('A' + i % 26);

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));
}
