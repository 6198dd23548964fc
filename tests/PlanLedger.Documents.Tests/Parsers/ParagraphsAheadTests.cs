using System.Text;
using PlanLedger.Documents.Parsers.Blocks;
using PlanLedger.Documents.Renderers;

namespace PlanLedger.Documents.Tests.Parsers;

/// <summary>
/// On a long document the structure stage reads its paragraphs (chrome out, spam cleaned, inline labels cut) on another
/// core, ahead of the layouts that build the tree (Blocks/ParagraphPass): the tree must be the one the paragraphs read in
/// line give — the chrome before the body in the preamble, the inline labels numbered as they run through the document.
/// </summary>
public class ParagraphsAheadTests
{
    // A section whose second item holds its own sub-items inline (cut by InlineLabelParser, numbered from the paragraphs
    // before it), a chrome line inside the body and a spam chain in a sentence.
    private const string Section = """
        一、加强组织领导
        （一）健全工作机制。建立联席会议制度，定期研究解决工作中的重大问题（区住建局负责）。
        （二）落实经费保障。统筹安排专项资金：1.新建幼儿园3所，2026年底前完成。2.改扩建中小学2所（区财政局负责）。
        打印本页 关闭窗口
        （三）推进医养结合。开展签约服务教师365不给提款怎么办_出行365官方电话_365bet体育在线网址，覆盖率达到90%以上（区卫健局牵头）。
        """;

    private static string LongPlan(int sections)
    {
        var sb = new StringBuilder("首页 > 政务公开 > 通知公告\n某区教育工作要点\n");
        for (var i = 0; i < sections; i++) sb.Append(Section).Append('\n');
        return sb.ToString();
    }

    [Fact]
    public void A_long_document_reads_its_paragraphs_ahead_with_the_same_tree_as_in_line()
    {
        var text = LongPlan(sections: 1200);
        var ahead = PlanParser.ParseText(text);
        var inLine = PlanParser.ParseText(text, options: ParseOptions.Default with { Sequential = true });

        Assert.True(text.Count(c => c == '\n') >= StructureProcessor.AheadFrom, "the document is long enough to read ahead");
        Assert.Equal(1200, ahead.Items.Count);
        Assert.Equal(PlanJsonWriter.ToJson(inLine, includePositions: true), PlanJsonWriter.ToJson(ahead, includePositions: true));

        var funding = ahead.Items[900].Children[1];
        Assert.Equal(["1", "2"], funding.Children.Select(c => c.Label));
        Assert.DoesNotContain(ahead.Items[900].Children, c => c.Text.Contains("打印本页", StringComparison.Ordinal));
        Assert.DoesNotContain("365bet", ahead.Items[900].Children[2].Text, StringComparison.Ordinal);
    }
}
