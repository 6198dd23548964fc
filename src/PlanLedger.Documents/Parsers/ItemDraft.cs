using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>An item while the tree is being built: its label and the paragraphs that belong to it.</summary>
internal sealed class ItemDraft
{
    public required LabelKind Kind { get; init; }
    public required string Label { get; init; }
    public int Number { get; init; }
    public ItemDraft? Parent { get; set; }
    public List<ItemDraft> Children { get; } = [];
    /// <summary>The paragraph that opened the item, without its label.</summary>
    public string First { get; set; } = "";
    public Paragraph? Source { get; init; }
    public int FirstOffset { get; init; }
    /// <summary>Further paragraphs of the item's own body.</summary>
    public List<Paragraph> More { get; } = [];

    /// <summary>The layout's parser that opened the item: it gives the item its heading and body.</summary>
    public Blocks.BlockParser Parser { get; init; } = Blocks.NumberedParagraphParser.Instance;
    /// <summary>Filled for task-table rows, which know their fields from columns.</summary>
    public Blocks.RowCells? Cells { get; set; }
    public Dictionary<string, string>? Fields { get; set; }
    /// <summary>True for items whose first sentence is never a heading (measures in a table cell).</summary>
    public bool NoHeading { get; set; }
    /// <summary>A "具体措施：" line was seen: the numbered items that follow are measures.</summary>
    public bool MeasuresFollow { get; set; }
    /// <summary>Labelled paragraphs too deep for the tree were kept here: they stay with this item.</summary>
    public bool KeepsParagraphs { get; set; }
    /// <summary>The label's line stops inside its sentence, which goes on in the first paragraph of <see cref="More"/>.</summary>
    public bool ContinuesOnNextLine { get; set; }

    public int Depth => Parent is null ? 1 : Parent.Depth + 1;
}
