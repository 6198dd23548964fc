using System.Text.Json;

namespace PlanLedger.Documents.Tests.Corpus;

/// <summary>The development corpus in Corpus/Dev: real documents, their gold answers and the per-document floors.</summary>
internal static class DevCorpus
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Corpus", "Dev");
    public static string Gold => Path.Combine(Root, "gold");

    public static IEnumerable<object[]> Names() =>
        Directory.GetFiles(Gold, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order().Select(n => new object[] { n });

    /// <summary>The one source file of a gold answer: the same stem, any extension, beside the gold folder.</summary>
    public static string SourcePath(string name) => Directory.GetFiles(Root, name + ".*").Single();

    public static IReadOnlyDictionary<string, double> Floors()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "floors.json")));
        return doc.RootElement.GetProperty("floors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }
}
