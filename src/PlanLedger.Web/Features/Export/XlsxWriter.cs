using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanLedger.Web.Features.Export;

/// <summary>
/// A one-sheet .xlsx ready to print (Open XML SDK): a title row merged over the columns, a bold shaded header row,
/// section rows merged and shaded, thin borders on every cell, wrapped text with row heights from the text,
/// title and header frozen and repeated on every printed page, A4 landscape fitted to one page width.
/// </summary>
public static class XlsxWriter
{
    private const uint TitleStyle = 1, HeaderStyle = 2, CellStyle = 3, SectionStyle = 4, CenterStyle = 5;
    private const double LinePt = 14.25;

    public static byte[] Write(string sheetName, string title, IReadOnlyList<string> headers, IReadOnlyList<double> widths,
        IEnumerable<(bool Section, string[] Cells)> rows)
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
            var last = ColumnName(headers.Count - 1);
            var data = new SheetData();
            var merges = new MergeCells();
            data.Append(Row(1, [title, .. Enumerable.Repeat("", headers.Count - 1)], _ => TitleStyle, 30));
            merges.Append(new MergeCell { Reference = $"A1:{last}1" });
            data.Append(Row(2, headers, _ => HeaderStyle, Height(headers, widths, 11)));
            uint r = 3;
            foreach (var (section, cells) in rows)
            {
                if (section)
                {
                    data.Append(Row(r, [cells[0], .. Enumerable.Repeat("", headers.Count - 1)], _ => SectionStyle, Height([cells[0]], [widths.Sum()], 11)));
                    merges.Append(new MergeCell { Reference = $"A{r}:{last}{r}" });
                }
                else data.Append(Row(r, cells, c => c is 0 or 5 or 9 ? CenterStyle : CellStyle, Height(cells, widths, 11)));
                r++;
            }
            var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
            var views = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 });
            var ws = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                views, new SheetFormatProperties { DefaultRowHeight = LinePt }, columns, data);
            if (merges.HasChildren) ws.Append(merges);
            ws.Append(
                new PrintOptions { HorizontalCentered = true },
                new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
                new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
            sheetPart.Worksheet = ws;
            wbPart.Workbook.Append(
                new Sheets(new Sheet { Id = wbPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }),
                // 打印标题: the title and header rows repeat on every printed page
                new DefinedNames(new DefinedName($"'{sheetName}'!$1:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
        return ms.ToArray();
    }

    /// <summary>Row height for wrapped text: the tallest cell's line count (CJK one character, ASCII half) at ~14 pt a line.</summary>
    private static double Height(IReadOnlyList<string> cells, IReadOnlyList<double> widths, double fontPt)
    {
        var lines = 1;
        for (var i = 0; i < cells.Count && i < widths.Count; i++)
        {
            // a column of width w holds about w / 2 Chinese characters at 11 pt (less the cell padding)
            var perLine = Math.Max(1, (widths[i] - 1) / 2 * 11 / fontPt);
            var n = cells[i].Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(part.Sum(c => c < 0x2E80 ? 0.5 : 1.0) / perLine)));
            lines = Math.Max(lines, n);
        }
        return Math.Min(409, lines * LinePt + 4);
    }

    private static Row Row(uint index, IReadOnlyList<string> values, Func<int, uint> style, double height)
    {
        var row = new Row { RowIndex = index, Height = height, CustomHeight = true };
        for (var col = 0; col < values.Count; col++)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(col) + index, DataType = CellValues.InlineString, StyleIndex = style(col),
                InlineString = new InlineString(new Text(Clean(values[col])) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    /// <summary>Removes characters XML cannot hold (control characters, U+FFFE/U+FFFF, unpaired surrogates).</summary>
    private static string Clean(string s) => PlanLedger.Web.Features.Common.TextRules.ForExport(s);

    private static string ColumnName(int i) => i < 26 ? ((char)('A' + i)).ToString() : ColumnName(i / 26 - 1) + (char)('A' + i % 26);

    private static Stylesheet Stylesheet()
    {
        Border Thin() => new(new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(), Thin()),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 2, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 2, FillId = 3, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true }));
    }
}
