using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Admin;
using PlanLedger.Web.Features.Plans;

namespace PlanLedger.Web.Tests.Review;

/// <summary>Unit suggestions on the review page match on the distinctive part of a name; new labels continue their siblings.</summary>
public sealed class UnitSuggestionTests
{
    private static readonly Unit[] Directory =
    [
        new() { Id = 1, Name = "★办公室" }, new() { Id = 2, Name = "办公室" }, new() { Id = 3, Name = "公安局", Aliases = "" },
        new() { Id = 4, Name = "人事科", Aliases = "组织人事科" }, new() { Id = 5, Name = "安全股" }, new() { Id = 6, Name = "基础教育科" },
    ];

    [Theory]
    [InlineData("市公安局", new[] { "公安局" })]
    [InlineData("县人事处", new[] { "人事科" })]
    [InlineData("组织人事科", new[] { "人事科" })]
    [InlineData("学校安全股", new[] { "安全股" })]
    [InlineData("市卫健委", new string[0])]
    public void Suggestions_share_the_distinctive_part_of_the_name(string written, string[] expected) =>
        Assert.Equal(expected, UnitMatcher.Suggest(written, Directory).Select(u => u.Name));

    [Theory]
    [InlineData(1, 3, null, "三")]
    [InlineData(2, 2, null, "(二)")]
    [InlineData(2, 3, "2", "3")]
    [InlineData(3, 4, "(3)", "(4)")]
    [InlineData(2, 5, "(四)", "(五)")]
    public void A_new_task_continues_the_numbering_of_its_siblings(int level, int n, string? last, string expected) =>
        Assert.Equal(expected, TaskStructureEditor.Label(level, n, last));

    [Theory]
    [InlineData("一", "一、")] [InlineData("(一)", "（一）")] [InlineData("2", "2.")] [InlineData("(1)", "（1）")]
    [InlineData("①", "①")] [InlineData("一是", "一是")] [InlineData("第2项", "第2项")]
    public void Labels_are_written_as_offices_write_them(string label, string expected) =>
        Assert.Equal(expected, OfficeLabels.Of(label));

    [Theory]
    [InlineData("一/1", "推进集团化办学", "一、1.推进集团化办学")]
    [InlineData("二/(一)", "实施教师全员培训", "二、（一）实施教师全员培训")]
    [InlineData("三", "守牢校园安全底线", "三、守牢校园安全底线")]
    [InlineData("附件", "任务分解表", "附件 任务分解表")]
    [InlineData("一/1", "", "一、1.")]
    [InlineData("", "推进集团化办学", "推进集团化办学")]
    public void Tasks_are_named_by_their_place_as_offices_write_it(string path, string heading, string expected) =>
        Assert.Equal(expected, OfficeLabels.Name(path, heading));
}
