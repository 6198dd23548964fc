using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>The numbering seen so far in a document (the last number of each label style, the last style), which inline labels continue.</summary>
internal sealed class LabelNumbering
{
    public Dictionary<LabelKind, int> Last { get; } = [];
    public LabelKind LastKind { get; set; }
}
