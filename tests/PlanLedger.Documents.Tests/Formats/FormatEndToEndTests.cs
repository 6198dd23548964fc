using System.Text;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Tests.Readers;

namespace PlanLedger.Documents.Tests.Formats;

/// <summary>Each format, from bytes to task tree, as a user importing the file would see it.</summary>
public class FormatEndToEndTests
{
    private static PlanDocument Parse(byte[] bytes, string name) => PlanParser.Parse(new MemoryStream(bytes), name);

    private static string Outline(PlanDocument doc) =>
        string.Join("\n", doc.Descendants().Select(i => new string(' ', (i.Level - 1) * 2) + i.Label + " " + i.Heading));

    [Fact]
    public void Docx_auto_numbering_becomes_the_task_tree_and_its_task_table_rows_carry_units_and_deadlines()
    {
        var doc = Parse(DocxFixture.WorkPlan(), "plan.docx");
        Assert.Equal("docx", doc.Format);
        var outline = Outline(doc);
        // "1.组织专题学习不少于4次。" is the item's only sentence: its text, with no heading (RULES.md, Headings).
        Assert.StartsWith("一 加强党的建设\n  (一) 深入开展理论学习\n    1 ", outline);
        Assert.Contains("二 促进学前教育普惠发展", outline);
        var target = Assert.Single(doc.Descendants().Single(i => i.Text.StartsWith("组织专题学习不少于4次")).Targets);
        Assert.Equal((4m, "次", ">="), (target.Value, target.Unit, target.Op));
        var rows = doc.Descendants().Where(i => i.Kind == LabelKind.TableRow).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotEmpty(r.Lead));
        Assert.Contains(rows, r => r.Deadline is not null);
    }

    [Fact]
    public void Gbk_text_file_parses_like_its_utf8_original()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "某县教育局2024年工作要点\n一、发展学前教育\n1.扩大资源。新建幼儿园3所，年内完成。\n";
        var gbk = Parse(Encoding.GetEncoding("GB18030").GetBytes(text), "plan.txt");
        var utf8 = Parse(Encoding.UTF8.GetBytes(text), "plan.txt");
        Assert.Equal(Outline(utf8), Outline(gbk));
        Assert.Equal("某县教育局2024年工作要点", gbk.Title);
        Assert.Equal("年内", gbk.Descendants().Single(i => i.Label == "1").Deadline);
    }

    [Fact]
    public void Html_page_keeps_the_article_and_drops_site_chrome()
    {
        const string html = """
            <html><head><meta charset="utf-8"><title>站点</title><script>var s = "一、假的条目";</script></head>
            <body><div class="nav">首页 | 新闻中心 | 政务公开</div>
            <div class="article"><h1>某区教育局2024年工作要点</h1>
            <p>一、加强党的建设</p><p>（一）强化理论学习。全年开展集中学习12次。</p>
            <p>（二）从严治党。<span>落实主体责任。</span></p></div>
            <div class="share">分享到：微信 微博</div><div class="footer">版权所有 © 某区教育局</div></body></html>
            """;
        var doc = Parse(Encoding.UTF8.GetBytes(html), "page.html");
        Assert.Equal("html", doc.Format);
        Assert.Equal("一 加强党的建设\n  (一) 强化理论学习\n  (二) 从严治党", Outline(doc));
        Assert.Equal("某区教育局2024年工作要点", doc.Title);
        var all = string.Join("", doc.Descendants().Select(i => i.Heading + i.Text));
        Assert.DoesNotContain("假的", all);
        Assert.DoesNotContain("分享", all);
    }

    [Fact]
    public void Html_task_table_under_a_forwarding_notice_gives_rows_with_measures_units_and_deadlines()
    {
        const string html = """
            <html><head><meta charset="utf-8"></head><body><div id="zoom">
            <p>青山县教育局关于印发《2024年教育重点工作任务分解表》的通知</p><p>某教发〔2024〕3号</p>
            <p>各学校：现将《2024年教育重点工作任务分解表》印发给你们，请认真抓好落实。</p>
            <p>青山县教育局</p><p>2024年2月1日</p><p>2024年教育重点工作任务分解表</p>
            <table>
            <tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>责任单位</td><td>完成时限</td></tr>
            <tr><td>1</td><td>扩大学前教育资源</td><td>1.新建幼儿园3所。<br>2.新增学位1200个。</td><td>基础教育股（牵头）、计财股</td><td>2024年8月底前</td></tr>
            <tr><td>2</td><td>加强教师队伍建设</td><td>招聘教师200名左右，开展全员培训。</td><td>人事股</td><td>年内</td></tr>
            </table></div></body></html>
            """;
        var doc = Parse(Encoding.UTF8.GetBytes(html), "table.html");
        Assert.Equal(("2024年教育重点工作任务分解表", "青山县教育局", 2024, "2024-02-01", "某教发〔2024〕3号"),
            (doc.Title, doc.Issuer, doc.Year!.Value, doc.Date, doc.DocNumber));
        Assert.Equal(["1", "2"], doc.Items.Select(i => i.Label));
        var row1 = doc.Items[0];
        Assert.Equal("扩大学前教育资源", row1.Heading);
        Assert.Equal(["基础教育股"], row1.Lead);
        Assert.Equal(["计财股"], row1.Support);
        Assert.Equal("2024年8月底前", row1.Deadline);
        Assert.Equal([3m, 1200m], row1.Children.SelectMany(c => c.Targets).Select(t => t.Value));
        Assert.Equal("年内", doc.Items[1].Deadline);
        Assert.Equal(["人事股"], doc.Items[1].Lead);
    }

    [Fact]
    public void Pdf_with_running_header_and_page_numbers_parses_into_sections_and_items()
    {
        var doc = Parse(File.ReadAllBytes(ReaderTestHelpers.FixturePath("plan-two-pages.pdf")), "plan.pdf");
        Assert.Equal("pdf", doc.Format);
        Assert.Equal(["一", "二", "三"], doc.Items.Select(i => i.Label));
        Assert.Equal(6, doc.Descendants().Count(i => i.Level == 2));
        var item4 = doc.Descendants().Single(i => i.Label == "(四)");
        Assert.Contains("持续提升保育教育专业能力", item4.Text);
        Assert.DoesNotContain("示例县教育局文件", string.Join("", doc.Descendants().Select(i => i.Text)));
        Assert.Contains(doc.Descendants().Single(i => i.Label == "(三)").Targets, t => t.Value == 6 && t.Unit == "所");
    }

    [Fact]
    public void Legacy_doc_is_refused_with_a_save_as_docx_message()
    {
        var bytes = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0 };
        var e = Assert.Throws<DocumentReadException>(() => Parse(bytes.Concat(new byte[600]).ToArray(), "plan.doc"));
        Assert.Equal("legacy-doc", e.Code);
        Assert.Contains(".docx", e.Message);
    }

    [Fact]
    public void Item_positions_point_at_their_text_in_the_source()
    {
        var doc = PlanParser.ParseText("前言。\n一、发展学前教育\n1.扩大资源。新建幼儿园3所。\n");
        var item = doc.Descendants().Single(i => i.Label == "1");
        Assert.Equal(3, item.Span.Line);
        Assert.StartsWith("1.扩大资源", doc.SourceText[item.Span.Offset..]);
        var t = Assert.Single(item.Targets);
        Assert.Equal("新建幼儿园3所", doc.SourceText.Substring(t.Span.Offset, t.Span.Length));
    }
}
