namespace PlanLedger.Documents.Tests.Corpus;

/// <summary>Finds ../shared/corpus beside the repository, walking up from the test's folder.</summary>
internal static class SharedCorpus
{
    public static string Root { get; } = Find();

    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Gold => Path.Combine(Root, "gold");

    public static IEnumerable<object[]> SeedNames() =>
        Directory.GetFiles(Gold, "*.json").Select(f => new object[] { Path.GetFileNameWithoutExtension(f) }).OrderBy(x => (string)x[0]);

    public static string SeedPath(string name) => Directory.GetFiles(Seeds, name + ".*").Single();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "corpus");
            if (Directory.Exists(Path.Combine(candidate, "gold"))) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("../shared/corpus was not found beside the repository");
    }
}
