using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PlanLedger.Cli.Commands;

/// <summary>
/// Whole-process figures for the bench: runs this CLI as a child (<c>planledger parse FILE --json</c>, output
/// discarded) and measures wall time, CPU time (user + system, from <c>getrusage(RUSAGE_CHILDREN)</c>) and peak RSS,
/// best of N runs, so that start-up, JIT and GC are counted as a user meets them.
/// </summary>
internal static partial class BenchProcess
{
    public sealed record Run(double Wall, double Cpu, long PeakRssBytes);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UtimeSec, UtimeUsec, StimeSec, StimeUsec, MaxRss;
        public long IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRUsage(int who, out RUsage usage);

    private const int RusageChildren = -1;

    public static bool Supported => OperatingSystem.IsLinux() && Environment.ProcessPath is not null;

    /// <summary>Best wall and best CPU time of <paramref name="runs"/> runs of this CLI with <paramref name="args"/>.</summary>
    public static Run Measure(IReadOnlyList<string> args, int runs)
    {
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var before = Cpu(out _);
            var sw = Stopwatch.StartNew();
            using (var p = Start(args))
            {
                var drain = p.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                var err = p.StandardError.ReadToEndAsync();
                p.WaitForExit();
                drain.Wait();
                if (p.ExitCode != 0) throw new InvalidOperationException($"planledger {string.Join(' ', args)} exited {p.ExitCode}: {err.Result.Trim()}");
            }
            sw.Stop();
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, Cpu(out _) - before);
        }
        Cpu(out var maxRss);
        return new Run(bestWall, bestCpu, maxRss);
    }

    /// <summary>One run with <c>PLANLEDGER_STAGES=1</c>: the stage times the child printed on standard error, or null.</summary>
    public static string? Stages(IReadOnlyList<string> args)
    {
        using var p = Start(args, stages: true);
        var drain = p.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var err = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        drain.Wait();
        const string marker = "stages: ";
        var line = err.Result.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        return line is null ? null : line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
    }

    private static Process Start(IReadOnlyList<string> args, bool stages = false)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // Under `dotnet planledger.dll` the host is dotnet and the entry assembly its first argument.
        var entry = Environment.GetCommandLineArgs()[0];
        if (entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) psi.ArgumentList.Add(entry);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // As the ./planledger launcher runs `parse`: no tiered compilation in a one-shot process.
        if (args.Count > 0 && args[0] == "parse" && Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is null)
            psi.Environment["DOTNET_TieredCompilation"] = "0";
        if (stages) psi.Environment["PLANLEDGER_STAGES"] = "1";
        return Process.Start(psi)!;
    }

    /// <summary>CPU seconds of all children waited for so far; <paramref name="maxRss"/> the largest child's peak RSS.</summary>
    private static double Cpu(out long maxRss)
    {
        if (GetRUsage(RusageChildren, out var u) != 0) throw new InvalidOperationException("getrusage failed");
        maxRss = u.MaxRss * 1024;
        return u.UtimeSec + u.UtimeUsec / 1e6 + u.StimeSec + u.StimeUsec / 1e6;
    }

    private const int RusageThread = 1;

    /// <summary>
    /// CPU seconds of the calling thread (Linux; NaN elsewhere). With the work spread over the cores, the parsing
    /// thread's CPU time is the wall time the parse takes when the other cores are free.
    /// </summary>
    public static double ThreadCpu()
    {
        if (!OperatingSystem.IsLinux() || GetRUsage(RusageThread, out var u) != 0) return double.NaN;
        return u.UtimeSec + u.UtimeUsec / 1e6 + u.StimeSec + u.StimeUsec / 1e6;
    }
}
