using System.Text;
using PlanLedger.Documents.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

/// <summary>
/// Fixtures/plan-two-pages.pdf is printed by Chromium from Fixtures/plan-two-pages.html: two A5 pages with a
/// running header "示例县教育局文件", page numbers "- 1 -"/"- 2 -", and paragraph （四） broken across the pages.
/// </summary>
public class PdfReaderTests
{
    private static readonly byte[] TwoPages = File.ReadAllBytes(FixturePath("plan-two-pages.pdf"));

    // PdfPig needs a few hundred milliseconds for the embedded CJK font: read the fixture once.
    private static readonly Lazy<SourceDocument> TwoPagesDoc = new(() => Read(TwoPages, "plan.pdf"));

    [Fact]
    public void Pdf_lines_are_joined_into_paragraphs_across_line_wraps_and_the_page_break()
    {
        var doc = TwoPagesDoc.Value;
        Assert.Equal("pdf", doc.Format);
        Assert.Equal(
        [
            "示例县教育局2024年工作要点",
            "2024年全县教育工作的总体要求是：坚持以人民为中心的发展思想，全面落实立德树人根本任务，深化教育综合改革，推动全县教育事业高质量发展，努力办好人民满意的教育。",
            "一、加强党的建设",
            "（一）深入开展理论学习。以党的二十大精神为主线，健全教育系统理论学习制度，组织全体党员干部开展专题学习培训不少于4次，推动学习成果转化为推动教育发展的实际成效，切实提高党员干部的政治判断力、政治领悟力和政治执行力。",
            "（二）加强基层党组织建设。全面推行中小学校党组织领导的校长负责制，年内完成全县32所中小学校党组织书记培训，持续开展党建品牌创建活动，打造党建示范校5所以上。",
            "二、促进学前教育普惠发展",
            "（三）扩大普惠性资源供给。新建、改扩建公办幼儿园6所，新增学位1200个，全县普惠性幼儿园覆盖率达到90%以上，公办园在园幼儿占比达到55%以上。加强幼儿园保教质量评估，推动保教质量整体提升。",
            "（四）规范民办幼儿园管理。开展民办幼儿园年检和收费专项检查，规范办园行为，年内实现无证幼儿园清零，保障幼儿安全健康成长。同时健全幼儿园安全管理制度，定期开展安全隐患排查整治，配齐配强保安人员和安防设施，全面提升幼儿园安全防范能力和应急处置水平。加强幼儿园教师队伍建设，严格落实教师持证上岗制度，年内组织幼儿园教师全员培训一轮，持续提升保育教育专业能力。",
            "三、推进义务教育优质均衡",
            "（五）优化学校布局。实施城区学校扩容工程，新建小学2所、初中1所，新增学位3000个，有效缓解城区学校大班额问题，确保全县义务教育阶段56人以上大班额保持动态清零。",
            "（六）深化教育教学改革。全面落实“双减”政策，提高作业设计质量，课后服务覆盖率达到100%，积极推进集团化办学，组建教育集团8个，带动薄弱学校共同发展。",
        ], doc.Paragraphs());
    }

    [Fact]
    public void Pdf_running_header_and_page_numbers_are_removed()
    {
        var all = string.Join("\n", TwoPagesDoc.Value.Blocks.Select(b => b.Text));
        Assert.DoesNotContain("示例县教育局文件", all);
        Assert.DoesNotContain("- 1 -", all);
        Assert.DoesNotContain("- 2 -", all);
    }

    [Fact]
    public void Pdf_radical_lookalike_characters_are_folded_to_ideographs()
    {
        var all = string.Join("", TwoPagesDoc.Value.Blocks.Select(b => b.Text));
        Assert.DoesNotContain(all, c => c is >= '\u2e80' and <= '\u2fdf');
        Assert.Contains("人民", all);
    }

    [Fact]
    public void Pdf_without_a_text_layer_is_reported_as_a_scan()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        builder.AddPage(PageSize.A4);
        var error = ReadFails(builder.Build(), "scan.pdf");
        Assert.Equal("no-text", error.Code);
        Assert.Equal("PDF 没有文字层（可能是扫描件），请提供可复制文字的 PDF 或 .docx", error.Message);
    }

    [Fact]
    public void Truncated_or_garbage_pdf_is_a_read_error()
    {
        var error = ReadFails(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n%%garbage"), "bad.pdf");
        Assert.Contains(error.Code, new[] { "corrupt-pdf", "no-text" });

        var truncated = ReadFails(TwoPages[..4000], "truncated.pdf");
        Assert.Contains(truncated.Code, new[] { "corrupt-pdf", "no-text" });
    }

    [Fact]
    public void Pdf_is_sniffed_whatever_the_extension()
    {
        var doc = Read(TwoPages, "plan.txt");
        Assert.Equal("pdf", doc.Format);
        Assert.All(doc.Blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
    }
}
