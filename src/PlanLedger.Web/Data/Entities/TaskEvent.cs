using System.ComponentModel.DataAnnotations;
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

public enum TaskEventKind { [Display(Name = "销号")] ClosedOut, [Display(Name = "撤销销号")] CloseOutUndone, [Display(Name = "延期")] Extended, [Display(Name = "设为常态落实")] OngoingSet, [Display(Name = "取消常态落实")] OngoingCleared }
