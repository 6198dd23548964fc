namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// What a table row knows from its columns: heading and text cells, the 完成时限 cell, the unit columns, and unit
/// names of a flattened row whose 牵头/配合 columns could not be told apart (placed later by the body).
/// </summary>
internal sealed class RowCells
{
    public string Heading { get; init; } = "";
    public string Text { get; init; } = "";
    public string? Deadline { get; init; }
    public List<string> Lead { get; init; } = [];
    public List<string> Support { get; init; } = [];
    public List<string>? UnplacedUnits { get; init; }
    /// <summary>For each unplaced name, whether its line sat in a 配合 column (one unit line per unit column), when known.</summary>
    public List<bool>? UnplacedSupport { get; init; }
}
