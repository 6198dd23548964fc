using PlanLedger.Documents.Readers;

namespace PlanLedger.Documents.Isolation;

/// <summary>Which inputs the CLI parses in a worker process: those whose reader can die in ways .NET cannot catch.</summary>
public static class IsolationPolicy
{
    /// <summary>Bytes to read from the start of a file for <see cref="NeedsWorker"/>.</summary>
    public const int HeadLength = 1024;

    /// <summary>
    /// PDFs: PdfPig recurses through content streams and form XObjects and overflows the stack on crafted files
    /// (pdf.js issue19800, REDHAT-1531897). Text, HTML and .docx readers are iterative and bounded.
    /// </summary>
    public static bool NeedsWorker(ReadOnlySpan<byte> head) => FormatSniffer.Sniff(head).Kind == SniffedKind.Pdf;
}
