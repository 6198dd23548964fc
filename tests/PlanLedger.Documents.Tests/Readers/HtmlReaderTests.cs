using System.Diagnostics;
using System.Text;
using PlanLedger.Documents.Text;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

public class HtmlReaderTests
{
    static HtmlReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal const string ArticlePage = """
        <!DOCTYPE html>
        <html>
        <head>
        <meta http-equiv="Content-Type" content="text/html; charset=gbk">
        <title>某某市教育局门户网站</title>
        <script>var fake = "一、脚本里的假标题";</script>
        <style>.nav { color: red }</style>
        </head>
        <body>
        <div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/jg">机构概况</a></li><li>政务公开</li></ul></div>
        <div class="breadcrumb">当前位置：首页 &gt; 通知公告</div>
        <div class="main-content">
          <h1 class="article-title">某某市教育局2024年工作要点</h1>
          <div class="info">发布时间：2024-03-01　来源：办公室</div>
          <div id="zoom">
            <p>&nbsp;&nbsp;2024年全市教育工作要坚持以人民为中心，办好人民满意的教育。</p>
            <p>一、加强党的建设</p>
            <p>（一）深入开展理论学习。组织专题学习<br>不少于4次。</p>
            <p>（二）加强基层
               党组织建设。年内完成<span>32</span>所学校书记培训。</p>
            <table border="1">
              <tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>
              <tr><td>1</td><td>新建幼儿园6所</td><td rowspan="2">市教育局</td><td>年内</td></tr>
              <tr><td>2</td><td><p>培训教师</p><p>全员覆盖</p></td><td>12月底</td></tr>
              <tr><td colspan="2">合计</td><td>—</td><td></td></tr>
            </table>
          </div>
          <div class="share-bar">分享到：微信 微博 QQ空间</div>
        </div>
        <nav>友情链接：教育部 教育厅</nav>
        <div class="footer">版权所有：某某市教育局　备案号：京ICP备00000000号</div>
        <script>document.write("二、脚本里的假文字");</script>
        <select><option>其他网站</option></select>
        </body>
        </html>
        """;

    private static byte[] Gbk(string s) => Encoding.GetEncoding("GB18030").GetBytes(s);

    [Fact]
    public void Gbk_page_keeps_the_article_and_its_title_and_drops_navigation_share_footer_and_scripts()
    {
        var doc = Read(Gbk(ArticlePage), "page.html");

        Assert.Equal("html", doc.Format);
        Assert.Equal("gb18030", doc.Encoding);
        Assert.Equal(
        [
            "某某市教育局2024年工作要点",
            "2024年全市教育工作要坚持以人民为中心，办好人民满意的教育。",
            "一、加强党的建设",
            "（一）深入开展理论学习。组织专题学习",
            "不少于4次。",
            "（二）加强基层党组织建设。年内完成32所学校书记培训。",
        ], doc.Paragraphs());
        var all = string.Join("\n", doc.Blocks.Select(b => b.Text));
        foreach (var noise in new[] { "首页", "当前位置", "分享到", "版权所有", "友情链接", "脚本里", "其他网站", "门户网站", "color" })
            Assert.DoesNotContain(noise, all);
    }

    [Fact]
    public void Html_table_becomes_a_table_block_with_spans_resolved()
    {
        var doc = Read(Gbk(ArticlePage), "page.html");
        var table = Assert.Single(doc.Blocks, b => b.Kind == BlockKind.Table);
        Assert.Equal(
        [
            ["序号", "工作任务", "牵头单位", "完成时限"],
            ["1", "新建幼儿园6所", "市教育局", "年内"],
            ["2", "培训教师\n全员覆盖", "市教育局", "12月底"],
            ["合计", "", "—", ""],
        ], table.Rows.Select(r => r.ToArray()).ToArray());
        Assert.Equal(doc.Blocks.Count - 1, doc.Blocks.ToList().IndexOf(table));
    }

    [Fact]
    public void A_saved_page_with_a_txt_extension_is_read_as_html()
    {
        var doc = Read(Gbk(ArticlePage), "saved-page.txt");
        Assert.Equal("html", doc.Format);
        Assert.Contains("一、加强党的建设", doc.Paragraphs());
    }

    [Fact]
    public void Declared_charset_is_overruled_by_bytes_that_are_valid_utf8()
    {
        var doc = Read(Encoding.UTF8.GetBytes(ArticlePage), "page.html");
        Assert.Equal("utf-8", doc.Encoding);
        Assert.Contains("一、加强党的建设", doc.Paragraphs());
    }

    [Fact]
    public void Page_without_an_article_container_keeps_all_non_noise_text_and_line_numbers()
    {
        var html = "<html><body>\n<div id=\"nav\">首页 | 新闻</div>\n<h2>工作要点</h2>\n<div>一、总体要求</div>\n<div>二、主要任务</div>\n</body></html>";
        var doc = ReadUtf8(html, "p.htm");
        Assert.Equal(["工作要点", "一、总体要求", "二、主要任务"], doc.Paragraphs());
        Assert.Equal([3, 4, 5], doc.Blocks.Select(b => b.Line));
    }

