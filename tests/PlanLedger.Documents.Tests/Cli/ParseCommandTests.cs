using System.Text.Json;
using PlanLedger.Cli;
using PlanLedger.Documents.Tests.Corpus;

namespace PlanLedger.Documents.Tests.Cli;

public class ParseCommandTests
{
    [Fact]
    public async Task Default_output_is_an_outline_with_targets_units_and_deadlines_marked()
    {
        var (code, stdout, _) = await CliUsageTests.Run("parse", SharedCorpus.SeedPath("000_489d2595ade12a5d"));
        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("标题 Title: 莒县教育和体育局(中共莒县县委教育工委)2020年工作要点", stdout);
        Assert.Contains("  6 普惠发展学前教育", stdout);
        Assert.Contains("[目标] 新建、改扩建普惠性幼儿园24处  → = 24处", stdout);
        Assert.Contains("[时限] 年内", stdout);
    }

    [Fact]
    public async Task Json_output_is_plan_at_1()
    {
        var (code, stdout, stderr) = await CliUsageTests.Run("parse", SharedCorpus.SeedPath("002_b2038b0e5d3d19c3"), "--json");
        Assert.Equal(CliApp.Ok, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("planledger/plan@1", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal(2020, doc.RootElement.GetProperty("year").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Several_files_with_out_dir_write_one_json_each()
    {
        var dir = Path.Combine(Path.GetTempPath(), "planledger-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = Directory.GetFiles(SharedCorpus.Seeds);
            var (code, stdout, _) = await CliUsageTests.Run(["parse", .. files, "--json", "--out", dir]);
            Assert.Equal(CliApp.Ok, code);
            Assert.Equal(files.Length, Directory.GetFiles(dir, "*.json").Length);
            Assert.Equal(files.Length, stdout.Trim().Split('\n').Length);
            foreach (var f in Directory.GetFiles(dir)) JsonDocument.Parse(File.ReadAllText(f)).Dispose();
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task Several_files_without_out_dir_is_a_usage_error()
    {
        var files = Directory.GetFiles(SharedCorpus.Seeds).Take(2).ToArray();
        var (code, stdout, stderr) = await CliUsageTests.Run(["parse", .. files]);
        Assert.Equal(CliApp.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains("--out", stderr);
    }

    [Theory]
    [InlineData(new byte[0], "empty.txt")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 }, "old.doc")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0 }, "truncated.docx")]
    public async Task Unreadable_file_exits_1_with_one_line_naming_it_and_no_json(byte[] content, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + "-" + name);
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var (code, stdout, stderr) = await CliUsageTests.Run("parse", path, "--json");
            Assert.Equal(CliApp.Unreadable, code);
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.TrimEnd().Split('\n'));
            Assert.Contains(name, line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
