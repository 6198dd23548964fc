using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PlanLedger.Documents.Text;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

public class DocxReaderTests
{
    private static readonly byte[] WorkPlan = DocxFixture.WorkPlan();

    [Fact]
    public void Word_auto_numbering_becomes_the_labels_a_reader_sees()
    {
        var doc = Read(WorkPlan, "plan.docx");
        Assert.Equal("docx", doc.Format);
        Assert.Equal(
        [
            "某某县教育局2024年工作要点",
            "一、加强党的建设",
            "（一）深入开展理论学习。组织专题学习。",
            "1.组织专题学习不少于4次。",
            "2.开展专题培训。",
            "（二）加强基层党组织建设。",
            "1.推行校长负责制。",
            "二、促进学前教育普惠发展",
            "（一）扩大普惠性资源供给。",
            "三、推进义务教育优质均衡",
            "五、重新编号的列表",
        ], doc.Paragraphs().Take(11));
    }

    [Fact]
    public void Docx_table_becomes_a_table_block_with_merged_cells_and_numbering_resolved()
    {
        var doc = Read(WorkPlan, "plan.docx");
        var table = Assert.Single(doc.Blocks, b => b.Kind == BlockKind.Table);
        Assert.Equal(
        [
            ["序号", "工作任务", "牵头单位", "完成时限"],
            ["1", "新建幼儿园6所", "县教育局", "年内"],
            ["2", "培训教师\n1.全员覆盖", "县教育局", "12月底"],
        ], table.Rows.Select(r => r.ToArray()).ToArray());
        Assert.Equal("各单位要抓好落实。", doc.Blocks[^1].Text);
    }

    [Fact]
    public void Headers_footers_and_field_codes_are_left_out()
    {
        var doc = Read(WorkPlan, "plan.docx");
        var all = string.Join("\n", doc.Blocks.Select(b => b.Text));
        Assert.DoesNotContain("页眉", all);
        Assert.DoesNotContain("页脚", all);
        Assert.DoesNotContain("PAGE", all);
        Assert.Contains("页码域：1", doc.Paragraphs());
        Assert.Contains("第一行第二行 after tab", doc.Paragraphs());
    }

    [Fact]
    public void Docx_content_is_sniffed_whatever_the_extension()
    {
        Assert.Equal("docx", Read(WorkPlan, "plan.txt").Format);
    }

    [Fact]
    public void Truncated_docx_is_reported_as_corrupt()
    {
        var error = ReadFails(WorkPlan[..(WorkPlan.Length / 2)], "plan.docx");
        Assert.Equal("corrupt-docx", error.Code);
        Assert.Equal("文件已损坏，无法作为 .docx 读取", error.Message);
    }

    [Fact]
    public void Docx_whose_document_xml_is_garbage_is_reported_as_corrupt()
    {
        var bytes = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")), ("word/document.xml", Encoding.UTF8.GetBytes("<w:document><<<")));
        Assert.Equal("corrupt-docx", ReadFails(bytes, "plan.docx").Code);
    }

    [Fact]
    public void Zip_bomb_expanding_past_the_size_limit_is_refused_before_it_is_inflated()
    {
        var bomb = ZipOfZeros("word/document.xml", 300L * 1024 * 1024, CompressionLevel.Fastest);
        var watch = Stopwatch.StartNew();
        var error = ReadFails(bomb, "bomb.docx");
        Assert.Equal("zip-bomb", error.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Zip_entry_with_an_absurd_compression_ratio_is_refused()
    {
        var bomb = ZipOfZeros("word/document.xml", 48L * 1024 * 1024, CompressionLevel.SmallestSize);
        Assert.Equal("zip-bomb", ReadFails(bomb, "bomb.docx").Code);
    }

    [Fact]
    public void Docx_expanding_past_the_configured_limit_is_refused()
    {
        var error = ReadFails(WorkPlan, "plan.docx", new ParseOptions { MaxUncompressedBytes = 2_000 });
        Assert.Equal("zip-bomb", error.Code);
    }

    [Fact]
    public void Excel_workbook_and_plain_zip_are_unsupported_with_a_specific_message()
    {
        var xlsx = ReadFails(Zip(("[Content_Types].xml", [1]), ("xl/workbook.xml", [1])), "plan.docx");
        Assert.Equal("unsupported", xlsx.Code);
        Assert.Contains("Excel", xlsx.Message);

        var zip = ReadFails(Zip(("readme.txt", Encoding.UTF8.GetBytes("一、"))), "plan.docx");
        Assert.Equal("unsupported", zip.Code);
        Assert.Contains("压缩包", zip.Message);
    }

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        return ms.ToArray();
    }

    internal static byte[] ZipOfZeros(string name, long size, CompressionLevel level)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var t = zip.CreateEntry("[Content_Types].xml").Open()) t.Write("<Types/>"u8);
            using var s = zip.CreateEntry(name, level).Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.Length) s.Write(zeros);
        }
        return ms.ToArray();
    }
}
