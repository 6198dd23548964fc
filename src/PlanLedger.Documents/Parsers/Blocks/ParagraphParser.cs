namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// A layout inside one paragraph (Markdig's inline level): it may cut the paragraph into several before the block
/// parsers see them. Asked for every paragraph in document order when the processor reads a run of paragraphs.
/// </summary>
internal abstract class ParagraphParser
{
    /// <summary>The paragraphs this one stands for, or null when it is not this parser's layout.</summary>
    public abstract List<Paragraph>? TryParse(StructureProcessor processor, Paragraph paragraph);
}
