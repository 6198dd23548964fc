using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlanLedger.Cli;
using PlanLedger.Documents.Tests.Cli;

namespace PlanLedger.Documents.Tests.Corpus;

/// <summary>
/// The five real documents end to end, through the CLI as a user runs it, compared with the hand-made
/// gold answers the way ../shared/tools/score_plan.py compares them.
/// </summary>
public partial class SeedTests
{
    public static IEnumerable<object[]> Seeds() => SharedCorpus.SeedNames();

    [Theory, MemberData(nameof(Seeds))]
    public async Task Seed_parses_to_the_gold_tree(string name)
    {
        var (code, stdout, stderr) = await CliUsageTests.Run("parse", SharedCorpus.SeedPath(name), "--json");
        Assert.True(code == CliApp.Ok, stderr);
        using var predDoc = JsonDocument.Parse(stdout);
        using var goldDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedCorpus.Gold, name + ".json")));
        var pred = Flatten(predDoc.RootElement.GetProperty("items"));
        var gold = Flatten(goldDoc.RootElement.GetProperty("items"));

        Assert.Equal(gold.Keys.Order(), pred.Keys.Order());
        foreach (var (path, g) in gold)
        {
            var p = pred[path];
            Assert.True(Norm(g.GetProperty("heading").GetString()) == Norm(p.GetProperty("heading").GetString()), $"{name} {path} heading");
            Assert.True(Targets(g).SetEquals(Targets(p)), $"{name} {path} targets: gold [{string.Join(", ", Targets(g))}] got [{string.Join(", ", Targets(p))}]");
            Assert.True(Norm(Str(g, "deadline")) == Norm(Str(p, "deadline")), $"{name} {path} deadline");
        }
        foreach (var field in new[] { "title", "issuer", "date", "docNumber" })
            Assert.True(Norm(Str(goldDoc.RootElement, field)) == Norm(Str(predDoc.RootElement, field)), $"{name} {field}");
        Assert.Equal(goldDoc.RootElement.GetProperty("year").ToString(), predDoc.RootElement.GetProperty("year").ToString());
        foreach (var noise in new[] { "<", ">", "365bet", "Copyright", "折扣价", "VIP免费下载", "微信好友", "打印页面", "本文内容由", "沧州市教育机构" })
            Assert.DoesNotContain(noise, string.Join("\n", pred.Values.Select(v => v.GetProperty("text").GetString() + v.GetProperty("heading").GetString())));
    }

    [Fact]
    public async Task Seed_003_task_table_units_follow_the_body_parenthetical()
    {
        var (_, stdout, _) = await CliUsageTests.Run("parse", SharedCorpus.SeedPath("003_095e846641951204"), "--json");
        using var doc = JsonDocument.Parse(stdout);
        var items = Flatten(doc.RootElement.GetProperty("items"));
        var row1 = items["附件/1"];
        Assert.Empty(row1.GetProperty("lead").EnumerateArray());
        Assert.Equal(["宣传部", "团市委", "文广旅局", "网信办"], row1.GetProperty("support").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(["市教育局"], items["一/(一)"].GetProperty("lead").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("长期坚持", row1.GetProperty("deadline").GetString());
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static HashSet<string> Targets(JsonElement item) =>
        item.GetProperty("targets").EnumerateArray()
            .Select(t => t.GetProperty("value").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture) + "|" + Norm(t.GetProperty("unit").GetString()))
            .ToHashSet();

    private static Dictionary<string, JsonElement> Flatten(JsonElement items, string prefix = "", Dictionary<string, JsonElement>? into = null)
    {
        into ??= [];
        var seen = new Dictionary<string, int>();
        foreach (var it in items.EnumerateArray())
        {
            var label = it.GetProperty("label").GetString()!.Normalize(System.Text.NormalizationForm.FormKC);
            seen[label] = seen.GetValueOrDefault(label) + 1;
            var key = seen[label] == 1 ? label : $"{label}#{seen[label]}";
            var path = prefix.Length == 0 ? key : prefix + "/" + key;
            into[path] = it;
            Flatten(it.GetProperty("children"), path, into);
        }
        return into;
    }

    private static string Norm(string? s) => s is null ? "" : Punct().Replace(s.Normalize(System.Text.NormalizationForm.FormKC), "");

    [GeneratedRegex(@"[\s\u3000,，。、;；:：!！?？""'“”‘’()（）\[\]【】《》<>·…—\-_.]")]
    private static partial Regex Punct();
}
