using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Tables;

/// <summary>
/// A county bureau's 任务分解表 as an HTML page, a Word file and an Excel workbook (and, made from those by LibreOffice at
/// test time, a legacy .doc and .xls): a title, a header row (序号/重点任务/具体措施/责任单位/完成时限)
/// and three rows — numbered measures (one stating its own deadline), an unnumbered measures cell, and a row led by
/// another unit with a supporting unit.
/// </summary>
public static class TaskTableFixtures
{
    public const string Title = "2024年教育重点工作任务分解表";

    /// <summary>Rows (every unit name begins with <paramref name="p"/>, a place name that keeps two imports apart): 序号, 重点任务, 具体措施 (lines), 责任单位, 完成时限.</summary>
    public static (string No, string Task, string[] Measures, string Units, string Deadline)[] Rows(string p) =>
    [
        ("1", "扩大学前教育资源", ["1.新建幼儿园3所。", "2.新增学位1200个，6月底前完成。"], $"{p}基础教育股（牵头）、{p}计财股", "2024年10月底前"),
        ("2", "加强教师队伍建设", ["招聘教师200名左右，开展全员培训。"], $"{p}人事股", "年内"),
        ("3", "推进校园安全建设", ["1.开展安全隐患排查。", "2.组织应急演练4次。"], $"{p}安全股（牵头）、{p}基础教育股", "2024年12月底前"),
    ];

    public static byte[] Html(string p)
    {
        var sb = new StringBuilder($"""
            <html><head><meta charset="utf-8"></head><body><div id="zoom">
            <p>某县教育局关于印发《{Title}》的通知</p><p>各学校：现将《{Title}》印发给你们，请认真抓好落实。</p>
            <p>某县教育局</p><p>2024年2月1日</p><p>{Title}（{p}）</p>
            <table><tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>责任单位</td><td>完成时限</td></tr>
            """);
        foreach (var (no, task, measures, units, deadline) in Rows(p))
            sb.Append($"<tr><td>{no}</td><td>{task}</td><td>{string.Join("<br>", measures)}</td><td>{units}</td><td>{deadline}</td></tr>\n");
        sb.Append("</table></div></body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static byte[] Docx(string p)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var table = new Table(new TableProperties(new TableBorders()));
            table.Append(Row(["序号", "重点任务", "具体措施", "责任单位", "完成时限"]));
            foreach (var (no, task, measures, units, deadline) in Rows(p))
                table.Append(Row([no, task, measures, units, deadline]));
            main.Document = new Document(new Body(Para($"{Title}（{p}）"), Para("某县教育局"), table, Para("某县教育局办公室 2024年2月1日印发")));
        }
        return ms.ToArray();
    }

    /// <summary>The table as an .xlsx workbook: the title merged across the header's width above it, measures one a line in their cell.</summary>
    public static byte[] Xlsx(string p)
    {
        string[][] rows =
        [
            [$"{Title}（{p}）"],
            ["序号", "重点任务", "具体措施", "责任单位", "完成时限"],
            .. Rows(p).Select(r => new[] { r.No, r.Task, string.Join("\n", r.Measures), r.Units, r.Deadline }),
        ];
        return XlsxWorkbook.Build(rows);
    }

    /// <summary>Whether LibreOffice (<c>soffice</c>) is on the PATH, to make the legacy .doc and .xls fixtures.</summary>
    public static bool HasLibreOffice { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, "soffice")));

    /// <summary>The fixture in <paramref name="format"/>: html, docx, xlsx, or doc / xls converted from the .docx / .xlsx by LibreOffice.</summary>
    public static async Task<byte[]> InAsync(string format, string p) => format switch
    {
        "html" => Html(p),
        "docx" => Docx(p),
        "xlsx" => Xlsx(p),
        "doc" => await ConvertedAsync(Docx(p), "docx", "doc"),
        "xls" => await ConvertedAsync(Xlsx(p), "xlsx", "xls"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>LibreOffice headless, with a profile and folder of its own and a time limit.</summary>
    private static async Task<byte[]> ConvertedAsync(byte[] bytes, string from, string to)
    {
        var dir = Directory.CreateTempSubdirectory("planledger-table-fixture-");
        try
        {
            var input = Path.Combine(dir.FullName, "table." + from);
            await File.WriteAllBytesAsync(input, bytes);
            var psi = new ProcessStartInfo("soffice") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--headless", "--norestore", "-env:UserInstallation=" + new Uri(Path.Combine(dir.FullName, "profile") + "/").AbsoluteUri,
                         "--convert-to", to, "--outdir", dir.FullName, input })
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(limit.Token);
            var output = Path.Combine(dir.FullName, "table." + to);
            Assert.True(File.Exists(output), $"LibreOffice did not convert the .{from} fixture to .{to}: {await stdout} {await stderr}");
            return await File.ReadAllBytesAsync(output);
        }
        finally { dir.Delete(recursive: true); }
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text)));

    private static TableRow Row(object[] cells) =>
        new(cells.Select(c => new TableCell((c is string[] lines ? lines : [(string)c]).Select(Para))));
}
