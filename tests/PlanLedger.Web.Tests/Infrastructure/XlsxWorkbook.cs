using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>A one-sheet workbook as offices circulate a 任务分解表: the first row is the title, merged across the header's width.</summary>
public static class XlsxWorkbook
{
    public static byte[] Build(IReadOnlyList<string[]> rows, string sheetName = "任务分解表")
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][c])),
                    });
                data.Append(row);
            }
            var width = rows.Count > 1 ? rows[1].Length : 1;
            ws.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = $"A1:{(char)('A' + width - 1)}1" }));
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName }));
        }
        return ms.ToArray();
    }
}
