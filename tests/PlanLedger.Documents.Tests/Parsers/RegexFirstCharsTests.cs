using System.Text.RegularExpressions;
using PlanLedger.Documents.Parsers;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Tests.Parsers;

/// <summary>The prefilter read from an anchored alternation: a superset of what the regex can start with, or none.</summary>
public class RegexFirstCharsTests
{
    [Fact]
    public void The_chrome_line_regex_gives_a_prefilter_with_the_first_characters_of_its_branches()
    {
        var first = RegexFirstChars.Of(NoiseLexicon.ChromeLine());
        Assert.NotNull(first);
        // Plain, optional ("\[?打印", "[(（]?原价"), escaped ("\.All Rights"), set ("[京沪…]ICP") and symbol branches.
        foreach (var c in "原来[打(（.京沪C©7关微Q")
            Assert.True(first.Contains(c), $"'{c}' missing");
        foreach (var c in "一1的各")
            Assert.False(first.Contains(c), $"'{c}' should not be a chrome start");
    }

    [Fact]
    public void Every_paragraph_the_chrome_regex_matches_starts_with_a_prefilter_character()
    {
        var first = RegexFirstChars.Of(NoiseLexicon.ChromeLine())!;
        string[] chrome = ["原标题：某某", "[打印本页]", "打印本页", "（原价：20元）", "原价20元", "©2024 某某", ".All Rights Reserved",
            "京ICP备12345号", "关注微信公众号", "7X24小时客服", "Copyright 2024", "QQ空间", "【关闭窗口】", "[关闭页面]", "擅长领域：语文"];
        foreach (var line in chrome)
        {
            Assert.True(NoiseLexicon.ChromeLine().IsMatch(line), line);
            Assert.True(first.Contains(line[0]), line);
            Assert.True(NoiseFilter.IsChrome(line), line);
        }
        Assert.False(NoiseFilter.IsChrome("一、总体要求"));
    }

    [Theory]
    [InlineData(@"^(?:ab|\d)")]        // a class the reader does not expand
    [InlineData(@"^(?:(ab)|c)")]       // a group
    [InlineData(@"^(?:a*b|c)")]        // a branch that may start later
    [InlineData(@"^(?:[a-z]x|c)")]     // a range
    [InlineData(@"^(?:[^a]x|c)")]      // a negated set
    [InlineData(@"ab|c")]              // not anchored
    public void Patterns_it_cannot_read_give_no_prefilter(string pattern) =>
        Assert.Null(RegexFirstChars.Of(new Regex(pattern)));

    [Fact]
    public void Case_insensitive_patterns_give_no_prefilter() =>
        Assert.Null(RegexFirstChars.Of(new Regex("^(?:ab|c)", RegexOptions.IgnoreCase)));

    [Fact]
    public void An_optional_first_character_adds_what_follows_it()
    {
        var first = RegexFirstChars.Of(new Regex(@"^(?:x?y|[pq]?r|\[?s)"))!;
        Assert.Equal("[pqrsxy", new string(Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(first.Contains).Order().ToArray()));
    }
}
