using System.Diagnostics;
using PlanLedger.Cli;
using PlanLedger.Documents.Tests.Corpus;

namespace PlanLedger.Documents.Tests.Cli;

/// <summary>
/// <c>planledger parse</c> runs as <c>planledger-parse</c>, the same command compiled ahead of time
/// (docs/decisions/0007-parse-compiled-ahead-of-time.md). A user must get the same JSON from it as from the parse in
/// .NET: trimming or AOT-only behaviour (a regex, an encoding, reflection) must not change a result. The executable is
/// the one <c>PLANLEDGER_NATIVE_PARSE_EXE</c> names (.ci/run publishes it from the sources under test); without it
/// the test is skipped, and a named one that is missing fails.
/// </summary>
public class NativeParseTests
{
    [NativeParseFact]
    public async Task The_compiled_parse_prints_the_same_json_as_the_parse_in_dotnet_for_every_seed()
    {
        var exe = NativeParseFactAttribute.Executable()!;
        Assert.True(File.Exists(exe), $"{exe} (PLANLEDGER_NATIVE_PARSE_EXE) does not exist");
        var seeds = Directory.GetFiles(SharedCorpus.Seeds).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            var (code, expected, stderr) = await CliUsageTests.Run("parse", seed, "--json", "--positions");
            Assert.True(code == CliApp.Ok, stderr);
            var native = RunNative(exe, seed, "--json", "--positions");
            Assert.True(native.Code == CliApp.Ok, $"{Path.GetFileName(seed)}: exit {native.Code}: {native.Stderr}");
            Assert.True(expected.TrimEnd('\n') == native.Stdout.TrimEnd('\n'), $"{Path.GetFileName(seed)}: the compiled parse printed other JSON");
        }
    }

    [NativeParseFact]
    public void The_compiled_parse_refuses_an_unreadable_file_with_the_same_exit_code()
    {
        var exe = NativeParseFactAttribute.Executable()!;
        var native = RunNative(exe, "/nonexistent/plan.txt", "--json");
        Assert.Equal(CliApp.FileError, native.Code);
        Assert.Contains("文件不存在或无法读取", native.Stderr);
    }

    private static (int Code, string Stdout, string Stderr) RunNative(string exe, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("PLANLEDGER_STAGES");
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A test of the compiled parse: skipped where no <c>planledger-parse</c> was published (or the processor cannot run it).</summary>
public sealed class NativeParseFactAttribute : FactAttribute
{
    public NativeParseFactAttribute()
    {
        if (Executable() is null) Skip = "no planledger-parse named (PLANLEDGER_NATIVE_PARSE_EXE; .ci/run publishes one)";
        else if (!NativeParse.CpuRunsIt()) Skip = "this processor cannot run planledger-parse (compiled for x86-64-v3)";
    }

    /// <summary>
    /// The executable <c>PLANLEDGER_NATIVE_PARSE_EXE</c> names (even when missing: the test then fails). Not a published
    /// artifacts/cli one: that may be older than the sources under test.
    /// </summary>
    public static string? Executable() =>
        Environment.GetEnvironmentVariable("PLANLEDGER_NATIVE_PARSE_EXE") is { Length: > 0 } named ? named : null;
}
