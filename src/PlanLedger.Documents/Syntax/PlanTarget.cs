namespace PlanLedger.Documents.Syntax;

/// <summary>A quantity an item commits to or reports (目标 / 指标).</summary>
public sealed class PlanTarget
{
    /// <summary>The shortest span that states the target, a substring of the item's text.</summary>
    public string Text { get; set; } = "";
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    /// <summary>One of <c>=</c>, <c>&gt;=</c>, <c>&lt;=</c>, <c>~</c>.</summary>
    public string Op { get; set; } = "=";
    public SourceSpan Span { get; set; }

    public override string ToString() => $"{Text} ({Op}{Value}{Unit})";
}
