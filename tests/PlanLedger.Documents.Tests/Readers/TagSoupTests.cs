using PlanLedger.Documents.Text;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

public class TagSoupTests
{
    [Fact]
    public void Seed_003_body_lines_stay_one_paragraph_each_after_the_junk_tags_are_stripped()
    {
        var path = SeedPath("003");
        var doc = Read(File.ReadAllBytes(path), Path.GetFileName(path));
        var paragraphs = doc.Paragraphs();

        Assert.All(doc.Blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
        Assert.DoesNotContain(paragraphs, p => p.Contains('<') && p.Contains("id=\"h4sia\""));
        var first = paragraphs.FindIndex(p => p.StartsWith("(一)突出德育实效。"));
        Assert.True(first >= 0);
        Assert.EndsWith(")", paragraphs[first]);
        Assert.Contains("(牵头单位:市教育局", paragraphs[first]);
        Assert.StartsWith("(二)提升智育水平。", paragraphs[first + 1]);
        Assert.Equal(File.ReadAllLines(path)[doc.Blocks[first].Line - 1].Trim(), paragraphs[first]);

        // The flattened table: every cell line is its own paragraph, in order.
        var header = paragraphs.FindIndex(p => p == "序号");
        Assert.Equal(["序号", "国家意见", "工作任务", "省级方案重点任务", "市本级具体工作措施", "完成", "时限", "牵头单位", "配合单位", "1", "突出德育实效"],
            paragraphs.Skip(header).Take(11));
        var cells = paragraphs.Skip(header).ToList();
        Assert.True(cells.IndexOf("长期坚持") < cells.IndexOf("宣传部"));
        Assert.Contains("(一)突出德育实效。", paragraphs[first]);
    }

    [Fact]
    public void Seed_003_keeps_the_angle_bracketed_title_that_is_not_a_tag()
    {
        var path = SeedPath("003");
        var doc = Read(File.ReadAllBytes(path), Path.GetFileName(path));
        Assert.Contains(doc.Paragraphs(), p => p.Contains("国务院<关于深化教育教学改革全面提高义务教育质量的意见>任务分工方案"));
    }

    [Fact]
    public void Text_with_junk_tags_keeps_line_numbers_and_drops_scripts_and_comments()
    {
        var text = "<span id=\"x\"></span><sup></sup>\n<!-- 注释\n跨行 -->\n一、加强党的建设\n<script>var a = '二、假的';</script>\n（一）深入开展理论学习。<br>组织专题学习。\n";
        var doc = ReadUtf8(text);
        Assert.Equal("txt", doc.Format);
        Assert.Equal(["一、加强党的建设", "（一）深入开展理论学习。", "组织专题学习。"], doc.Paragraphs());
        Assert.Equal([4, 6, 6], doc.Blocks.Select(b => b.Line));
    }

    [Fact]
    public void Text_whose_lines_live_inside_paragraph_elements_is_laid_out_as_html()
    {
        var doc = ReadUtf8("<p>一、加强党的建设</p>\n<p>（一）深入开展\n理论学习。</p>\n");
        Assert.Equal("html", doc.Format);
        Assert.Equal(["一、加强党的建设", "（一）深入开展理论学习。"], doc.Paragraphs());
    }

    [Fact]
    public void Page_whose_paragraphs_are_loose_lines_in_body_keeps_one_paragraph_per_line()
    {
        var html = "<html><head><title>站点名</title><script>var x = '假';</script></head><body>\n<div class=\"nav\"><a>首页</a></div>\n" +
                   "一、加强党的建设\n（一）深入开展理论学习。\n（二）加强基层党组织建设。\n二、促进教育公平\n</body></html>";
        var doc = ReadUtf8(html, "page.html");
        Assert.Equal("html", doc.Format);
        Assert.Equal(["首页", "一、加强党的建设", "（一）深入开展理论学习。", "（二）加强基层党组织建设。", "二、促进教育公平"], doc.Paragraphs());
        Assert.Equal([2, 3, 4, 5, 6], doc.Blocks.Select(b => b.Line));
    }
}
