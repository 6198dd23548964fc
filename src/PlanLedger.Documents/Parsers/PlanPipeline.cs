using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>The parse pipeline: noise → metadata → structure → tables → field extractors.</summary>
internal static class PlanPipeline
{
    public static PlanDocument Run(SourceDocument source, ParseOptions options)
    {
        var doc = new PlanDocument { Source = source.FileName, Format = source.Format, Encoding = source.Encoding };
        return doc;
    }
}
