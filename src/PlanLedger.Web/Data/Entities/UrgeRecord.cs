namespace PlanLedger.Web.Data.Entities;

/// <summary>催办: the office reminded a late unit about a plan's period — who, when; at most once a day per unit and period.</summary>
public sealed class UrgeRecord
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int UnitId { get; set; }
    public string Period { get; set; } = "";
    /// <summary>The day (UTC) of the reminder: unique with plan, unit and period.</summary>
    public DateOnly Day { get; set; }
    public int ById { get; set; }
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
