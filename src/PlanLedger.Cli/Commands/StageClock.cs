using System.Diagnostics;

namespace PlanLedger.Cli.Commands;

/// <summary>
/// Wall time, CPU time and managed allocations of the stages of one parse (read, pipeline, JSON), for the bench and
/// for <c>PLANLEDGER_STAGES=1 planledger parse FILE --json</c>, which prints them on standard error after the output.
/// CPU time is the whole process's (the workstation GC, and the engine's work on the other cores: the warm-up beside the
/// reading, the items of a long document converted in parallel); "on this thread" is the parsing thread's alone, the
/// wall time of the stage when the other cores are free (NaN if the stage did not stay on one thread).
/// </summary>
internal sealed class StageClock
{
    private readonly List<(string Name, double Wall, double Cpu, double ThreadCpu, long Bytes, long PeakRss)> _stages = [];
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private double _cpu = Cpu();
    private double _threadCpu = BenchProcess.ThreadCpu();
    private int _thread = Environment.CurrentManagedThreadId;
    private long _bytes = GC.GetTotalAllocatedBytes(precise: true);

    /// <summary>Set when <c>PLANLEDGER_STAGES</c> is 1: <c>parse</c> then times its stages.</summary>
    public static bool Requested => Environment.GetEnvironmentVariable("PLANLEDGER_STAGES") is "1";

    /// <summary>Ends the stage that ran since the previous call (or since the clock was made).</summary>
    public void Lap(string name)
    {
        var wall = _wall.Elapsed.TotalSeconds;
        var cpu = Cpu();
        var threadCpu = BenchProcess.ThreadCpu();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var sameThread = Environment.CurrentManagedThreadId == _thread;
        _stages.Add((name, wall, cpu - _cpu, sameThread ? threadCpu - _threadCpu : double.NaN, bytes - _bytes, PeakRss()));
        _thread = Environment.CurrentManagedThreadId;
        _wall.Restart();
        _cpu = cpu;
        _threadCpu = threadCpu;
        _bytes = bytes;
    }

    public IReadOnlyList<(string Name, double Wall, double Cpu, double ThreadCpu, long Bytes, long PeakRss)> Stages => _stages;

    /// <summary>
    /// "read 0.02 s wall, 0.02 s cpu (0.02 s on this thread), 42.0 MiB allocated, peak RSS so far 60.1 MiB; pipeline …; process: 165 methods
    /// jitted in 0.050 s, 3 GCs (gen 2: 1) paused 0.010 s, 90.0 MiB heap committed" — the process's totals so far, to
    /// tell the JIT and the GC apart from the engine's own work.
    /// </summary>
    public override string ToString() => string.Join("; ", _stages.Select(s =>
        FormattableString.Invariant($"{s.Name} {s.Wall:F3} s wall, {s.Cpu:F3} s cpu ({s.ThreadCpu:F3} s on this thread), {s.Bytes / 1048576.0:F1} MiB allocated{(s.PeakRss > 0 ? $", peak RSS so far {s.PeakRss / 1048576.0:F1} MiB" : "")}")))
        + FormattableString.Invariant(
            $"; process: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods jitted in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F3} s, {GC.CollectionCount(0)} GCs (gen 2: {GC.CollectionCount(2)}) paused {GC.GetTotalPauseDuration().TotalSeconds:F3} s, {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:F1} MiB heap committed");

    /// <summary>The process's peak resident set so far (VmHWM in /proc/self/status), in bytes; 0 where there is none.</summary>
    private static long PeakRss()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture, out var kib))
                    return kib * 1024;
        }
        catch (IOException) { }
        return 0;
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
