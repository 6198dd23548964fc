using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Tests.Documents;

/// <summary>Achieved figures beside their targets, as the 工作总结 writes them.</summary>
public sealed class FiguresTests
{
    private static TargetDto T(string text, decimal value, string unit, string op = "=") => new(1, text, value, unit, op, null);

    [Theory]
    [InlineData("新建、改扩建普惠性幼儿园24处", 24, "处", "=", 24, "新建、改扩建普惠性幼儿园24处（目标24处）")]
    [InlineData("新建、改扩建普惠性幼儿园24处", 24, "处", "=", 22, "新建、改扩建普惠性幼儿园22处（目标24处）")]
    [InlineData("学前三年毛入园率达到90%以上", 90, "%", ">=", 92.5, "学前三年毛入园率达到92.5%（目标90%以上）")]
    [InlineData("全县全年赛事不少于15次", 15, "次", ">=", 12, "全县全年赛事12次（目标不少于15次）")]
    [InlineData("开展至少6项青少年体育联赛", 6, "项", ">=", 6, "开展6项（目标至少6项）青少年体育联赛")]
    [InlineData("大班额清零", 0, "", "=", 0, "大班额清零（目标0，实际0）")]
    public void The_actual_takes_the_target_value_s_place_and_the_target_follows_in_brackets(string text, decimal value, string unit, string op, decimal actual, string expected) =>
        Assert.Equal(expected, Figures.Achieved(T(text, value, unit, op), actual));

    [Fact]
    public void Met_reads_the_operator()
    {
        Assert.True(Figures.Met(T("x", 90, "%", ">="), 90));
        Assert.False(Figures.Met(T("x", 90, "%", ">="), 89.9m));
        Assert.True(Figures.Met(T("x", 5, "%", "<="), 4));
        Assert.False(Figures.Met(T("x", 5, "%", "<="), 6));
    }
}
