namespace PlanLedger.Documents;

/// <summary>Options of one parse. Defaults suit documents as users bring them.</summary>
public sealed record ParseOptions
{
    public static ParseOptions Default { get; } = new();

    /// <summary>Largest input accepted, in bytes (default 64 MiB).</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest total uncompressed size of a .docx's parts (zip-bomb guard, default 256 MiB).</summary>
    public long MaxUncompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Deepest item nesting kept; deeper labels are folded into their parent's text.</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>The plan year to assume when the document does not say (used by deadline rules).</summary>
    public int? Year { get; init; }

    /// <summary>Converts the items of a long document on one thread (tests compare it with the parallel pass).</summary>
    internal bool Sequential { get; init; }
}
