using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanLedger.Cli.Commands;

/// <summary>
/// Builds a .docx from the text of a document (one paragraph a line), so the bench can measure the
/// docx path on realistic content of a known size.
/// </summary>
internal static class BenchDocuments
{
    public static byte[] DocxFromText(string text, int repeat)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            for (var r = 0; r < repeat; r++)
                foreach (var line in text.Split('\n'))
                {
                    var t = line.Trim();
                    if (t.Length == 0) continue;
                    body.Append(new Paragraph(new Run(new Text(t) { Space = SpaceProcessingModeValues.Preserve })));
                }
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }
}
