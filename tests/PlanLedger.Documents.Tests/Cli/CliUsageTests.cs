using PlanLedger.Cli;

namespace PlanLedger.Documents.Tests.Cli;

public class CliUsageTests
{
    [Fact]
    public async Task Unknown_command_exits_2_with_one_line_on_stderr()
    {
        var (code, stdout, stderr) = await Run("frobnicate");
        Assert.Equal(CliApp.Usage, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Parse_of_missing_file_exits_3_and_prints_nothing_on_stdout()
    {
        var (code, stdout, stderr) = await Run("parse", "/nonexistent/plan.txt", "--json");
        Assert.Equal(CliApp.FileError, code);
        Assert.Equal("", stdout);
        Assert.Contains("/nonexistent/plan.txt", stderr);
    }

    internal static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await CliApp.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
