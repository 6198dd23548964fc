namespace PlanLedger.Web.Data.Entities;

/// <summary>A lead (牵头) or supporting (配合) unit of a task: the name as written, mapped onto the unit directory when known.</summary>
public sealed class TaskUnit
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public UnitRole Role { get; set; }
    public string Name { get; set; } = "";
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
}

public enum UnitRole { Lead, Support }
