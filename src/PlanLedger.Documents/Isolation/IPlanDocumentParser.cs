using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Isolation;

/// <summary>
/// Gets the <see cref="PlanDocument"/> of a file's bytes. Throws <see cref="DocumentReadException"/> when the
/// file cannot be read — also when the parse crashed, ran out of time or memory in an isolated worker.
/// </summary>
public interface IPlanDocumentParser
{
    Task<PlanDocument> ParseAsync(ReadOnlyMemory<byte> bytes, string fileName, ParseOptions options, CancellationToken ct = default);
}

/// <summary>Parses in the calling process (tests, trusted inputs). A stack overflow here ends the process.</summary>
public sealed class InProcessPlanDocumentParser : IPlanDocumentParser
{
    public Task<PlanDocument> ParseAsync(ReadOnlyMemory<byte> bytes, string fileName, ParseOptions options, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        using var ms = bytes.Length == 0 ? new MemoryStream() : new MemoryStream(bytes.ToArray(), writable: false);
        return Task.FromResult(PlanParser.Parse(ms, fileName, options));
    }
}
