using System.Text;
using PlanLedger.Documents;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Tests.Readers;

/// <summary>Shortcuts for reader tests: read bytes or a string, list paragraphs, find the seeds and fixtures.</summary>
internal static class ReaderTestHelpers
{
    public static SourceDocument Read(byte[] bytes, string fileName, ParseOptions? options = null) =>
        DocumentReader.Read(new MemoryStream(bytes), fileName, options ?? ParseOptions.Default);

    public static SourceDocument ReadUtf8(string text, string fileName = "plan.txt") => Read(Encoding.UTF8.GetBytes(text), fileName);

    public static List<string> Paragraphs(this SourceDocument doc) =>
        doc.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).ToList();

    public static DocumentReadException ReadFails(byte[] bytes, string fileName, ParseOptions? options = null) =>
        Assert.Throws<DocumentReadException>(() => Read(bytes, fileName, options));

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The shared seed corpus (../shared/corpus/seeds next to the working copy).</summary>
    public static string SeedsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "corpus", "seeds"), Path.Combine(dir.FullName, "corpus", "seeds") })
                if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/corpus/seeds not found above " + AppContext.BaseDirectory);
    }

    public static string SeedPath(string prefix) => Directory.GetFiles(SeedsDirectory(), prefix + "_*.txt").Single();
}
