namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// A task table a web page flattened one cell per line: a header run opened by 序号, then rows each opened by its
/// number (<see cref="FlatTableReader"/> tells the cells apart by what they hold). It can start in the middle of an
/// item's body, so it is asked before the open item continues.
/// </summary>
internal sealed class FlatTableParser : TableBlockParser
{
    public static readonly FlatTableParser Instance = new();

    public override bool CanInterrupt => true;

    public override BlockState TryOpen(StructureProcessor processor)
    {
        if (processor.Paragraph is null || !FlatTableReader.TryRead(processor.Run, processor.RunIndex, this, out var table, out var consumed)) return BlockState.None;
        processor.Tree.AddTable(table);
        processor.Advance(consumed);
        return BlockState.Break;
    }
}
