namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>What a parser did with the processor's current node.</summary>
internal enum BlockState
{
    /// <summary>Not this parser's layout: the next parser is asked.</summary>
    None,
    /// <summary>The parser took the node (and any it consumed after it) into the tree; its block stays open.</summary>
    Continue,
    /// <summary>The parser took the node and closed its block: the next node is offered to every parser.</summary>
    Break,
}

/// <summary>
/// One layout of Chinese official documents (numbered paragraphs, attachments, real tables, flattened tables, task
/// tables without 序号), in Markdig's manner: <see cref="TryOpen"/> is asked at each node the processor reaches,
/// <see cref="TryContinue"/> at the nodes after a block the parser opened; the per-document state lives in the
/// <see cref="StructureProcessor"/>. A parser that opens items also gives them their heading and body
/// (<see cref="Content"/>). Adding a layout is adding a parser to <see cref="StructureProcessor.DefaultParsers"/>.
/// </summary>
internal abstract class BlockParser
{
    /// <summary>Opens a block at the processor's current node, or returns <see cref="BlockState.None"/>.</summary>
    public abstract BlockState TryOpen(StructureProcessor processor);

    /// <summary>Asked before the open block continues: a layout that can start in the middle of another's body.</summary>
    public virtual bool CanInterrupt => false;

    /// <summary>The node after a block this parser opened: keep it (<see cref="BlockState.Continue"/>) or let the parsers open a new one.</summary>
    public virtual BlockState TryContinue(StructureProcessor processor, ItemDraft block) => BlockState.None;

    /// <summary>Heading and body of an item this parser opened, before units, deadline and targets are read from the body.</summary>
    public abstract ItemContent Content(ItemDraft item);

    /// <summary>Whether an item's text may hold an inline run (一是…；二是…) that becomes its children.</summary>
    public virtual bool HasInlineRuns(ItemDraft item) => false;
}

/// <summary>An item's heading and the body its fields are read from.</summary>
internal readonly record struct ItemContent(string Heading, string Body);
