using System.Diagnostics;

namespace PlanLedger.Cli.Commands;

/// <summary>
/// Wall time, CPU time and managed allocations of the stages of one parse (read, pipeline, JSON), for the bench and
/// for <c>PLANLEDGER_STAGES=1 planledger parse FILE --json</c>, which prints them on standard error after the output.
/// CPU time is the whole process's: with the workstation GC and no tiered compilation (how <c>parse</c> runs) that
/// is the parsing thread and the collections it triggers.
/// </summary>
internal sealed class StageClock
{
    private readonly List<(string Name, double Wall, double Cpu, long Bytes)> _stages = [];
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private double _cpu = Cpu();
    private long _bytes = GC.GetTotalAllocatedBytes(precise: true);

    /// <summary>Set when <c>PLANLEDGER_STAGES</c> is 1: <c>parse</c> then times its stages.</summary>
    public static bool Requested => Environment.GetEnvironmentVariable("PLANLEDGER_STAGES") is "1";

    /// <summary>Ends the stage that ran since the previous call (or since the clock was made).</summary>
    public void Lap(string name)
    {
        var wall = _wall.Elapsed.TotalSeconds;
        var cpu = Cpu();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        _stages.Add((name, wall, cpu - _cpu, bytes - _bytes));
        _wall.Restart();
        _cpu = cpu;
        _bytes = bytes;
    }

    public IReadOnlyList<(string Name, double Wall, double Cpu, long Bytes)> Stages => _stages;

    /// <summary>"read 0.02 s wall, 0.02 s cpu, 42.0 MiB allocated; pipeline …".</summary>
    public override string ToString() => string.Join("; ", _stages.Select(s =>
        FormattableString.Invariant($"{s.Name} {s.Wall:F3} s wall, {s.Cpu:F3} s cpu, {s.Bytes / 1048576.0:F1} MiB allocated")));

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
