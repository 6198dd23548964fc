using PlanLedger.Documents.Syntax;

namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// One ledger task as the import is about to store it: a copy of a parsed <see cref="PlanItem"/> that
/// <see cref="LedgerShaper"/> may reshape (table rows, measures, names, owners, attachment pairing) without touching the
/// engine's output.
/// </summary>
public sealed class ImportedTask
{
    public string Label { get; set; } = "";
    public string Heading { get; set; } = "";
    public string Text { get; set; } = "";
    public List<PlanTarget> Targets { get; set; } = [];
    public List<string> Lead { get; set; } = [];
    public List<string> Support { get; set; } = [];
    public string? Deadline { get; set; }
    public SourceSpan Span { get; set; }
    public bool IsTableRow { get; set; }
    public List<ImportedTask> Children { get; set; } = [];

    /// <summary>Set when this body item absorbed the attachment-table row that restates it (undo data).</summary>
    public PairedRow? Paired { get; set; }

    public static ImportedTask From(PlanItem item) => new()
    {
        Label = item.Label,
        Heading = item.Heading,
        Text = item.Text,
        Targets = [.. item.Targets],
        Lead = [.. item.Lead],
        Support = [.. item.Support],
        Deadline = item.Deadline,
        Span = item.Span,
        IsTableRow = item.Kind == LabelKind.TableRow,
        Children = item.Children.Select(From).ToList(),
    };

    public IEnumerable<ImportedTask> SelfAndDescendants()
    {
        yield return this;
        foreach (var c in Children)
            foreach (var d in c.SelfAndDescendants()) yield return d;
    }
}
