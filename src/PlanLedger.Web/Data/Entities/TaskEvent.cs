namespace PlanLedger.Web.Data.Entities;

/// <summary>A decision in a task's life kept for its history: 销号, 撤销销号, 延期, 常态落实 — who, when, why.</summary>
public sealed class TaskEvent
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public TaskEventKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public enum TaskEventKind { ClosedOut, CloseOutUndone, Extended, OngoingSet, OngoingCleared }
