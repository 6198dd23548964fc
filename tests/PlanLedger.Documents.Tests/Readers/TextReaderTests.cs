using System.Text;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Text;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

public class TextReaderTests
{
    private const string Plan = "某某县教育局2024年工作要点\n\n一、加强党的建设\n（一）深入开展理论学习。组织专题学习不少于4次。\n";

    private static readonly string[] PlanParagraphs = ["某某县教育局2024年工作要点", "一、加强党的建设", "（一）深入开展理论学习。组织专题学习不少于4次。"];

    static TextReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_text_gives_one_paragraph_per_non_blank_line_with_its_line_number()
    {
        var doc = ReadUtf8(Plan);
        Assert.Equal("txt", doc.Format);
        Assert.Equal("utf-8", doc.Encoding);
        Assert.Equal(PlanParagraphs, doc.Paragraphs());
        Assert.Equal([1, 3, 4], doc.Blocks.Select(b => b.Line));
    }

    [Fact]
    public void Utf8_bom_and_crlf_line_ends_are_handled()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Plan.Replace("\n", "\r\n"))).ToArray();
        var doc = Read(bytes, "plan.txt");
        Assert.Equal(PlanParagraphs, doc.Paragraphs());
        Assert.Equal([1, 3, 4], doc.Blocks.Select(b => b.Line));
    }

    [Fact]
    public void Gbk_text_is_detected_and_decoded()
    {
        var doc = Read(Encoding.GetEncoding("GB18030").GetBytes(Plan), "plan.txt");
        Assert.Equal("gb18030", doc.Encoding);
        Assert.Equal(PlanParagraphs, doc.Paragraphs());
    }

    [Fact]
    public void Gb2312_text_with_only_a_few_characters_is_still_decoded()
    {
        var doc = Read(Encoding.GetEncoding("GB2312").GetBytes("年内完成"), "short.txt");
        Assert.Equal(["年内完成"], doc.Paragraphs());
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Utf16_text_is_decoded_with_or_without_bom(bool bigEndian, bool bom)
    {
        var encoding = new UnicodeEncoding(bigEndian, bom);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Plan)).ToArray();
        var doc = Read(bytes, "plan.txt");
        Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", doc.Encoding);
        Assert.Equal(PlanParagraphs, doc.Paragraphs());
    }

    [Fact]
    public void Full_width_letters_digits_and_ideographic_spaces_fold_and_zero_width_characters_vanish()
    {
        var doc = ReadUtf8("\u3000\u3000新建幼儿园\uff16所，覆盖率达到\uff19\uff10%，ＡＢＣ级\u200b评估。\n\u00a0\u3000 \n&nbsp;&amp;&#x4E00;");
        Assert.Equal(["新建幼儿园6所，覆盖率达到90%，ABC级评估。", "&一"], doc.Paragraphs());
    }

    [Fact]
    public void A_few_invalid_bytes_in_utf8_text_do_not_change_the_encoding()
    {
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("一、加强党的建设，全面落实立德树人根本任务。\n", 20)));
        var bytes = good.Take(100).Concat(new byte[] { 0xFF, 0xC3 }).Concat(good.Skip(100)).ToArray();
        var doc = Read(bytes, "broken.txt");
        Assert.Equal("utf-8", doc.Encoding);
        Assert.Equal(20, doc.Blocks.Count);
        Assert.StartsWith("一、加强党的建设", doc.Paragraphs()[^1]);
    }

    [Fact]
    public void Text_in_an_unknown_single_byte_encoding_is_refused_not_guessed()
    {
        var random = new Random(7);
        var bytes = Enumerable.Range(0, 4000).Select(_ => (byte)random.Next(0x80, 0x100)).ToArray();
        var error = ReadFails(bytes, "mystery.txt");
        Assert.Equal("unknown-encoding", error.Code);
        Assert.Contains("无法识别文件编码", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t\n  ")]
    [InlineData("\u3000\u00a0\n\u3000")]
    public void Empty_or_blank_text_is_refused_as_empty(string text)
    {
        var error = ReadFails(Encoding.UTF8.GetBytes(text), "empty.txt");
        Assert.Equal("empty", error.Code);
        Assert.Equal("文件为空，没有可解析的内容", error.Message);
    }

    [Fact]
    public void Text_with_a_literal_angle_bracket_title_stays_plain_text()
    {
        var doc = ReadUtf8("为贯彻落实《中共中央、国务院<关于深化教育教学改革的意见>》精神\n1<2 且 3>2");
        Assert.Equal("txt", doc.Format);
        Assert.Equal(["为贯彻落实《中共中央、国务院<关于深化教育教学改革的意见>》精神", "1<2 且 3>2"], doc.Paragraphs());
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("004")]
    public void Plain_seed_documents_give_one_paragraph_per_non_blank_line(string seed)
    {
        var path = SeedPath(seed);
        var lines = File.ReadAllLines(path);
        var expected = lines.Select((l, i) => (Text: l.Trim().Trim('\u00a0', '\u3000').Trim(), Line: i + 1)).Where(x => x.Text.Length > 0).ToList();

        var doc = Read(File.ReadAllBytes(path), Path.GetFileName(path));

        Assert.Equal("txt", doc.Format);
        Assert.All(doc.Blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
        Assert.Equal(expected.Select(e => e.Line), doc.Blocks.Select(b => b.Line));
        Assert.Equal(expected.Select(e => TextNormalizerForTest(e.Text)), doc.Paragraphs());
    }

    private static string TextNormalizerForTest(string s) => s.Replace('\u00a0', ' ').Replace('\u3000', ' ');

    [Fact]
    public void Chinese_only_utf16_without_bom_or_line_breaks_is_decoded()
    {
        var doc = Read(Encoding.Unicode.GetBytes("一、加强党的建设。二、促进教育公平。"), "plan.txt");
        Assert.Equal("utf-16le", doc.Encoding);
        Assert.Equal(["一、加强党的建设。二、促进教育公平。"], doc.Paragraphs());
    }
}
