namespace PlanLedger.Documents.Syntax;

/// <summary>One numbered part of a plan (条目): a section, a task, a measure or a task-table row.</summary>
public sealed class PlanItem
{
    /// <summary>The number as written without its punctuation: 一, (一), 7, (1), ①, 一是, 附件.</summary>
    public string Label { get; set; } = "";
    public int Level { get; set; }
    public string Heading { get; set; } = "";
    public string Text { get; set; } = "";
    public List<PlanTarget> Targets { get; } = [];
    public List<string> Lead { get; } = [];
    public List<string> Support { get; } = [];
    public string? Deadline { get; set; }
    public List<PlanItem> Children { get; } = [];

    /// <summary>Where the item starts and ends in <see cref="PlanDocument.SourceText"/>.</summary>
    public SourceSpan Span { get; set; }

    /// <summary>The label style that opened this item (used while building the tree).</summary>
    public LabelKind Kind { get; set; }

    /// <summary>Table-specific fields (provincial task etc.) when the item is a task-table row.</summary>
    public Dictionary<string, string>? Fields { get; set; }

    public override string ToString() => $"{Label} {Heading}";
}
