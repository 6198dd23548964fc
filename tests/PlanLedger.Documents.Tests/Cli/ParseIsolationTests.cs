using System.Diagnostics;
using PlanLedger.Cli;
using PlanLedger.Documents.Tests.Corpus;
using PlanLedger.Documents.Tests.Readers;

namespace PlanLedger.Documents.Tests.Cli;

/// <summary>
/// PDFs are parsed in a worker process: the two pdf.js files that overflow PdfPig's stack give one clear line on
/// standard error and exit 1 — the CLI itself survives and goes on with the other files.
/// </summary>
public sealed class ParseIsolationTests
{
    private static string Hostile(string name) => Path.Combine(SharedCorpus.Root, "hostile", name);

    [Theory]
    [InlineData("pdfjs-issue19800.pdf")]
    [InlineData("pdfjs-REDHAT-1531897-0.pdf")]
    public async Task A_pdf_that_overflows_the_stack_is_one_clear_line_and_exit_1(string name)
    {
        // The real command line, as a user runs it.
        var psi = new ProcessStartInfo(Environment.ProcessPath!.EndsWith("dotnet") ? Environment.ProcessPath : "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "planledger.dll"), "parse", Hostile(name), "--json" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "the CLI did not hang");
        Assert.Equal(CliApp.Unreadable, p.ExitCode);
        Assert.Equal("", await stdout);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("解析进程异常终止", line);
        Assert.DoesNotContain("Stack overflow", line);
    }

    [Fact]
    public async Task Several_files_go_on_after_a_hostile_pdf()
    {
        var dir = Path.Combine(Path.GetTempPath(), "planledger-iso-" + Guid.NewGuid().ToString("N"));
        try
        {
            var good = ReaderTestHelpers.FixturePath("plan-two-pages.pdf");
            var (code, stdout, stderr) = await CliUsageTests.Run("parse", Hostile("pdfjs-issue19800.pdf"), good, SharedCorpus.SeedPath("002_b2038b0e5d3d19c3"), "--json", "--out", dir);
            Assert.Equal(CliApp.Unreadable, code);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(File.Exists(Path.Combine(dir, "plan-two-pages.json")), stdout);
            Assert.Contains("示例县教育局2024年工作要点", await File.ReadAllTextAsync(Path.Combine(dir, "plan-two-pages.json")));
            Assert.True(File.Exists(Path.Combine(dir, "002_b2038b0e5d3d19c3.json")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
