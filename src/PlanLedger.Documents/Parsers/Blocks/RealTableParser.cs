namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// A real table (Word, web page, spreadsheet) whose header names task-table columns (序号, 工作任务, 具体措施,
/// 完成时限, 牵头单位, 配合单位 …): one item per row with its fields from the columns, section rows <c>一、…</c> as the
/// level above, numbered measures in a cell as the row's children (<see cref="RealTableReader"/>). Other tables stay
/// out of the tree.
/// </summary>
internal sealed class RealTableParser : TableBlockParser
{
    public static readonly RealTableParser Instance = new();

    public override BlockState TryOpen(StructureProcessor processor)
    {
        if (processor.Table is not { } table || !RealTableReader.TryFindHeader(table, out var header, out var roles, out var title)) return BlockState.None;
        var parsed = RealTableReader.Read(table, header, roles, title, RealTableReader.HeaderOffset(table, header, processor.SourceText), this);
        if (parsed is not null) processor.Tree.AddTable(parsed);
        return BlockState.Break;
    }
}
