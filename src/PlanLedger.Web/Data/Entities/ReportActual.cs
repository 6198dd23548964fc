namespace PlanLedger.Web.Data.Entities;

/// <summary>实际完成值 reported for one target in one report.</summary>
public sealed class ReportActual
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int TargetId { get; set; }
    public decimal Value { get; set; }
}
