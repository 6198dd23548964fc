namespace PlanLedger.Documents.Text;

public enum BlockKind { Paragraph, Table }

/// <summary>
/// One block a reader found in a document: a paragraph of text, or a real table (docx/html) of cells.
/// Readers emit blocks in reading order; the parsers never see bytes, markup or file formats.
/// </summary>
public sealed class SourceBlock
{
    private SourceBlock(BlockKind kind, string text, IReadOnlyList<IReadOnlyList<string>> rows, int line)
    {
        Kind = kind;
        Text = text;
        Rows = rows;
        Line = line;
    }

    public BlockKind Kind { get; }

    /// <summary>The paragraph's text (for a table: its cells joined, for searching).</summary>
    public string Text { get; }

    /// <summary>The table's rows of cell texts (empty for a paragraph). A cell may hold several lines.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>1-based line in the original file where the block starts (0 when the format has no lines).</summary>
    public int Line { get; }

    public static SourceBlock Paragraph(string text, int line = 0) => new(BlockKind.Paragraph, text, [], line);

    public static SourceBlock Table(IReadOnlyList<IReadOnlyList<string>> rows, int line = 0) =>
        new(BlockKind.Table, string.Join("\n", rows.Select(r => string.Join("\t", r))), rows, line);

    public override string ToString() => Kind == BlockKind.Paragraph ? Text : $"[table {Rows.Count} rows]";
}
