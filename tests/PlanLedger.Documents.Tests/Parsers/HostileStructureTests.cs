using System.Text;

namespace PlanLedger.Documents.Tests.Parsers;

/// <summary>Inputs built to break the tree builder and the extractors: they give a result, quickly.</summary>
public class HostileStructureTests
{
    [Fact]
    public void Nesting_deeper_than_the_cap_is_kept_as_text_of_the_deepest_item()
    {
        var labels = new[] { "第一部分", "一、", "（一）", "1.", "（1）", "①", "一是", "第一，", "1)" };
        var sb = new StringBuilder();
        foreach (var l in labels) sb.Append(l).Append("加强工作。内容。\n");
        var doc = PlanParser.ParseText(sb.ToString(), options: ParseOptions.Default with { MaxDepth = 4 });
        Assert.Equal(4, doc.Descendants().Max(i => i.Level));
        Assert.Contains("第一，加强工作", doc.Descendants().Single(i => i.Level == 4).Text);
    }

    [Fact]
    public void Thousands_of_items_and_a_paragraph_of_only_numbers_parse()
    {
        var sb = new StringBuilder("一、任务\n");
        for (var i = 1; i <= 5000; i++) sb.Append(i % 1000).Append(".任务").Append(i).Append("。新建学校").Append(i).Append("所。\n");
        sb.Append("二、").Append(string.Concat(Enumerable.Repeat("12345", 20000))).Append('\n');
        var doc = PlanParser.ParseText(sb.ToString());
        Assert.Equal(2, doc.Items.Count);
        Assert.True(doc.Items[0].Children.Count >= 4000);
        Assert.Empty(doc.Items[1].Targets);
    }

    [Fact]
    public void A_document_with_no_labels_gives_no_items_and_a_diagnostic()
    {
        var doc = PlanParser.ParseText("这是一段没有编号的文字。\n还是没有编号。");
        Assert.Empty(doc.Items);
        Assert.Contains(doc.Diagnostics, d => d.Code == "no-items");
    }
}
