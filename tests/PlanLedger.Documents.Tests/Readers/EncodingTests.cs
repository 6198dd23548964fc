using System.Text;
using PlanLedger.Documents.Syntax;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

/// <summary>
/// Legacy encodings: a declared charset (BOM, meta, http-equiv, XML declaration) wins; without one GB18030,
/// Big5, Shift_JIS and windows-1252 are told apart by the character frequency of their decodings, and the
/// diagnostics say which was chosen.
/// </summary>
public sealed class EncodingTests
{
    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Simplified = "一、加强党的建设\n（一）深入开展理论学习，组织全体教师参加专题培训，年内完成全部学校的书记培训。\n二、推进教育公平\n（一）扩大学前教育资源，新建幼儿园十所，普惠性幼儿园覆盖率达到百分之九十以上。\n";
    private const string Traditional = "一、加強黨的建設\n（一）深入開展理論學習，組織全體教師參加專題培訓，年內完成全部學校的書記培訓。\n二、推進教育公平\n（一）擴大學前教育資源，新建幼兒園十所，普惠性幼兒園覆蓋率達到百分之九十以上。\n";
    private const string Japanese = "一、教育の質の向上について\n（一）すべての学校で教員の研修を行い、年内に全ての校長が研修を終えるようにする。\n二、地域との連携を進める\n（一）保護者と地域の方々に学校の取り組みを分かりやすく伝える。\n";
    private const string French = "Le ministère de l'Éducation nationale a présenté le programme de l'année.\nLes élèves étudieront le français, la géographie et les mathématiques.\nÀ la fin de l'été, chaque école préparera un rapport détaillé.\n";
    private const string German = "Die Schülerinnen und Schüler übernehmen Verantwortung für größere Aufgaben.\nDas Ministerium fördert die Qualität des Unterrichts in allen Bundesländern.\n";

    private static byte[] Bytes(string text, string encoding) => Encoding.GetEncoding(encoding).GetBytes(text);

    private static Documents.Text.SourceDocument ReadAs(string text, string encoding, string fileName = "plan.txt") =>
        Read(Bytes(text, encoding), fileName);

    private static string Note(Documents.Text.SourceDocument doc) =>
        doc.Diagnostics.Single(d => d.Code == "encoding").Message;

    [Theory]
    [InlineData("gb18030", Simplified, "gb18030")]
    [InlineData("big5", Traditional, "big5")]
    [InlineData("shift_jis", Japanese, "shift_jis")]
    [InlineData("windows-1252", French, "windows-1252")]
    [InlineData("iso-8859-1", German, "windows-1252")]
    public void Undeclared_text_is_decoded_in_the_encoding_whose_characters_are_plausible(string encoding, string text, string expected)
    {
        var doc = ReadAs(text, encoding);
        Assert.Equal(expected, doc.Encoding);
        Assert.Equal(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), doc.Paragraphs());
        var note = Note(doc);
        Assert.Contains(expected, note);
        Assert.Contains("字符频率", note);
    }

    [Fact]
    public void A_short_big5_line_is_not_read_as_gb18030()
    {
        var doc = ReadAs("二、推進教育公平，擴大學前教育資源。", "big5");
        Assert.Equal("big5", doc.Encoding);
        Assert.Equal(["二、推進教育公平，擴大學前教育資源。"], doc.Paragraphs());
    }

    private static string Page(string charsetMeta, string body) =>
        $"<!DOCTYPE html><html><head>{charsetMeta}<title>計畫</title></head><body><div class=\"content\"><p>{body.Replace("\n", "</p><p>")}</p></div></body></html>";

    [Theory]
    [InlineData("<meta charset=\"big5\">", "big5", Traditional, "big5")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", "shift_jis", Japanese, "shift_jis")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", "windows-1252", French, "windows-1252")]
    [InlineData("<meta charset=\"gb2312\">", "gb18030", Simplified, "gb18030")]
    public void A_page_that_declares_its_charset_is_decoded_in_it(string meta, string encoding, string body, string expected)
    {
        var doc = Read(Bytes(Page(meta, body.TrimEnd('\n')), encoding), "page.html");
        Assert.Equal(expected, doc.Encoding);
        var text = string.Join("\n", doc.Blocks.Select(b => b.Text));
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Assert.Contains(line, text);
        Assert.Contains("声明", Note(doc));
    }

    [Fact]
    public void A_declared_single_byte_charset_wins_over_detection()
    {
        // Bytes that would also decode as GB18030; the page says windows-1252, so windows-1252 it is.
        var text = "Ãâ ÌØ ÐÔ Ò» Öµ";
        var doc = Read(Bytes(Page("<meta charset=\"windows-1252\">", text), "windows-1252"), "page.html");
        Assert.Equal("windows-1252", doc.Encoding);
        Assert.Contains(text, string.Join("\n", doc.Blocks.Select(b => b.Text)));
    }

    [Fact]
    public void An_xml_declaration_declares_the_encoding()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"Big5\"?>\n<html><body><p>" + Traditional.Replace("\n", "</p><p>") + "</p></body></html>";
        var doc = Read(Bytes(xml, "big5"), "page.xhtml");
        Assert.Equal("big5", doc.Encoding);
        Assert.Contains("加強黨的建設", string.Join("\n", doc.Blocks.Select(b => b.Text)));
    }

    [Fact]
    public void A_declaration_the_bytes_contradict_is_overruled_and_the_diagnostics_say_so()
    {
        // Declares UTF-8, is Big5 (not valid UTF-8).
        var doc = Read(Bytes(Page("<meta charset=\"utf-8\">", Traditional.TrimEnd('\n')), "big5"), "page.html");
        Assert.Equal("big5", doc.Encoding);
        Assert.Contains("加強黨的建設", string.Join("\n", doc.Blocks.Select(b => b.Text)));
        Assert.Contains("与内容不符", Note(doc));
    }

    [Fact]
    public void The_chosen_encoding_reaches_the_parsed_documents_diagnostics()
    {
        var plan = PlanParser.Parse(new MemoryStream(Bytes(Traditional, "big5")), "plan.txt");
        Assert.Equal("big5", plan.Encoding);
        var d = plan.Diagnostics.Single(x => x.Code == "encoding");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("big5", d.Message);
        Assert.Equal("加強黨的建設", plan.Items[0].Heading.Length > 0 ? plan.Items[0].Heading : plan.Items[0].Text);
    }

    [Fact]
    public void Utf8_text_gets_no_encoding_diagnostic_and_gb_text_stays_gb18030()
    {
        Assert.Empty(ReadUtf8(Simplified).Diagnostics);
        Assert.Equal("gb18030", ReadAs(Simplified, "gb18030").Encoding);
    }
}
