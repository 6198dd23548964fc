namespace PlanLedger.Web.Data.Entities;

/// <summary>A document's text as the office edited it before generating the Word file (the 工作总结 of a plan).</summary>
public sealed class DocumentDraft
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    /// <summary>"summary".</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>The longest draft text kept (and accepted from the page).</summary>
    public const int MaxTextLength = 100_000;
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";
}
