namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// A task table without 序号 (工作任务 | 任务分解/时序进度 | 考核要点, often inside a web form): each task cell, spanning
/// its step rows, is an item with its text; each step row its child, headed by the step without its leading time,
/// which is the deadline (<see cref="StepTableReader"/>).
/// </summary>
internal sealed class StepTableParser : TableBlockParser
{
    public static readonly StepTableParser Instance = new();

    public override BlockState TryOpen(StructureProcessor processor)
    {
        if (processor.Table is not { } table || !RealTableReader.TryFindHeader(table, out var header, out var roles, out var title)
            || !StepTableReader.Applies(roles)) return BlockState.None;
        var steps = StepTableReader.Read(table.Rows, table.Line, header, roles, RealTableReader.HeaderOffset(table, header, processor.SourceText), this);
        steps.Title = title;
        if (steps.Rows.Count > 0) processor.Tree.AddTable(steps);
        return BlockState.Break;
    }
}
