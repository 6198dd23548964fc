using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

internal static class DocxDocumentReader
{
    public static List<SourceBlock> Read(byte[] bytes, ParseOptions options) => throw ReadErrors.CorruptDocx();
}
