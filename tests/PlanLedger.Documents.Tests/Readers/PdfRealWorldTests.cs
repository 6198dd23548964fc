using System.Text;
using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

/// <summary>PDFs as they come: words set without space glyphs, headers, short repeated pages, a damaged page, fonts without a mapping.</summary>
public sealed class PdfRealWorldTests
{
    private const double Size = 12;

    /// <summary>Writes words one by one, <paramref name="gap"/> points apart, without space glyphs (as many PDF producers do).</summary>
    private static void Words(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double y, double gap, params string[] words)
    {
        var x = 72.0;
        foreach (var w in words)
        {
            var letters = page.AddText(w, Size, new PdfPoint(x, y), font);
            x = letters[^1].EndBaseLine.X + gap;
        }
    }

    [Fact]
    public void Words_set_without_space_glyphs_are_separated_by_their_glyph_positions()
    {
        var b = new PdfDocumentBuilder();
        var font = b.AddStandard14Font(Standard14Font.Helvetica);
        var page = b.AddPage(PageSize.A4);
        // 2 pt between words: less than the quarter em the reader used to need, far more than between letters.
        Words(page, font, 700, 2.0, "Education", "plan", "for", "2024");
        Words(page, font, 680, 2.0, "Build", "ten", "new", "schools.");
        var doc = Read(b.Build(), "plan.pdf");
        Assert.Equal(["Education plan for 2024 Build ten new schools."], doc.Paragraphs());
    }

    [Fact]
    public void A_running_header_in_the_margin_band_is_removed_but_a_repeated_first_body_line_is_kept()
    {
        var b = new PdfDocumentBuilder();
        var font = b.AddStandard14Font(Standard14Font.Helvetica);
        for (var n = 1; n <= 3; n++)
        {
            var page = b.AddPage(PageSize.A4);
            page.AddText("County Education Bureau", 9, new PdfPoint(72, 800), font);   // header, far above the body
            page.AddText("Task table of the year", Size, new PdfPoint(72, 700), font); // real text, the same on every short page
            page.AddText($"Item {n}: open school number {n}.", Size, new PdfPoint(72, 682), font);
        }
        var all = string.Join("\n", Read(b.Build(), "plan.pdf").Blocks.Select(x => x.Text));
        Assert.DoesNotContain("County Education Bureau", all);
        Assert.Equal(3, all.Split("Task table of the year").Length - 1);
        for (var n = 1; n <= 3; n++) Assert.Contains($"Item {n}: open school number {n}.", all);
    }

    [Fact]
    public void A_line_repeated_on_fewer_than_most_pages_is_not_a_header()
    {
        var b = new PdfDocumentBuilder();
        var font = b.AddStandard14Font(Standard14Font.Helvetica);
        for (var n = 1; n <= 5; n++)
        {
            var page = b.AddPage(PageSize.A4);
            if (n <= 2) page.AddText("Appendix", Size, new PdfPoint(72, 800), font);
            page.AddText($"Body text of page {n}.", Size, new PdfPoint(72, 700), font);
        }
        var all = string.Join("\n", Read(b.Build(), "plan.pdf").Blocks.Select(x => x.Text));
        Assert.Equal(2, all.Split("Appendix").Length - 1);
    }

    [Fact]
    public void One_damaged_page_is_skipped_with_a_warning_and_the_others_are_read()
    {
        const string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
        var pdf = MinimalPdf(font,
            "BT /F1 12 Tf 72 700 Td (First page text.) Tj ET",
            "BT /F1 12 Tf 72 700 Td <<<< (Second page text.) Tj ET", // a damaged content stream
            "BT /F1 12 Tf 72 700 Td (Third page text.) Tj ET");

        var doc = PlanParser.Parse(new MemoryStream(pdf), "plan.pdf");
        Assert.Contains("First page text.", doc.SourceText);
        Assert.Contains("Third page text.", doc.SourceText);
        var warning = doc.Diagnostics.Single(d => d.Code == "pdf-bad-pages");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("第 2 页", warning.Message);
    }

    [Fact]
    public void Glyphs_in_fonts_without_a_character_mapping_are_not_reported_as_a_scan()
    {
        // A subset font without ToUnicode whose codes are glyph numbers 1, 2, 3 …: what the text layer then holds
        // is control characters, as in PDFs whose CJK fonts were embedded without a character mapping.
        var content = "BT /F1 12 Tf 72 700 Td (\\001\\002\\003\\004\\005\\006\\002\\003) Tj ET";
        var pdf = MinimalPdf("<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+SubsetFont /Encoding << /Type /Encoding /Differences [1 /g101 /g102 /g103 /g104 /g105 /g106] >> >>", content);
        var error = ReadFails(pdf, "plan.pdf");
        Assert.Equal("undecodable-fonts", error.Code);
        Assert.Contains("无法解码", error.Message);
    }

    /// <summary>A hand-written PDF: one page per content stream, all with font F1.</summary>
    private static byte[] MinimalPdf(string font, params string[] contents)
    {
        var n = contents.Length;
        var kids = string.Join(" ", Enumerable.Range(0, n).Select(i => $"{4 + 2 * i} 0 R"));
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>", $"<< /Type /Pages /Kids [{kids}] /Count {n} >>", font };
        for (var i = 0; i < n; i++)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>");
            objects.Add($"<< /Length {contents[i].Length} >>\nstream\n{contents[i]}\nendstream");
        }
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }
}
