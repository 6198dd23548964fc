using System.Globalization;
using PlanLedger.Cli;
using PlanLedger.Documents.Tests.Corpus;

namespace PlanLedger.Documents.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public async Task Bench_reports_a_warm_throughput_per_format_with_the_gc_share()
    {
        var seed = Directory.GetFiles(SharedCorpus.Seeds).Order(StringComparer.Ordinal).First(f => f.EndsWith(".txt", StringComparison.Ordinal));
        var (code, stdout, stderr) = await CliUsageTests.Run("bench", seed, "--seconds", "0.4", "--no-process");
        Assert.True(code == CliApp.Ok, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("GC %", lines[0]);
        foreach (var format in new[] { "txt", "docx" })
        {
            var cells = lines.Single(l => l.StartsWith(format + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(double.Parse(cells[3], CultureInfo.InvariantCulture) > 0, $"{format}: MB/s {cells[3]}");
        }
        Assert.DoesNotContain("whole process", stdout);
    }
}
