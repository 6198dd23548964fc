using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Tests.Corpus;

namespace PlanLedger.Documents.Tests.Formats;

/// <summary>The same plan saved as a web page or a Word file gives the same task tree as its text.</summary>
public class CrossFormatTests
{
    public static IEnumerable<object[]> PlainSeeds() =>
        SharedCorpus.SeedNames().Where(n => !((string)n[0]).StartsWith("003", StringComparison.Ordinal));

    [Theory, MemberData(nameof(PlainSeeds))]
    public void Seed_as_html_and_as_docx_parses_like_the_text(string name)
    {
        var bytes = File.ReadAllBytes(SharedCorpus.SeedPath(name));
        var text = PlanParser.Parse(new MemoryStream(bytes), name + ".txt");
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        var html = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><div class=\"article\">"
            + string.Concat(lines.Select(l => "<p>" + WebUtility.HtmlEncode(l) + "</p>\n")) + "</div></body></html>";
        var fromHtml = PlanParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(html)), name + ".html");
        var fromDocx = PlanParser.Parse(new MemoryStream(Docx(lines)), name + ".docx");

        Assert.Equal(Summary(text), Summary(fromHtml));
        Assert.Equal(Summary(text), Summary(fromDocx));
    }

    private static string Summary(PlanDocument doc) => string.Join("\n", doc.Descendants().Select(i =>
        $"{i.Level} {i.Label} {i.Heading} [{string.Join(",", i.Targets.Select(t => $"{t.Value}{t.Unit}"))}] {i.Deadline}"));

    private static byte[] Docx(IEnumerable<string> lines)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var l in lines) body.Append(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(l) { Space = SpaceProcessingModeValues.Preserve })));
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }
}
