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
    public void A_broken_excel_workbook_and_a_plain_zip_have_specific_messages()
    {
        var xlsx = ReadFails(Zip(("[Content_Types].xml", [1]), ("xl/workbook.xml", [1])), "plan.docx");
        Assert.Equal("corrupt-xlsx", xlsx.Code);
        Assert.Contains("Excel", xlsx.Message);

        var zip = ReadFails(Zip(("readme.txt", Encoding.UTF8.GetBytes("一、"))), "plan.docx");
        Assert.Equal("unsupported", zip.Code);
        Assert.Contains("压缩包", zip.Message);
    }

    private static string P(string runs, string pPr = "") => $"<w:p>{pPr}{runs}</w:p>";
    private static string R(string text, string rPr = "") => $"<w:r>{rPr}<w:t xml:space=\"preserve\">{text}</w:t></w:r>";
    private static string Num(int numId, int level) => $"<w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr></w:pPr>";
    private static string Tc(string content, string tcPr = "") => $"<w:tc>{tcPr}{content}</w:tc>";

    [Fact]
    public void Content_controls_custom_xml_and_smart_tags_are_read_through_each_paragraph_with_its_own_line()
    {
        var doc = Read(DocxFixture.WithBody(
            P(R("标题"))
            + "<w:sdt><w:sdtPr><w:alias w:val=\"要点\"/><w:rPr><w:b/></w:rPr></w:sdtPr><w:sdtContent>"
            + P(R("加强党的建设"), Num(1, 0)) + P(R("深入开展理论学习。"), Num(1, 1)) + "</w:sdtContent></w:sdt>"
            + "<w:customXml w:element=\"plan\"><w:customXmlPr/><w:sdt><w:sdtContent>" + P(R("促进学前教育"), Num(1, 0)) + "</w:sdtContent></w:sdt></w:customXml>"
            + P("<w:sdt><w:sdtPr><w:tag w:val=\"unit\"/></w:sdtPr><w:sdtContent>" + R("县教育局") + "</w:sdtContent></w:sdt>" + R("牵头"))
            + P("<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"place\">" + R("某某县") + "</w:smartTag>" + R("各学校"))),
            "plan.docx");
        Assert.Equal(["标题", "一、加强党的建设", "（一）深入开展理论学习。", "二、促进学前教育", "县教育局牵头", "某某县各学校"], doc.Paragraphs());
        Assert.Equal([1, 2, 3, 4, 5, 6], doc.Blocks.Select(b => b.Line));
    }

    [Fact]
    public void Hidden_runs_deleted_text_and_alternate_content_are_left_out_but_still_number_and_a_text_box_is_read_once()
    {
        const string textBox = "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>"
            + "<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
            + "<w:txbxContent><w:p><w:r><w:t>旧文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
        var doc = Read(DocxFixture.WithBody(
            P(R("可见") + R("隐藏", "<w:rPr><w:vanish/></w:rPr>") + R("也隐藏", "<w:rPr><w:b/><w:vanish w:val=\"1\"/></w:rPr>")
              + R("不隐藏", "<w:rPr><w:vanish w:val=\"false\"/></w:rPr>") + R("修订前隐藏", "<w:rPr><w:rPrChange w:id=\"1\"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr>"))
            + P(R("整段隐藏", "<w:rPr><w:vanish/></w:rPr>"), Num(1, 0))
            + P(R("插入") + "<w:ins w:id=\"2\">" + R("新增") + "</w:ins><w:del w:id=\"3\"><w:r><w:delText>删除</w:delText></w:r></w:del>"
              + "<w:moveFrom w:id=\"4\">" + R("移走") + "</w:moveFrom><w:moveTo w:id=\"5\">" + R("移来") + "</w:moveTo>" + textBox + R("正文"), Num(1, 0))
            + "<mc:AlternateContent><mc:Choice Requires=\"w14\">" + P(R("选择")) + "</mc:Choice><mc:Fallback>" + P(R("后备")) + "</mc:Fallback></mc:AlternateContent>"
            + P(R("修订前是编号"), "<w:pPr><w:pPrChange w:id=\"6\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:pPrChange></w:pPr>")),
            "plan.docx");
        // The text box (mc:Choice) follows the text before its anchor; its VML copy (mc:Fallback) is not read again.
        Assert.Equal(["可见不隐藏修订前隐藏", "二、插入新增移来正文", "文本框", "修订前是编号"], doc.Paragraphs());
    }

    private static string Box(string content) =>
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>" + content
        + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" + content
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";

    [Fact]
    public void Text_boxes_are_read_in_document_order_once_each_with_the_line_of_their_anchor()
    {
        var doc = Read(DocxFixture.WithBody(
            P(Box(P(R("某某县教育局文件")) + P(R("县教发〔2024〕1号"))))          // a title block in a text box, empty anchor
            + P(R("关于印发2024年工作要点的通知"))
            + P(R("一、加强党的建设"))
            + P("<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + P(R("（一）深入开展理论学习。")) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
            + P(R("二、推进教育公平") + Box(P(R("注：本项由县教育局牵头。"))))
            + "<w:tbl><w:tr>" + Tc(P(R("任务"))) + Tc(P(R("单位"))) + "</w:tr><w:tr>" + Tc(P(R("培训") + Box(P(R("框内说明"))))) + Tc(P(R("教育局"))) + "</w:tr></w:tbl>"),
            "plan.docx");
        Assert.Equal(["某某县教育局文件", "县教发〔2024〕1号", "关于印发2024年工作要点的通知", "一、加强党的建设", "（一）深入开展理论学习。",
            "二、推进教育公平", "注：本项由县教育局牵头。"], doc.Paragraphs());
        Assert.Equal([1, 1, 2, 3, 4, 5, 5], doc.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Line));
        var table = doc.Blocks.Single(b => b.Kind == BlockKind.Table);
        Assert.Equal("培训\n框内说明", table.Rows[1][0]);
    }

    [Fact]
    public void A_line_break_inside_a_table_cell_separates_its_lines_but_one_in_a_body_paragraph_joins_them()
    {
        // Word's Shift+Enter between two office names in a 责任科室 cell, and one that wraps a body sentence.
        var doc = Read(DocxFixture.WithBody(
            P(R("一、加强") + "<w:r><w:br/></w:r>" + R("党的建设"))
            + "<w:tbl><w:tr>" + Tc(P(R("任务"))) + Tc(P(R("责任科室"))) + "</w:tr><w:tr>" + Tc(P(R("组建教育集团") + "<w:r><w:br/></w:r>" + R("3个")))
            + Tc(P(R("基教科") + "<w:r><w:br/></w:r>" + R("教研室"))) + "</w:tr></w:tbl>"),
            "plan.docx");
        Assert.Equal("一、加强党的建设", doc.Blocks[0].Text);
        var table = doc.Blocks.Single(b => b.Kind == BlockKind.Table);
        Assert.Equal(["组建教育集团\n3个", "基教科\n教研室"], table.Rows[1]);
    }

    [Fact]
    public void A_password_protected_docx_is_reported_as_encrypted_not_as_a_legacy_doc()
    {
        // What Word writes for a .docx with an open password: an OLE compound file whose directory holds
        // EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO), no WordDocument stream.
        var ole = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(ole, 1024);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(ole, 1152);
        var error = ReadFails(ole, "计划.docx");
        Assert.Equal("encrypted", error.Code);
        Assert.Contains("密码", error.Message);
        Assert.DoesNotContain(".doc 是旧版", error.Message);
    }

    [Fact]
    public void Table_rows_and_cells_in_content_controls_keep_their_places_and_continued_merges_do_not_number()
    {
        var doc = Read(DocxFixture.WithBody(
            "<w:tbl><w:tblPr/><w:tblGrid/>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + Tc(P(R("任务"))) + Tc(P(R("单位"))) + "</w:tr>"
            + "<w:sdt><w:sdtContent><w:tr>" + Tc(P(R("合并")), "<w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/></w:tcPr>")
            + Tc(P(R("甲"), Num(1, 2))) + "</w:tr></w:sdtContent></w:sdt>"
            + "<w:tr>" + Tc(P(R("不读"), Num(1, 2)), "<w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge/></w:tcPr>")
            + "<w:sdt><w:sdtContent>" + Tc(P(R("乙"), Num(1, 2))) + "</w:sdtContent></w:sdt></w:tr>"
            + "<w:tr>" + Tc(P(R("外")) + "<w:tbl><w:tr>" + Tc(P(R("内"), Num(1, 2))) + Tc(P(R("内二"))) + "</w:tr></w:tbl>")
            + "<w:customXml w:element=\"c\">" + Tc(P(R("自定义格"))) + "</w:customXml>" + Tc(P(R("末格"))) + "</w:tr>"
            + "</w:tbl>"),
            "plan.docx");
        var table = Assert.Single(doc.Blocks);
        Assert.Equal(BlockKind.Table, table.Kind);
        Assert.Equal(
        [
            ["", "任务", "单位"],
            ["合并", "", "1.甲"],
            ["合并", "", "2.乙"],
            ["外\n3.内\n内二", "自定义格", "末格"],
        ], table.Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void Main_document_part_is_found_through_the_package_relationships()
    {
        var plan = DocxFixture.WithBody(P(R("主文档在别处")));
        using var zip = new ZipArchive(new MemoryStream(plan));
        string Entry(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        var moved = DocxFixture.ReplaceEntry(plan, "word/main.xml", Encoding.UTF8.GetBytes(Entry("word/document.xml")));
        moved = DocxFixture.ReplaceEntry(moved, "word/_rels/main.xml.rels", Encoding.UTF8.GetBytes(Entry("word/_rels/document.xml.rels")));
        moved = DocxFixture.ReplaceEntry(moved, "_rels/.rels", Encoding.UTF8.GetBytes(Entry("_rels/.rels").Replace("/word/document.xml", "/word/main.xml")));
        moved = DocxFixture.ReplaceEntry(moved, "word/document.xml", Encoding.UTF8.GetBytes("<w:document/>"));
        Assert.Equal(["主文档在别处"], Read(moved, "plan.docx").Paragraphs());
    }

    [Fact]
    public void Document_part_inflating_past_its_declared_size_is_refused()
    {
        // A zip whose directory says word/document.xml is 1 KB while it inflates to 5 MB of XML.
        var xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + string.Concat(Enumerable.Repeat(P(R("加强党的建设")), 60_000)) + "</w:body></w:document>";
        var bytes = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", Encoding.UTF8.GetBytes(xml)));
        var declared = 1024u;
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var sig = BitConverter.ToUInt32(bytes, i);
            var nameOffset = sig == 0x04034b50 ? 30 : sig == 0x02014b50 ? 46 : -1;
            if (nameOffset < 0 || i + nameOffset + 17 > bytes.Length) continue;
            if (Encoding.ASCII.GetString(bytes, i + nameOffset, 17) != "word/document.xml") continue;
            BitConverter.TryWriteBytes(bytes.AsSpan(i + (sig == 0x04034b50 ? 22 : 24), 4), declared);
        }
        // ZipArchive stops the entry at its declared size (the XML is then cut short); were it not to, the
        // reader's counting stream would stop it. Either way nothing past the declared size is used.
        Assert.Contains(ReadFails(bytes, "plan.docx").Code, new[] { "zip-bomb", "corrupt-docx" });
    }

    [Fact]
    public void Deeply_nested_markup_is_read_without_running_out_of_stack()
    {
        const int depth = 100_000;
        static string Nest(string open, string close, string inner) =>
            string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));
        var doc = Read(DocxFixture.WithBody(
            Nest("<w:customXml>", "</w:customXml>", P(R("深")))
            + "<w:tbl><w:tr>" + Tc(Nest("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", P(R("格"))))
            + Tc(P(Nest("<w:hyperlink>", "</w:hyperlink>", R("链")))) + "</w:tr></w:tbl>"), "deep.docx");
        Assert.Equal("深", doc.Blocks[0].Text);
        Assert.Equal(["格", "链"], doc.Blocks[1].Rows[0]);
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
