using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PlanLedger.Documents;
using PlanLedger.Documents.Isolation;
using PlanLedger.Documents.Readers;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>
/// Uploads are parsed in a worker process (planledger.dll parse-worker beside the application): a PDF that
/// overflows PdfPig's stack kills the worker, the import answers 422 and the server goes on answering.
/// </summary>
public abstract class ImportIsolationTests(LedgerFactory factory)
{
    private static string Hostile(string name) => Path.Combine(Seeds.Folder, "..", "hostile", name);

    [Fact]
    public async Task The_server_parses_uploads_in_the_real_worker_process()
    {
        var parser = factory.Services.GetRequiredService<IPlanDocumentParser>();
        var worker = Assert.IsType<WorkerPlanDocumentParser>(parser);
        Assert.Contains("planledger.dll", worker.CommandLine);
        Assert.EndsWith("parse-worker", worker.CommandLine);
    }

    [Theory]
    [InlineData("pdfjs-issue19800.pdf")]
    [InlineData("pdfjs-REDHAT-1531897-0.pdf")]
    public async Task A_pdf_that_overflows_the_stack_is_422_and_the_server_keeps_answering(string name)
    {
        var admin = await factory.ClientAsync();
        var res = await admin.UploadAsync(name, await File.ReadAllBytesAsync(Hostile(name)));
        var problem = await res.JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        Assert.Contains("解析进程异常终止", problem["title"]!.GetValue<string>());
        Assert.Equal("parse-crashed", problem["code"]!.GetValue<string>());

        // Still answering, and the next import (a new worker) works.
        await admin.GetJsonAsync("/api/v1/plans");
        var created = await admin.PostFileAsync("after-" + name + ".txt", SyntheticPlan.Unique());
        Assert.True(created["taskCount"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task An_xlsx_task_table_imports_through_the_worker_with_each_rows_lead_unit()
    {
        string[][] rows =
        [
            ["某某县教育局2024年重点工作任务分解表"],
            ["序号", "工作任务", "牵头单位", "完成时限"],
            ["1", "新建公办幼儿园6所，新增学位1200个。", "县教育局", "2024年12月底前"],
            ["2", "完成32所中小学校党组织书记培训。", "县委组织部", "2024年6月底前"],
        ];
        var xlsx = XlsxWorkbook.Build(rows);

        var admin = await factory.ClientAsync();
        var created = await (await admin.UploadAsync("任务分解表.xlsx", xlsx)).JsonAsync(HttpStatusCode.Created);
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{created.Id()}/tasks")).AsArray();
        var kindergarten = tasks.Single(t => t!["text"]!.GetValue<string>().Contains("幼儿园"))!;
        Assert.Contains("县教育局", kindergarten["lead"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("2024-12-31", kindergarten["dueDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_legacy_doc_made_by_LibreOffice_imports_with_its_numbered_items()
    {
        var docx = new MemoryStream();
        using (var w = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(docx, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = w.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new[] { "某某县教育局2024年工作要点", "一、加强党的建设", "（一）深入开展理论学习，年内完成全县32所中小学校党组织书记培训。", "二、推进教育公平", "（一）新建公办幼儿园6所。" }
                    .Select(t => new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(t)))))); 
        }
        var dir = Directory.CreateTempSubdirectory("planledger-doc-test-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "plan.docx"), docx.ToArray());
            var psi = new ProcessStartInfo("soffice") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--headless", "--norestore", "-env:UserInstallation=" + new Uri(Path.Combine(dir.FullName, "profile") + "/").AbsoluteUri,
                         "--convert-to", "doc", "--outdir", dir.FullName, Path.Combine(dir.FullName, "plan.docx") })
                psi.ArgumentList.Add(a);
            using (var p = Process.Start(psi)!)
            {
                await p.StandardOutput.ReadToEndAsync();
                await p.WaitForExitAsync();
            }
            var doc = await File.ReadAllBytesAsync(Path.Combine(dir.FullName, "plan.doc"));

            var admin = await factory.ClientAsync();
            var created = await (await admin.UploadAsync("工作要点.doc", doc)).JsonAsync(HttpStatusCode.Created);
            Assert.Equal("某某县教育局2024年工作要点", created["title"]!.GetValue<string>());
            var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{created.Id()}/tasks")).AsArray();
            Assert.Contains(tasks, t => (t!["heading"]?.GetValue<string>() + t["text"]?.GetValue<string>()).Contains("新建公办幼儿园6所"));
            Assert.True(tasks.Count >= 4, $"{tasks.Count} tasks");
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public async Task A_document_with_more_items_than_the_limit_is_422_with_the_counts()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("PlanLedger:MaxImportItems", "3"));
        var admin = limited.CreateClient();
        var token = await (await admin.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = LedgerFactory.AdminPassword }))
            .JsonAsync(HttpStatusCode.OK);
        admin.DefaultRequestHeaders.Authorization = new("Bearer", token["token"]!.GetValue<string>());
        var res = await admin.UploadAsync("many.txt", SyntheticPlan.Unique());
        var problem = await res.JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("条目过多", problem["title"]!.GetValue<string>());
        Assert.Equal(3, problem["limit"]!.GetValue<int>());
        Assert.True(problem["items"]!.GetValue<int>() > 3);
    }
}

public sealed class ImportIsolationSqliteTests(SqliteLedgerFactory f) : ImportIsolationTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class ImportIsolationPostgresTests(PostgresLedgerFactory f) : ImportIsolationTests(f), IClassFixture<PostgresLedgerFactory>;

/// <summary>The worker's limits: wall-clock and CPU budget, cancellation, and reuse after a good parse.</summary>
public sealed class ParseWorkerLimitsTests
{
    private static WorkerPlanDocumentParser Worker(ParseWorkerOptions? o = null) =>
        WorkerPlanDocumentParser.TryCreate(o) ?? throw new InvalidOperationException("planledger.dll not beside the tests");