    [Fact]
    public void A_wrapper_named_like_noise_that_holds_the_whole_text_is_kept()
    {
        var body = string.Concat(Enumerable.Range(1, 5).Select(i => $"<p>（{i}）加强教育督导，确保各项任务落实到位。</p>"));
        var doc = ReadUtf8($"<html><body><div class=\"page-with-sidebar\">{body}</div></body></html>", "p.html");
        Assert.Equal(5, doc.Paragraphs().Count);
    }

    [Fact]
    public void Ten_thousand_nested_divs_are_read_without_recursion()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "一、加强党的建设" +
                   string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";
        var watch = Stopwatch.StartNew();
        var doc = ReadUtf8(html, "deep.html");
        Assert.Equal(["一、加强党的建设"], doc.Paragraphs());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact]
    public void Unclosed_and_garbage_tags_do_not_lose_text()
    {
        var html = "<html><body><div><p>一、加强党的建设<p>二、促进教育公平<table><tr><td>序号<td>任务<tr><td>1<td>新建学校" +
                   "<b <i> 三、<a href=\"x>四、未闭合引号</p><unknown-tag attr='1'>五、未知标签";
        var doc = ReadUtf8(html, "broken.html");
        var all = string.Join("\n", doc.Blocks.Select(b => b.Text));
        Assert.Contains("一、加强党的建设", doc.Paragraphs());
        Assert.Contains("二、促进教育公平", doc.Paragraphs());
        Assert.Contains("五、未知标签", all);
        var table = Assert.Single(doc.Blocks, b => b.Kind == BlockKind.Table);
        Assert.Equal(["序号", "任务"], table.Rows[0]);
        Assert.Equal("1", table.Rows[1][0]);
    }

    [Fact]
    public void Garbage_markup_is_read_in_linear_time()
    {
        var junk = string.Concat(Enumerable.Repeat("<a x=\"<b <!-- <td ", 100_000)) + "一、正文";
        var watch = Stopwatch.StartNew();
        var doc = ReadUtf8(junk, "junk.html");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        Assert.NotNull(doc);
    }

    [Fact]
    public void Layout_table_with_a_single_column_is_read_as_paragraphs()
    {
        var doc = ReadUtf8("<html><body><table><tr><td><p>一、总体要求</p><p>二、主要任务</p></td></tr></table></body></html>", "p.html");
        Assert.Equal(["一、总体要求", "二、主要任务"], doc.Paragraphs());
        Assert.DoesNotContain(doc.Blocks, b => b.Kind == BlockKind.Table);
    }

    [Fact]
    public void Nested_table_is_flattened_into_its_cell()
    {
        var doc = ReadUtf8("<html><body><table><tr><td>1</td><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr>" +
                           "<tr><td>2</td><td>丙</td></tr></table></body></html>", "p.html");
        var table = Assert.Single(doc.Blocks, b => b.Kind == BlockKind.Table);
        Assert.Equal(["1", "甲\n乙"], table.Rows[0]);
        Assert.Equal(["2", "丙"], table.Rows[1]);
    }

    [Fact]
    public void Title_in_a_site_header_above_the_article_is_kept()
    {
        var body = string.Concat(Enumerable.Range(1, 6).Select(i => $"<p>（{i}）加强教育督导，确保各项任务落实到位。</p>"));
        var html = $"<html><body><header><nav>首页 新闻</nav><h1>某某区2024年教育工作要点</h1></header><div id=\"content\">{body}</div><footer>版权所有</footer></body></html>";
        var doc = ReadUtf8(html, "p.html");
        Assert.Equal("某某区2024年教育工作要点", doc.Paragraphs()[0]);
        Assert.Equal(7, doc.Paragraphs().Count);
    }

    [Fact]
    public void Preformatted_text_keeps_its_line_breaks()
    {
        var doc = ReadUtf8("<html><body><pre>一、总体要求\n二、主要任务</pre></body></html>", "p.html");
        Assert.Equal(["一、总体要求", "二、主要任务"], doc.Paragraphs());
    }

    [Fact]
    public void Short_meta_charset_gb2312_page_is_decoded_as_gb18030()
    {
        var html = "<html><head><meta charset=\"gb2312\"></head><body><p>一、加强党的建设</p><p>二、促进教育公平</p></body></html>";
        var doc = Read(Gbk(html), "p.html");
        Assert.Equal("gb18030", doc.Encoding);
        Assert.Equal(["一、加强党的建设", "二、促进教育公平"], doc.Paragraphs());
    }

    [Fact]
    public void Page_saved_from_word_keeps_list_labels_hidden_in_conditional_comments()
    {
        var html = "<html><body><div class=WordSection1><p class=MsoListParagraph><![if !supportLists]><span style='mso-list:Ignore'>一、</span><![endif]>" +
                   "总体要求<o:p></o:p></p><p class=MsoNormal>坚持立德树人。</p></div></body></html>";
        var doc = ReadUtf8(html, "word.htm");
        Assert.Equal(["一、总体要求", "坚持立德树人。"], doc.Paragraphs());
    }
}
