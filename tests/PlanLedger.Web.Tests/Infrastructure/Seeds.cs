using PlanLedger.Documents;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>The shared seed corpus (../shared/corpus/seeds beside the repository), found by walking up from the test folder.</summary>
public static class Seeds
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "seeds");
            if (Directory.Exists(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "corpus", "seeds");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("../shared/corpus/seeds not found above " + AppContext.BaseDirectory);
    }

    public static string Seed000 => Path.Combine(Folder, "000_489d2595ade12a5d.txt");

    public static IEnumerable<string> All => Directory.GetFiles(Folder).OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>The engine's (Chinese) message when it cannot read the bytes, else null.</summary>
    public static string? EngineRefuses(string name, byte[] bytes)
    {
        try
        {
            using var ms = new MemoryStream(bytes);
            PlanParser.Parse(ms, name);
            return null;
        }
        catch (PlanLedger.Documents.Readers.DocumentReadException e)
        {
            return e.Message;
        }
    }

    /// <summary>What the engine itself makes of the file: the number of items (tasks) in its tree.</summary>
    public static int EngineItemCount(string path)
    {
        using var fs = File.OpenRead(path);
        return PlanParser.Parse(fs, Path.GetFileName(path)).Descendants().Count();
    }
}
