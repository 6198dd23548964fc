using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Tests.Infrastructure;
using static PlanLedger.Web.Tests.Documents.PdfPages;

namespace PlanLedger.Web.Tests.Documents;

/// <summary>Every kind of generated Word document, after a simulated year of seed 000, converted once through LibreOffice.</summary>
public sealed class GeneratedDocuments : IAsyncLifetime
{
    public SqliteLedgerFactory Factory { get; } = new();
    public Dictionary<string, (string Docx, string Pdf)> Files { get; } = [];
    public string Folder { get; } = LibreOffice.Artefacts("pdf-" + Guid.NewGuid().ToString("N")[..8]);

    public static readonly string[] Kinds = ["breakdown", "progress", "summary", "supervision", "assessment", "bulletin"];

    public async Task InitializeAsync()
    {
        var (admin, planId, tasks) = await SimulatedYear.RunAsync(Factory);
        var docs = new Dictionary<string, byte[]>
        {
            ["breakdown"] = await Bytes(admin, $"/api/v1/plans/{planId}/documents/breakdown"),
            ["progress"] = await Bytes(admin, $"/api/v1/plans/{planId}/documents/progress?period=2020-08"),
            ["summary"] = await Bytes(admin, $"/api/v1/plans/{planId}/documents/summary"),
            ["supervision"] = GongwenWriter.Write(SupervisionNoticeDocument.Build(new SupervisionNoticeInput(
                "督〔2020〕3号", "重点督办", ["莒县教育和体育局基础教育科", "计划财务科"],
                tasks.Take(4).Select(t => new SupervisedTask(t!["path"]!.GetValue<string>(), t["heading"]!.GetValue<string>(),
                    t["deadline"]?.GetValue<string>(), t["progress"]!.GetValue<int>(), null)).ToList(),
                "以上任务进度滞后于时间进度二十个百分点以上", new DateOnly(2020, 9, 15), "莒县教育和体育局督查室", new DateOnly(2020, 9, 1)))),
            ["assessment"] = await Bytes(admin, "/api/v1/assessments/document?year=2020"),
            ["bulletin"] = GongwenWriter.Write(BulletinDocument.Build(new BulletinInputDoc("关于2020年秋季学校安全随机督导情况的通报",
                "2020年9月20日，莒县教育和体育局组织开展2020年秋季学校安全随机督导。本轮督导范围内共 6 家单位，按照“双随机”方式（随机种子 0000000000002020，可复核）抽取 3 家单位实地督导。共发现问题 3 个。",
                "计划财务科本次督导未发现问题，安全管理台账规范，值得推广。",
                $"一、{SimulatedYear.Units[0]}（2 个）\n1. 【严重】消防通道堆放杂物，应急照明损坏\n2. 【一般】安全教育记录不全\n二、{SimulatedYear.Units[1]}（1 个）\n1. 【较重】校车接送台账缺少签字",
                "各单位要对照问题清单逐项整改，按期报送整改情况及佐证材料；督查室将组织复查（回头看）。",
                [SimulatedYear.Units[0], SimulatedYear.Units[1], "计划财务科"],
                [
                    new BulletinFinding(1, SimulatedYear.Units[0], "严重", "消防通道堆放杂物，应急照明损坏", $"{tasks[0]!["path"]!.GetValue<string>()} {tasks[0]!["heading"]!.GetValue<string>()}", "立即清理通道，更换应急照明", new DateOnly(2020, 10, 10), "待整改"),
                    new BulletinFinding(2, SimulatedYear.Units[0], "一般", "安全教育记录不全", "", "补齐近三个月的安全教育记录", new DateOnly(2020, 10, 20), "已整改（待复查）"),
                    new BulletinFinding(3, SimulatedYear.Units[1], "较重", "校车接送台账缺少签字", "", "完善接送交接签字制度", new DateOnly(2020, 10, 15), "已销号"),
                ], "莒县教育和体育局", new DateOnly(2020, 9, 25), Draft: false))),
        };
        foreach (var (kind, bytes) in docs)
        {
            var path = Path.Combine(Folder, kind + ".docx");
            await File.WriteAllBytesAsync(path, bytes);
            Files[kind] = (path, "");
        }
        // the 台账 as .xlsx, printed by the same reader
        var xlsx = Path.Combine(Folder, "ledger.xlsx");
        var export = await admin.GetAsync($"/api/v1/plans/{planId}/export?format=xlsx");
        Assert.Equal(System.Net.HttpStatusCode.OK, export.StatusCode);
        await File.WriteAllBytesAsync(xlsx, await export.Content.ReadAsByteArrayAsync());
        var all = Kinds.Select(k => Files[k].Docx).Append(xlsx).ToList();
        var pdfs = await LibreOffice.ToPdfAsync(all, Folder);
        for (var i = 0; i < Kinds.Length; i++)
        {
            Files[Kinds[i]] = (Files[Kinds[i]].Docx, pdfs[i]);
            await LibreOffice.ToPngAsync(pdfs[i], Path.Combine(Folder, Kinds[i]), pages: 2);
        }
        Files["ledger"] = (xlsx, pdfs[^1]);
        await LibreOffice.ToPngAsync(pdfs[^1], Path.Combine(Folder, "ledger"), pages: 2);
    }

