using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PlanLedger.Documents.Tests.Readers;

/// <summary>
/// Builds a realistic work-plan .docx in memory: real Word auto-numbering (chineseCounting "%1、", "（%2）",
/// decimal "%3."), a heading style that carries numbering, a restarted list (startOverride), a task table with
/// 序号/工作任务/牵头单位/完成时限 and a vertically merged cell, a header, a footer and a PAGE field.
/// </summary>
internal static class DocxFixture
{
    public static byte[] WorkPlan()
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddNumbering(main);
            AddStyles(main);

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para("页眉：某某县教育局文件"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Para("页脚：第1页"));

            var body = new Body(
                Para("某某县教育局2024年工作要点"),
                Numbered(1, 0, "加强党的建设"),
                Numbered(1, 1, "深入开展理论学习。组织专题学习。"),
                Numbered(1, 2, "组织专题学习不少于4次。"),
                Numbered(1, 2, "开展专题培训。"),
                Numbered(1, 1, "加强基层党组织建设。"),
                Numbered(1, 2, "推行校长负责制。"),
                Numbered(1, 0, "促进学前教育普惠发展"),
                Numbered(1, 1, "扩大普惠性资源供给。"),
                Styled("PlanHeading1", "推进义务教育优质均衡"),
                Numbered(2, 0, "重新编号的列表"),
                new Paragraph(new Run(new WText("页码域：")), new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" PAGE ")), new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new WText("1")), new Run(new FieldChar { FieldCharType = FieldCharValues.End })),
                new Paragraph(new Run(new WText("第一行")), new Run(new Break()), new Run(new WText("第二行")), new Run(new TabChar()), new Run(new WText("after tab"))),
                TaskTable(),
                Para("各单位要抓好落实。"),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }

    /// <summary>
    /// The work plan's package (numbering, styles, header, footer) with <paramref name="bodyXml"/> as the body of
    /// word/document.xml, written by hand: for markup the OpenXml classes make awkward (content controls, hidden
    /// runs, revisions, alternate content). The w, mc, v and wps prefixes are declared.
    /// </summary>
    public static byte[] WithBody(string bodyXml)
    {
        const string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:v=\"urn:schemas-microsoft-com:vml\" "
            + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"";
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {ns}><w:body>{bodyXml}</w:body></w:document>";
        return ReplaceEntry(WorkPlan(), "word/document.xml", Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>A copy of a zip with one entry's content replaced (or added).</summary>
    public static byte[] ReplaceEntry(byte[] zipBytes, string name, byte[] content)
    {
        var ms = new MemoryStream();
        ms.Write(zipBytes);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var s = zip.CreateEntry(name).Open();
            s.Write(content);
        }
        return ms.ToArray();
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                Level(1, NumberFormatValues.ChineseCounting, "（%2）"),
                Level(2, NumberFormatValues.Decimal, "%3."))
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 },
                new LevelOverride(new StartOverrideNumberingValue { Val = 5 }) { LevelIndex = 0 }) { NumberID = 2 });
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text },
            new LevelSuffix { Val = LevelSuffixValues.Nothing })
        { LevelIndex = index };

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Plan Heading 1" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })))
            { Type = StyleValues.Paragraph, StyleId = "PlanHeading1" });
    }

    private static Paragraph Para(string text) => new(new Run(new WText(text)));

    private static Paragraph Numbered(int numId, int level, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
            new Run(new WText(text)));

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new WText(text)));

    private static Table TaskTable()
    {
        static TableCell Cell(string text, MergedCellValues? merge = null, params Paragraph[] more)
        {
            var cell = new TableCell();
            if (merge is { } m) cell.Append(new TableCellProperties(new VerticalMerge { Val = m }));
            if (text.Length > 0 || more.Length == 0) cell.Append(Para(text));
            foreach (var p in more) cell.Append(p);
            return cell;
        }

        return new Table(
            new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })),
            new TableGrid(new GridColumn(), new GridColumn(), new GridColumn(), new GridColumn()),
            new TableRow(Cell("序号"), Cell("工作任务"), Cell("牵头单位"), Cell("完成时限")),
            new TableRow(Cell("1"), Cell("新建幼儿园6所"), Cell("县教育局", MergedCellValues.Restart), Cell("年内")),
            new TableRow(Cell("2"), Cell("", null, Para("培训教师"), Numbered(1, 2, "全员覆盖")), Cell("", MergedCellValues.Continue), Cell("12月底")));
    }
}
