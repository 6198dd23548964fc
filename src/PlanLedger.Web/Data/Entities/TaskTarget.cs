namespace PlanLedger.Web.Data.Entities;

/// <summary>目标/指标: a quantity a task commits to, with the reported actual (实际完成值).</summary>
public sealed class TaskTarget : IVersioned
{
    /// <summary>Grows with every edit; sent back by pages and API to detect a stale write (409).</summary>
    public int Version { get; set; }
    public static readonly string[] Derived = [nameof(Actual)];
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public string Text { get; set; } = "";
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public string Op { get; set; } = "=";
    public decimal? Actual { get; set; }
    /// <summary>Position in the plan's source text; -1 when added by hand.</summary>
    public int SpanOffset { get; set; } = -1;
    public int SpanLength { get; set; }
}
