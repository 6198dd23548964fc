namespace PlanLedger.Documents.Parsers;

/// <summary>A task table (任务分解表) turned into row items, each with its fields already known.</summary>
internal sealed class TaskTable
{
    public string? Title { get; set; }
    public List<ItemDraft> Rows { get; } = [];
}