    private static byte[] Plan() => File.ReadAllBytes(Seeds.Seed000);

    [Fact]
    public async Task The_worker_gives_the_same_tree_as_the_engine_in_process()
    {
        using var worker = Worker();
        var bytes = Plan();
        var viaWorker = await worker.ParseAsync(bytes, "000.txt", ParseOptions.Default);
        var inProcess = await new InProcessPlanDocumentParser().ParseAsync(bytes, "000.txt", ParseOptions.Default);
        Assert.Equal(global::PlanLedger.Documents.Renderers.PlanJsonWriter.ToJson(inProcess, includePositions: true),
            global::PlanLedger.Documents.Renderers.PlanJsonWriter.ToJson(viaWorker, includePositions: true));
        Assert.Equal(inProcess.SourceText, viaWorker.SourceText);
        Assert.Equal(inProcess.Encoding, viaWorker.Encoding);
        // A read error comes back as the engine's own error, and the worker serves the next document.
        var empty = await Assert.ThrowsAsync<DocumentReadException>(() => worker.ParseAsync(new byte[] { 32, 10 }, "e.txt", ParseOptions.Default));
        Assert.Equal("empty", empty.Code);
        Assert.NotEmpty((await worker.ParseAsync(bytes, "again.txt", ParseOptions.Default)).Items);
    }

    [Fact]
    public async Task A_parse_over_its_wall_clock_budget_is_a_timeout_error()
    {
        using var worker = Worker(new ParseWorkerOptions { WallTime = TimeSpan.FromMilliseconds(1) });
        var e = await Assert.ThrowsAsync<DocumentReadException>(() => worker.ParseAsync(Plan(), "000.txt", ParseOptions.Default));
        Assert.Equal("parse-timeout", e.Code);
        Assert.Contains("解析超时", e.Message);
    }

    [Fact]
    public async Task Cancelling_the_request_kills_the_worker_at_once()
    {
        using var worker = Worker(new ParseWorkerOptions { IdleWorkers = 0 });
        // 30 MB of one paragraph without punctuation: seconds of work for the worker.
        var big = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("一、加强教育工作推进学校建设", 800_000)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker.ParseAsync(big, "big.txt", ParseOptions.Default, cts.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancelled after {clock.Elapsed}");
    }
}
