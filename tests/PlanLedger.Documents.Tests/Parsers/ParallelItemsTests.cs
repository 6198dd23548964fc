using System.Text;
using PlanLedger.Documents.Parsers;
using PlanLedger.Documents.Renderers;

namespace PlanLedger.Documents.Tests.Parsers;

/// <summary>
/// A long document converts its top-level items on every core (PlanPipeline.ConvertRoots): the result must be the
/// one pass in document order gives, including a unit convention one item declares for all the items after it.
/// </summary>
public class ParallelItemsTests
{
    private const string Section = """
        一、加强组织领导
        （一）健全工作机制。建立联席会议制度，定期研究解决工作中的重大问题（区住建局、区财政局负责）。
        （二）落实经费保障。统筹安排专项资金，新建幼儿园3所，2026年底前完成（区财政局、区教育局、区人社局负责）。
        （三）推进医养结合。开展签约服务（区卫健局牵头，区民政局、区医保局按职责分工负责）。
        """;

    private const string Convention = "（四）明确分工。列出各项任务的责任单位（区教育局、区财政局负责，列第一位的为牵头单位，下同）。";

    private static string LongPlan(int sections, int conventionAt)
    {
        var sb = new StringBuilder("某区教育工作要点\n");
        for (var i = 0; i < sections; i++)
        {
            sb.Append(Section).Append('\n');
            if (i == conventionAt) sb.Append(Convention).Append('\n');
        }
        return sb.ToString();
    }

    [Fact]
    public void A_long_document_parses_the_same_in_parallel_as_in_document_order()
    {
        var text = LongPlan(sections: 2000, conventionAt: 800);
        var parallel = PlanParser.ParseText(text);
        var ordered = PlanParser.ParseText(text, options: ParseOptions.Default with { Sequential = true });

        Assert.True(parallel.SourceText.Length >= PlanPipeline.ParallelFrom, "the document is long enough for the parallel pass");
        Assert.Equal(2000, parallel.Items.Count);
        Assert.Equal(PlanJsonWriter.ToJson(ordered, includePositions: true), PlanJsonWriter.ToJson(parallel, includePositions: true));

        // Before the convention every listed unit leads; after it only the first one does.
        var before = parallel.Items[10].Children[1];
        Assert.Equal(["区财政局", "区教育局", "区人社局"], before.Lead);
        var after = parallel.Items[1600].Children[1];
        Assert.Equal(["区财政局"], after.Lead);
        Assert.Equal(["区教育局", "区人社局"], after.Support);
    }

    [Fact]
    public void A_long_document_without_conventions_parses_the_same_in_parallel_as_in_document_order()
    {
        var text = LongPlan(sections: 2000, conventionAt: -1);
        var parallel = PlanParser.ParseText(text);
        var ordered = PlanParser.ParseText(text, options: ParseOptions.Default with { Sequential = true });

        Assert.Equal(PlanJsonWriter.ToJson(ordered, includePositions: true), PlanJsonWriter.ToJson(parallel, includePositions: true));
        Assert.Equal(["区财政局", "区教育局", "区人社局"], parallel.Items[1600].Children[1].Lead);
    }

    /// <summary>
    /// Every real document we have, as text, one after another until the whole is long enough for the parallel pass:
    /// a rule that carries anything from one item to the next (as the unit conventions do) must keep the two passes equal.
    /// </summary>
    [Fact]
    public void The_dev_corpus_and_the_seeds_run_together_parse_the_same_in_parallel_as_in_document_order()
    {
        // The dev corpus first, then the seeds (seed 003 ends in an attachment that would hold every document after it),
        // each in file-name order: the same text wherever the checkout and ../shared lie.
        var texts = Directory.GetFiles(Corpus.DevCorpus.Root, "*.txt").Order(StringComparer.Ordinal)
            .Concat(Directory.GetFiles(Corpus.SharedCorpus.Seeds, "*.txt").Order(StringComparer.Ordinal)).Select(File.ReadAllText).ToList();
        var sb = new StringBuilder();
        while (sb.Length < PlanPipeline.ParallelFrom * 2)
            foreach (var t in texts) sb.Append(t).Append('\n');
        var text = sb.ToString();
        var parallel = PlanParser.ParseText(text);
        var ordered = PlanParser.ParseText(text, options: ParseOptions.Default with { Sequential = true });

        Assert.True(parallel.Items.Count > 100);
        Assert.Equal(PlanJsonWriter.ToJson(ordered, includePositions: true), PlanJsonWriter.ToJson(parallel, includePositions: true));
    }
}
