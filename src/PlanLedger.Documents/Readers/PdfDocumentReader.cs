using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

internal static class PdfDocumentReader
{
    public static List<SourceBlock> Read(byte[] bytes) => throw ReadErrors.NoText();
}
