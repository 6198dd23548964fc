using PlanLedger.Documents.Parsers;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents;

/// <summary>
/// The document engine's one entry point: a work-plan document in any supported format becomes a
/// <see cref="PlanDocument"/> (<c>planledger/plan@1</c>). No console, no file system: bytes in, tree out.
/// </summary>
public static class PlanParser
{
    /// <summary>Reads and parses a document. Throws <see cref="DocumentReadException"/> when it is not readable.</summary>
    public static PlanDocument Parse(Stream stream, string fileName, ParseOptions? options = null)
    {
        options ??= ParseOptions.Default;
        if (stream.CanSeek) WarmUp(stream.Length - stream.Position);
        var source = DocumentReader.Read(stream, fileName, options);
        return Parse(source, options);
    }

    /// <summary>
    /// Before a document of <paramref name="length"/> bytes is read: from 1 MB, warms the pipeline on another core
    /// while the reading runs (a small built-in plan, its result thrown away), so that the parse itself starts warm.
    /// </summary>
    public static void WarmUp(long length) => PipelineWarmUp.StartFor(length);

    /// <summary>Parses blocks a reader produced.</summary>
    public static PlanDocument Parse(SourceDocument source, ParseOptions? options = null) =>
        PlanPipeline.Run(source, options ?? ParseOptions.Default);

    /// <summary>Parses plain text (one paragraph a line), as in the spec examples.</summary>
    public static PlanDocument ParseText(string text, string fileName = "input.txt", ParseOptions? options = null)
    {
        var blocks = new List<SourceBlock>();
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var t = raw.Trim();
            if (t.Length > 0) blocks.Add(SourceBlock.Paragraph(t, line));
        }
        return Parse(new SourceDocument(fileName, "txt", blocks, "utf-8"), options);
    }
}
