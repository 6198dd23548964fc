namespace PlanLedger.BrowserTests;

/// <summary>Finds ../shared/corpus/seeds by walking up from the test's base directory.</summary>
public static class Seeds
{
    public static string Seed000 { get; } = Find("000_489d2595ade12a5d.txt");
    /// <summary>A city's 任务分工方案 whose 附件 restates its 24 tasks as a table, with 牵头单位 and 配合单位 named as written.</summary>
    public static string Seed003 { get; } = Find("003_095e846641951204.txt");

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
