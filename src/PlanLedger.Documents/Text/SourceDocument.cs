namespace PlanLedger.Documents.Text;

/// <summary>What a reader hands to the parsers: the document's blocks in reading order.</summary>
public sealed class SourceDocument
{
    public SourceDocument(string fileName, string format, IReadOnlyList<SourceBlock> blocks, string? encoding = null)
    {
        FileName = fileName;
        Format = format;
        Blocks = blocks;
        Encoding = encoding;
    }

    public string FileName { get; }
    /// <summary>txt, html, docx or pdf: what the content was, whatever the extension said.</summary>
    public string Format { get; }
    public string? Encoding { get; }
    public IReadOnlyList<SourceBlock> Blocks { get; }
    /// <summary>What the reader noticed (the encoding it chose and why, pages it could not read …).</summary>
    public List<Syntax.Diagnostic> Diagnostics { get; } = [];
}
