namespace PlanLedger.Web.Data.Entities;

/// <summary>A plan's clean source text (the text the tasks' and targets' spans refer to), one row per plan; only the
/// review page reads it.</summary>
public sealed class PlanSource
{
    public int PlanId { get; set; }
    public string Text { get; set; } = "";
}
