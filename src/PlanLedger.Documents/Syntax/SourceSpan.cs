namespace PlanLedger.Documents.Syntax;

/// <summary>A position in the clean source text: 1-based line, 0-based character offset and length.</summary>
public readonly record struct SourceSpan(int Line, int Offset, int Length)
{
    public int End => Offset + Length;
    public static SourceSpan Empty => default;
}
