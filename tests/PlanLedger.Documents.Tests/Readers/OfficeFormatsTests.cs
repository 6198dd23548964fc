using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Text;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

/// <summary>
/// Excel task tables (.xlsx read by ExcelDataReader; .xls made from it by LibreOffice during the test) and legacy
/// Word (.doc made by LibreOffice from the Word fixture, .rtf) read through LibreOffice. The tests that need
/// LibreOffice are in this one class, so that the one which hides it does not race the others.
/// </summary>
public sealed class OfficeFormatsTests
{
    private const string Title = "某某县教育局2024年重点工作任务分解表";

    /// <summary>A 任务分解表 as offices circulate it: a merged title row, the header, a lead unit merged over two rows, a second sheet, a hidden one.</summary>
    private static byte[] TaskTableXlsx()
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheets = wb.Workbook.AppendChild(new Sheets());
            AddSheet(wb, sheets, 1, "重点任务", false,
            [
                [Title, "", "", "", ""],
                ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                ["1", "新建公办幼儿园6所，新增学位1200个。", "县教育局", "县发改局", "2024年12月底前"],
                ["2", "完成32所中小学校党组织书记培训。", "", "县委组织部", "2024年6月底前"],
                ["3", "组建教育集团8个。", "县教育局基础教育股", "", "2024年9月"],
            ], ["A1:E1", "C3:C4"]);
            AddSheet(wb, sheets, 2, "其他任务", false,
            [
                ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                ["4", "课后服务覆盖率达到100%。", "县教育局", "各学校", "长期坚持"],
            ], []);
            AddSheet(wb, sheets, 3, "草稿", true, [["序号", "隐藏的任务"], ["9", "不应出现"]], []);
        }
        return ms.ToArray();
    }

    private static void AddSheet(WorkbookPart wb, Sheets sheets, uint id, string name, bool hidden, string[][] rows, string[] merges)
    {
        var ws = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length == 0) continue;
                row.Append(new Cell
                {
                    CellReference = $"{(char)('A' + c)}{r + 1}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(rows[r][c])),
                });
            }
            data.Append(row);
        }
        ws.Worksheet = new Worksheet(data);
        if (merges.Length > 0) ws.Worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        var sheet = new Sheet { Id = wb.GetIdOfPart(ws), SheetId = id, Name = name };
        if (hidden) sheet.State = SheetStateValues.Hidden;
        sheets.Append(sheet);
    }

    private static void AssertTaskTable(SourceDocument doc, string format)
    {
        Assert.Equal(format, doc.Format);
        Assert.Equal(Title, doc.Blocks[0].Text);
        var tables = doc.Blocks.Where(b => b.Kind == BlockKind.Table).ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"], tables[0].Rows[0]);
        // The lead unit merged over rows 1 and 2 is repeated, as Word's vertical merges are.
        Assert.Equal("县教育局", tables[0].Rows[1][2]);
        Assert.Equal("县教育局", tables[0].Rows[2][2]);
        Assert.Equal("2024年6月底前", tables[0].Rows[2][4]);
        Assert.Equal("课后服务覆盖率达到100%。", tables[1].Rows[1][1]);
        Assert.DoesNotContain("不应出现", string.Join("\n", doc.Blocks.SelectMany(b => b.Kind == BlockKind.Table ? b.Rows.SelectMany(r => r) : [b.Text])));
    }

    [Fact]
    public void An_xlsx_task_table_reads_every_visible_sheet_with_its_title_and_merged_cells()
    {
        AssertTaskTable(Read(TaskTableXlsx(), "任务分解表.xlsx"), "xlsx");
    }

    [Fact]
    public void An_xlsx_whose_merged_cells_overlap_is_refused_as_damaged_not_expanded_for_hours()
    {
        var rows = Enumerable.Range(1, 200).Select(r => new[] { r.ToString(), $"第{r}项任务。", r % 2 == 1 ? "县教育局" : "", "", "" }).ToArray();
        var bytes = Build(rows, Enumerable.Repeat("A1:E200", 50_000).ToArray());
        var e = Assert.Throws<DocumentReadException>(() => Read(bytes, "分解表.xlsx"));
        Assert.Equal("corrupt-xlsx", e.Code);
        Assert.Contains("合并单元格相互重叠", e.Message);

        // Ranges that do not overlap, however many, are expanded as before (each even row's lead comes from the merge).
        var tidy = Read(Build(rows, Enumerable.Range(1, 100).Select(r => $"C{2 * r - 1}:C{2 * r}").ToArray()), "分解表.xlsx");
        Assert.Equal("县教育局", tidy.Blocks.Single(b => b.Kind == BlockKind.Table).Rows[^1][2]);

        static byte[] Build(string[][] rows, string[] merges)
        {
            var ms = new MemoryStream();
            using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
            {
                var wb = doc.AddWorkbookPart();
                wb.Workbook = new Workbook();
                AddSheet(wb, wb.Workbook.AppendChild(new Sheets()), 1, "任务", false, rows, merges);
            }
            return ms.ToArray();
        }
    }

    [Fact]
    public void An_xlsx_task_table_becomes_tasks_with_their_units_and_deadlines()
    {
        var plan = PlanParser.Parse(new MemoryStream(TaskTableXlsx()), "任务分解表.xlsx");
        var tasks = plan.Descendants().Where(i => i.Text.Contains("幼儿园") || i.Text.Contains("书记培训") || i.Text.Contains("课后服务")).ToList();
        Assert.Equal(3, tasks.Count);
        Assert.Contains("县教育局", tasks[0].Lead);
        Assert.Contains("县发改局", tasks[0].Support);
        Assert.Contains("县教育局", tasks[1].Lead); // from the merged cell
        Assert.Equal("2024年6月底前", tasks[1].Deadline);
        Assert.Equal("长期坚持", tasks[2].Deadline);
    }

    [Fact]
    public void LibreOffice_formats_xls_doc_and_rtf_are_read_and_a_missing_LibreOffice_is_a_clear_error()
    {
        Assert.NotNull(LibreOfficeConverter.Find());

        // .xls: the same task table saved by LibreOffice in Excel 97-2003 format.
        var xls = LibreOfficeConverter.Convert(TaskTableXlsx(), ".xlsx", "xls", "test");
        Assert.True(xls.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]), "an OLE compound file");
        AssertTaskTable(Read(xls, "任务分解表.xls"), "xls");

        // .doc: the Word fixture saved by LibreOffice as Word 97-2003, numbering included.
        var doc = LibreOfficeConverter.Convert(DocxFixture.WorkPlan(), ".docx", "doc", "test");
        var fromDoc = Read(doc, "计划.doc");
        Assert.Equal("doc", fromDoc.Format);
        var paragraphs = fromDoc.Paragraphs();
        Assert.Contains("某某县教育局2024年工作要点", paragraphs);
        Assert.Contains(paragraphs, p => p.EndsWith("加强党的建设") && p.StartsWith('一'));
        Assert.Contains(fromDoc.Blocks, b => b.Kind == BlockKind.Table);

        // .rtf with Unicode escapes.
        var rtf = Encoding.ASCII.GetBytes("{\\rtf1\\ansi\\uc1 " + string.Concat("一、加强党的建设".Select(c => $"\\u{(int)c}?")) + "\\par}");
        Assert.Equal(["一、加强党的建设"], Read(rtf, "plan.rtf").Paragraphs());

        // A file that only looks like a .doc: LibreOffice cannot convert it.
        var fake = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(fake, 0);
        Encoding.Unicode.GetBytes("WordDocument").CopyTo(fake, 1024);
        var failed = ReadFails(fake, "plan.doc");
        Assert.Contains(failed.Code, new[] { "convert-failed", "empty" });

        // Without LibreOffice: the error says how to install it.
        var saved = Environment.GetEnvironmentVariable("PLANLEDGER_SOFFICE");
        try
        {
            Environment.SetEnvironmentVariable("PLANLEDGER_SOFFICE", "/nonexistent/soffice");
            var missing = ReadFails(doc, "plan.doc");
            Assert.Equal("legacy-doc", missing.Code);
            Assert.Contains("LibreOffice", missing.Message);
            Assert.Contains("apt-get install libreoffice-writer-nogui", missing.Message);
            Assert.Contains(".wps", ReadFails(doc, "plan.wps").Message);
        }
        finally { Environment.SetEnvironmentVariable("PLANLEDGER_SOFFICE", saved); }
    }
}
