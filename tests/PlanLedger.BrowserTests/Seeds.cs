namespace PlanLedger.BrowserTests;

/// <summary>Finds ../shared/corpus/seeds by walking up from the test's base directory.</summary>
public static class Seeds
{
    public static string Seed000 { get; } = Find("000_489d2595ade12a5d.txt");

    private static string Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "corpus", "seeds", name), Path.Combine(dir.FullName, "..", "shared", "corpus", "seeds", name) })
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new FileNotFoundException("seed not found above " + AppContext.BaseDirectory, name);
    }
}
