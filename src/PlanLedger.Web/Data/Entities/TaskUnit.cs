using System.ComponentModel.DataAnnotations;
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

    /// <summary>
    /// A unit is linked to a task at most once (as lead or as support, never both, never twice; a unique index on
    /// (UnitId, TaskId) backs it): linking an already linked unit is refused.
    /// </summary>
    public static void EnsureNotLinked(IEnumerable<TaskUnit> links, int unitId, int? except = null)
    {
        var existing = links.FirstOrDefault(l => l.UnitId == unitId && l.Id != except);
        if (existing is not null)
            throw new RuleException($"该单位已是此任务的{(existing.Role == UnitRole.Lead ? "牵头单位" : "配合单位")}，同一单位不能重复关联");
    }
}

public enum UnitRole { [Display(Name = "牵头")] Lead, [Display(Name = "配合")] Support }
