using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Tests.Readers;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PlanLedger.Documents.Tests.Formats;

/// <summary>
/// Family 9 of the engine's layouts: Word's automatic numbering over four levels (numbering.xml <c>%1、</c>,
/// <c>（%2）</c>, <c>%3.</c>, <c>（%4）</c>), numbering that restarts, a table whose 序号 cells are auto-numbered, and a
/// PDF saved from a word processor with <c>— N —</c> page footers and a paragraph broken at a page end. Invented text.
/// </summary>
public class WordLayoutsTests
{
    private static PlanDocument Parse(byte[] bytes, string name) => PlanParser.Parse(new MemoryStream(bytes), name);

    private static string Outline(PlanDocument doc) =>
        string.Join("\n", doc.Descendants().Select(i => new string(' ', (i.Level - 1) * 2) + i.Label + " | " + i.Heading + " | " + i.Text));

    private static Paragraph Para(string text) => new(new Run(new WText(text)));

    private static Paragraph Numbered(int numId, int level, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
            new Run(new WText(text)));

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text },
            new LevelSuffix { Val = LevelSuffixValues.Nothing })
        { LevelIndex = index };

    /// <summary>A .docx whose body is <paramref name="content"/>, with one four-level list (numId 1), a second instance restarting its first level at 1 (numId 2) and a one-level decimal list for table rows (numId 3).</summary>
    private static byte[] Docx(params OpenXmlElement[] content)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                    Level(1, NumberFormatValues.ChineseCounting, "（%2）"),
                    Level(2, NumberFormatValues.Decimal, "%3."),
                    Level(3, NumberFormatValues.Decimal, "（%4）"))
                { AbstractNumberId = 1 },
                new AbstractNum(Level(0, NumberFormatValues.Decimal, "%1")) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = 2 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 3 });
            main.Document = new Document(new Body(content));
        }
        return ms.ToArray();
    }

    [Fact]
    public void Four_auto_numbered_levels_become_four_levels_of_the_tree()
    {
        var doc = Parse(Docx(
            Para("青山县教育局2024年工作要点"),
            Numbered(1, 0, "加强党的建设"),
            Numbered(1, 1, "深入开展理论学习。组织专题学习。"),
            Numbered(1, 2, "健全学习制度。每月集中学习1次。"),
            Numbered(1, 3, "建立学习台账。"),
            Numbered(1, 3, "开展学习测评。"),
            Numbered(1, 2, "开展专题培训。培训党员200人次。"),
            Numbered(1, 1, "加强基层党组织建设。推行校长负责制。"),
            Numbered(1, 0, "促进学前教育普惠发展"),
            Numbered(1, 1, "扩大普惠性资源供给。新建幼儿园2所。")), "plan.docx");
        Assert.Equal(
            """
            一 | 加强党的建设 | 
              (一) | 深入开展理论学习 | 组织专题学习。
                1 | 健全学习制度 | 每月集中学习1次。
                  (1) |  | 建立学习台账。
                  (2) |  | 开展学习测评。
                2 | 开展专题培训 | 培训党员200人次。
              (二) | 加强基层党组织建设 | 推行校长负责制。
            二 | 促进学前教育普惠发展 | 
              (一) | 扩大普惠性资源供给 | 新建幼儿园2所。
            """.ReplaceLineEndings("\n"), Outline(doc));
        Assert.Equal("青山县教育局2024年工作要点", doc.Title);
        Assert.Equal(4, doc.Descendants().Max(i => i.Level));
        // Each item sits at its own paragraph in the clean source text, its label included.
        var measure = doc.Descendants().Single(i => i.Label == "(2)");
        Assert.StartsWith("（2）开展学习测评。", doc.SourceText[measure.Span.Offset..]);
    }

    [Fact]
    public void Numbering_that_restarts_in_the_attachment_numbers_its_sections_from_one_again()
    {
        var doc = Parse(Docx(
            Numbered(1, 0, "加强党的建设"),
            Numbered(1, 1, "深入开展理论学习。组织专题学习。"),
            Numbered(1, 0, "促进学前教育普惠发展"),
            Numbered(1, 1, "扩大普惠性资源供给。新建幼儿园2所。"),
            Para("附件"),
            Para("青山县重点项目清单"),
            Numbered(2, 0, "基础设施"),
            Numbered(2, 2, "新建幼儿园2所。"),
            Numbered(2, 2, "改扩建学校3所。"),
            Numbered(2, 0, "队伍建设"),
            Numbered(2, 2, "招聘教师100名。")), "plan.docx");
        Assert.Equal(["一", "二", "附件"], doc.Items.Select(i => i.Label));
        var attachment = doc.Items[2];
        Assert.Equal("青山县重点项目清单", attachment.Heading);
        Assert.Equal(["一", "二"], attachment.Children.Select(c => c.Label));
        Assert.Equal(["1", "2"], attachment.Children[0].Children.Select(c => c.Label));
        Assert.Equal(["1"], attachment.Children[1].Children.Select(c => c.Label));
    }

    [Fact]
    public void A_task_table_whose_rows_are_auto_numbered_keeps_the_numbers_as_labels()
    {
        static TableCell Cell(OpenXmlElement p) => new(p);
        static TableRow Row(params OpenXmlElement[] cells) => new(cells.Select(c => Cell(c)));
        var table = new Table(
            Row(Para("序号"), Para("工作任务"), Para("牵头单位"), Para("完成时限")),
            Row(Numbered(3, 0, ""), Para("新建幼儿园6所。"), Para("县教育局"), Para("年内")),
            Row(Numbered(3, 0, ""), Para("培训教师300人次。"), Para("县教师发展中心"), Para("12月底")));
        var doc = Parse(Docx(Para("青山县2024年教育重点任务分解表"), table), "plan.docx");
        var rows = doc.Descendants().Where(i => i.Kind == LabelKind.TableRow).ToList();
        Assert.Equal(["1", "2"], rows.Select(r => r.Label));
        Assert.Equal(["县教育局", "县教师发展中心"], rows.Select(r => r.Lead.Single()));
        Assert.Equal(["年内", "12月底"], rows.Select(r => r.Deadline));
        Assert.Equal([6m, 300m], rows.Select(r => r.Targets.Single().Value));
    }

    /// <summary>
    /// Fixtures/plan-word-footers.pdf is Fixtures/plan-word-footers.fodt exported by LibreOffice
    /// (<c>soffice --headless --convert-to pdf</c>): two A5 pages with the footer <c>— 1 —</c>/<c>— 2 —</c> and （三）
    /// broken across the page end.
    /// </summary>
    [Fact]
    public void A_pdf_saved_from_a_word_processor_loses_its_dash_footers_and_joins_the_paragraph_broken_at_the_page_end()
    {
        var doc = Parse(File.ReadAllBytes(ReaderTestHelpers.FixturePath("plan-word-footers.pdf")), "plan.pdf");
        Assert.Equal("青山县教育局2024年工作要点", doc.Title);
        Assert.Equal(["一", "二", "三"], doc.Items.Select(i => i.Label));
        Assert.Equal(["(一)", "(二)", "(三)", "(四)", "(五)"], doc.Descendants().Where(i => i.Level == 2).Select(i => i.Label));
        var broken = doc.Descendants().Single(i => i.Label == "(三)");
        Assert.Equal("扩大普惠性资源供给", broken.Heading);
        Assert.EndsWith("推动保教质量整体提升，健全学前教育教研指导网络，建立城乡幼儿园结对帮扶机制，开展保教质量专项视导，持续提升农村幼儿园办园水平。", broken.Text);
        Assert.DoesNotContain(doc.Descendants(), i => i.Text.Contains('—') || i.Heading.Contains('—'));
        Assert.DoesNotContain("—", doc.SourceText);
        Assert.Equal(4, broken.Targets.Count);
    }
}
