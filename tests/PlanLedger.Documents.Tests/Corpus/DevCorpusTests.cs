using System.Text.Json;
using PlanLedger.Cli;
using PlanLedger.Documents.Tests.Cli;

namespace PlanLedger.Documents.Tests.Corpus;

/// <summary>
/// Every document of the development corpus parsed through the CLI as a user runs it and scored against its gold
/// answer the way ../shared/tools/score_plan.py scores it; each document must stay at or above its floor
/// (Corpus/Dev/floors.json), so an engine change that loses ground on a real document fails here.
/// </summary>
public class DevCorpusTests
{
    public static IEnumerable<object[]> Documents() => DevCorpus.Names();

    [Theory, MemberData(nameof(Documents))]
    public async Task Document_scores_at_least_its_floor(string name)
    {
        var floors = DevCorpus.Floors();
        Assert.True(floors.ContainsKey(name), $"{name} has no floor in Corpus/Dev/floors.json");
        var (code, stdout, stderr) = await CliUsageTests.Run("parse", DevCorpus.SourcePath(name), "--json");
        Assert.True(code == CliApp.Ok, $"{name}: exit {code}: {stderr}");
        using var pred = JsonDocument.Parse(stdout);
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(DevCorpus.Gold, name + ".json")));
        var result = PlanScore.Score(gold.RootElement, pred.RootElement);
        Assert.True(result.Score >= floors[name] - 1e-9, $"{name} fell below its floor {floors[name]:0.000}: {result}");
    }

    [Fact]
    public void Every_source_has_a_gold_answer_and_a_floor()
    {
        var sources = Directory.GetFiles(DevCorpus.Root).Select(Path.GetFileName)
            .Where(f => f is not ("floors.json" or "PROVENANCE.md")).Select(f => Path.GetFileNameWithoutExtension(f!)).ToList();
        var golds = DevCorpus.Names().Select(n => (string)n[0]).ToList();
        Assert.True(sources.Count >= 15, $"only {sources.Count} development documents");
        Assert.Equal(sources.Order(), golds.Order());
        Assert.Equal(golds.Order(), DevCorpus.Floors().Keys.Order());
        var provenance = File.ReadAllText(Path.Combine(DevCorpus.Root, "PROVENANCE.md"));
        Assert.All(Directory.GetFiles(DevCorpus.Root).Select(Path.GetFileName).Where(f => f is not ("floors.json" or "PROVENANCE.md")),
            f => Assert.Contains(f!, provenance));
    }

    [Theory, MemberData(nameof(Documents))]
    public void Gold_answer_has_the_plan_shape(string name)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(DevCorpus.Gold, name + ".json")));
        var root = gold.RootElement;
        Assert.Equal("planledger/plan@1", root.GetProperty("schema").GetString());
        Assert.Equal(Path.GetFileName(DevCorpus.SourcePath(name)), root.GetProperty("source").GetString());
        foreach (var field in new[] { "title", "issuer", "date", "docNumber" })
            Assert.Contains(root.GetProperty(field).ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        Assert.Contains(root.GetProperty("year").ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null });
        if (root.GetProperty("date").GetString() is { } date)
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", date);
        CheckItems(name, root.GetProperty("items"), 1);
    }

    private static void CheckItems(string name, JsonElement items, int level)
    {
        foreach (var it in items.EnumerateArray())
        {
            var where = $"{name} {it.GetProperty("label").GetString()}";
            Assert.Equal(level, it.GetProperty("level").GetInt32());
            var text = it.GetProperty("text").GetString()!;
            var heading = it.GetProperty("heading").GetString()!;
            foreach (var t in it.GetProperty("targets").EnumerateArray())
            {
                var span = t.GetProperty("text").GetString()!;
                Assert.True(text.Contains(span) || heading.Contains(span), $"{where}: target text [{span}] is not in the item");
                Assert.Contains(t.GetProperty("op").GetString(), new[] { "=", ">=", "<=", "~" });
                Assert.Equal(JsonValueKind.Number, t.GetProperty("value").ValueKind);
            }
            foreach (var role in new[] { "lead", "support" })
                Assert.All(it.GetProperty(role).EnumerateArray(), u => Assert.False(string.IsNullOrWhiteSpace(u.GetString()), where));
            Assert.Contains(it.GetProperty("deadline").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            CheckItems(name, it.GetProperty("children"), level + 1);
        }
    }
}
