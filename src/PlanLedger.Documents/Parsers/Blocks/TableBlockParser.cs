namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>The parsers of table layouts: a row's heading and text are its cells, with no inline runs.</summary>
internal abstract class TableBlockParser : BlockParser
{
    public override ItemContent Content(ItemDraft item) =>
        item.Cells is { } cells ? new(cells.Heading, cells.Text) : NumberedParagraphParser.Instance.Content(item);
}