    private static async Task<byte[]> Bytes(HttpClient http, string url)
    {
        var res = await http.GetAsync(url);
        Assert.True(res.IsSuccessStatusCode, $"{url}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        Assert.Equal(GongwenWriter.ContentType, res.Content.Headers.ContentType?.MediaType);
        return await res.Content.ReadAsByteArrayAsync();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The generated documents checked as a person checks a print-out (GB/T 9704-2012): A4 pages, text inside the
/// margins, the title in 二号 and the body in 三号 at 28.9 pt a line and 28 characters a line, "— n —" page numbers
/// outside-aligned, the fonts the standard names requested, no text running over a table cell border.
/// </summary>
public sealed class DocumentPdfTests(GeneratedDocuments docs) : IClassFixture<GeneratedDocuments>
{
    private const double A4W = 210 * PtPerMm, A4H = 297 * PtPerMm;

    public static TheoryData<string> Kinds => new(GeneratedDocuments.Kinds);

    private List<PdfPageView> Pages(string kind) => Read(docs.Files[kind].Pdf);

    [Theory, MemberData(nameof(Kinds))]
    public void Pages_are_A4_and_text_stays_inside_the_margins(string kind)
    {
        foreach (var p in Pages(kind))
        {
            var landscape = p.Width > p.Height;
            Assert.Equal(landscape ? A4H : A4W, p.Width, 1.0);
            Assert.Equal(landscape ? A4W : A4H, p.Height, 1.0);
            var (top, bottom, left, right) = landscape ? (28.0, 26.0, 35.0, 37.0) : (37.0, 35.0, 28.0, 26.0);
            var body = p.Lines.Where(l => !IsPageNumber(l)).ToList();
            Assert.NotEmpty(body);
            foreach (var l in body)
            {
                Assert.True(l.Left >= left * PtPerMm - 1.5, $"{kind} p{p.Number}: '{l.Text}' starts at {l.Left / PtPerMm:0.0} mm, left margin {left} mm");
                // A closing punctuation mark may hang past the edge (标点溢出边界, as Word and LibreOffice set Chinese text).
                var hang = "。，、；：）”’》！？".Contains(l.Text[^1]) ? l.Size : 0;
                Assert.True(l.Right <= p.Width - right * PtPerMm + 1.5 + hang, $"{kind} p{p.Number}: '{l.Text}' ends {(p.Width - l.Right) / PtPerMm:0.0} mm from the right edge, margin {right} mm");
                Assert.True(l.Top <= p.Height - top * PtPerMm + 2, $"{kind} p{p.Number}: '{l.Text}' above the top margin");
                Assert.True(l.Bottom >= bottom * PtPerMm - 2, $"{kind} p{p.Number}: '{l.Text}' below the bottom margin");
            }
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void The_docx_is_valid_Office_Open_XML(string kind)
    {
        using var doc = WordprocessingDocument.Open(docs.Files[kind].Docx, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").Take(5).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Every_page_has_its_number_in_dashes_outside_aligned_in_sihao(string kind)
    {
        var pages = Pages(kind);
        foreach (var p in pages)
        {
            var number = p.Lines.Where(IsPageNumber).ToList();
            var line = Assert.Single(number);
            Assert.Equal($"—{p.Number}—", line.Text.Replace(" ", ""));
            Assert.Equal(14, line.Size, 0.6);
            var landscape = p.Width > p.Height;
            Assert.True(line.Bottom < (landscape ? 26 : 35) * PtPerMm, "below the 版心");
            if (!landscape)
            {
                // one character (14 pt) in from the 版心 edge: odd pages on the right, even on the left
                if (p.Number % 2 == 1) Assert.Equal(A4W - 26 * PtPerMm - 14, line.Right, 3.0);
                else Assert.Equal(28 * PtPerMm + 14, line.Left, 3.0);
            }
            else Assert.True(p.Number % 2 == 1 ? line.Left > p.Width / 2 : line.Right < p.Width / 2);
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void The_title_is_erhao_and_the_body_sanhao_in_Chinese_fonts(string kind)
    {
        var first = Pages(kind)[0];
        var title = first.Lines.Where(l => Math.Abs(l.Size - 22) < 0.6).ToList();
        Assert.NotEmpty(title);
        Assert.True(first.Lines.Count(l => Math.Abs(l.Size - 16) < 0.6) >= 2, "body in 三号 16 pt");
        // Chinese text was set in a CJK font present on the machine (not boxes from a Latin font).
        Assert.Contains(first.Fonts, f => f.Contains("CJK", StringComparison.OrdinalIgnoreCase) || f.Contains("Song", StringComparison.OrdinalIgnoreCase));
        var requested = RequestedFonts(docs.Files[kind].Docx);
        Assert.Contains("方正小标宋简体", requested);
        Assert.Contains("仿宋_GB2312", requested);
        Assert.Contains("宋体", requested); // page numbers
    }

    [Fact]
    public void Body_lines_are_28_9_points_apart_and_hold_28_characters()
    {
        var pages = Pages("summary");
        var pitches = new List<double>();
        var widths = new List<int>();
        foreach (var p in pages)
        {
            var body = p.Lines.Where(l => Math.Abs(l.Size - 16) < 0.6 && !IsPageNumber(l)).ToList();
            for (var i = 1; i < body.Count; i++)
            {
                var gap = body[i - 1].Letters[0].StartBaseLine.Y - body[i].Letters[0].StartBaseLine.Y;
                if (gap < 40) pitches.Add(gap);
            }
            // lines of Chinese characters only (ASCII digits are half as wide)
            widths.AddRange(body.Where(l => l.Text.All(c => c > 0x2E80)).Select(l => l.Letters.Count));
        }
        Assert.NotEmpty(pitches);
        Assert.All(pitches, g => Assert.Equal(28.9, g, 0.6));
        Assert.Equal(28, widths.Max());
        // 22 lines fit the 225 mm 版心
        Assert.True(22 * 28.9 <= 225 * PtPerMm);
    }

    [Theory]
    [InlineData("breakdown")]
    [InlineData("supervision")]
    [InlineData("assessment")]
    [InlineData("bulletin")]
    public void No_text_runs_over_a_table_cell_border(string kind)
    {
        var pages = Pages(kind);
        Assert.Contains(pages, p => p.VerticalRules.Count > 3);
        var overflows = Overflows(pages);
        Assert.True(overflows.Count == 0, string.Join("\n", overflows.Take(10)));
    }

    [Fact]
    public void The_breakdown_table_is_on_landscape_pages_with_its_header_on_each()
    {
        var pages = Pages("breakdown");
        var landscape = pages.Where(p => p.Width > p.Height).ToList();
        Assert.True(landscape.Count >= 2, "seed 000's table runs over several landscape pages");
        Assert.All(landscape, p => Assert.Contains(p.Lines, l => l.Text.StartsWith("序号", StringComparison.Ordinal) && l.Text.Contains("牵头单位")));
        Assert.Contains(pages.SelectMany(p => p.Lines), l => l.Text.Contains("三、统筹推进各类教育高质量发展"));
    }

    [Fact]
    public void The_summary_puts_achieved_figures_beside_their_targets()
    {
        var text = string.Concat(Pages("summary").SelectMany(p => p.Lines).Select(l => l.Text));
        Assert.Contains("新建、改扩建普惠性幼儿园24处（目标24处）", text);
        Assert.Contains("一、主要工作完成情况", text);
        Assert.Contains("二、存在的问题", text);
        Assert.Contains("三、下一步工作", text);
        Assert.Contains("全年未报送进展情况", text);
    }

    [Fact]
    public void The_supervision_notice_has_its_feedback_form_on_a_page_of_its_own()
    {
        var pages = Pages("supervision");
        Assert.True(pages.Count >= 2);
        Assert.Contains(pages[0].Lines, l => l.Text.Contains("督办等级：重点督办"));
        Assert.Contains(pages.Skip(1).SelectMany(p => p.Lines), l => l.Text == "督办事项反馈单");
        Assert.Contains(pages.SelectMany(p => p.Lines), l => l.Text.Contains("2020年9月15日前"));
    }

    [Fact]
    public void The_bulletin_has_its_four_parts_and_the_finding_list_on_a_landscape_attachment_page()
    {
        var pages = Pages("bulletin");
        var text = string.Concat(pages.SelectMany(p => p.Lines).Select(l => l.Text));
        Assert.Contains("关于2020年秋季学校安全随机督导情况的通报", text);
        foreach (var part in new[] { "一、督导基本情况", "二、好的做法", "三、存在的问题", "四、整改要求", "附件：问题清单" })
            Assert.Contains(part, text);
        var table = pages.Where(p => p.Width > p.Height).SelectMany(p => p.Lines).Select(l => l.Text).ToList();
        Assert.NotEmpty(table); // the 问题清单 table is on landscape pages
        Assert.Contains(table, l => l.Contains("整改要求"));
        Assert.Contains(table, l => l.Contains("消防通道堆放杂物"));
        Assert.Contains(table, l => l.Contains("基础教育科"));
    }

    [Fact]
    public void The_issuer_stands_in_red_above_the_document_number_with_a_red_rule()
    {
        var docx = docs.Files["assessment"].Docx;
        using var doc = WordprocessingDocument.Open(docx, false);
        var first = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First();
        Assert.Equal("FF0000", first.Descendants<Color>().First().Val!.Value);
        Assert.Contains(doc.MainDocumentPart.Document.Body.Descendants<BottomBorder>(), b => b.Color?.Value == "FF0000");
    }

    [Fact]
    public void The_assessment_notice_ranks_the_six_departments_on_a_landscape_page()
    {
        var pages = Pages("assessment");
        var table = pages.Where(p => p.Width > p.Height).SelectMany(p => p.Lines).Select(l => l.Text).ToList();
        Assert.Contains(table, l => l.Contains("考核结果排名表"));
        Assert.All(SimulatedYear.Units, u => Assert.Contains(table, l => l.Contains(u)));
    }

    [Fact]
    public void The_xlsx_ledger_prints_on_landscape_A4_with_every_column_on_each_page_and_the_header_repeated()
    {
        var pages = Read(docs.Files["ledger"].Pdf);
        Assert.True(pages.Count >= 2, "seed 000's ledger runs over several pages");
        Assert.Contains(pages[0].Lines, l => l.Text.Contains("任务分解及推进情况台账"));
        foreach (var p in pages)
        {
            Assert.True(p.Width > p.Height, $"page {p.Number} landscape");
            Assert.Equal(A4H, p.Width, 1.0);
            Assert.Equal(A4W, p.Height, 1.0);
            // one page width holds every column: the header from 序号 to 备注 is on every page (repeated title rows)
            var header = p.Lines.FirstOrDefault(l => l.Text.StartsWith("序号", StringComparison.Ordinal));
            Assert.True(header is not null, $"page {p.Number} has the header row");
            Assert.EndsWith("备注", header!.Text);
            Assert.All(p.Lines, l => Assert.True(l.Left >= 0 && l.Right <= p.Width, $"page {p.Number}: '{l.Text}' off the page"));
        }
        var text = string.Concat(pages.SelectMany(p => p.Lines).Select(l => l.Text));
        Assert.Contains("（2020年12月）", text);
        Assert.Contains("三、统筹推进各类教育高质量发展", text);
        var overflows = Overflows(pages);
        Assert.True(overflows.Count == 0, string.Join("\n", overflows.Take(10)));
    }

    private static bool IsPageNumber(PdfLine l) => Regex.IsMatch(l.Text.Replace(" ", ""), @"^—\d+—$");

    private static HashSet<string> RequestedFonts(string docx)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        var fonts = doc.MainDocumentPart!.Document.Descendants<RunFonts>().Select(f => f.EastAsia?.Value)
            .Concat(doc.MainDocumentPart.FooterParts.SelectMany(f => f.Footer!.Descendants<RunFonts>()).Select(f => f.EastAsia?.Value));
        return fonts.Where(f => f is not null).Select(f => f!).ToHashSet();
    }
}
