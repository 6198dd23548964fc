using System.Collections;
using System.Runtime.InteropServices;

namespace PlanLedger.Cli;

/// <summary>
/// <c>planledger parse</c> hands itself over to <c>planledger-parse</c> — the same command compiled ahead of time
/// (<c>src/PlanLedger.Cli.Parse</c>, <c>docs/decisions/0007-parse-compiled-ahead-of-time.md</c>) — when that executable
/// was published beside this assembly: the process is replaced (<c>execve</c>, same process, same standard streams and
/// exit code), and the parse runs with no JIT and no start-up of the engine's code. Anywhere else (a build without the
/// executable, Windows, <c>PLANLEDGER_NATIVE_PARSE=0</c>, tests calling <see cref="CliApp.RunAsync"/>) the parse runs in
/// this process, as before.
/// </summary>
public static partial class NativeParse
{
    public const string FileName = "planledger-parse";

    /// <summary>Replaces this process with <c>planledger-parse</c> for a <c>parse</c> command line; returns if it cannot.</summary>
    public static void TryHandOver(string[] args)
    {
        if (args.Length == 0 || args[0] != "parse") return;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        if (Environment.GetEnvironmentVariable("PLANLEDGER_NATIVE_PARSE") is "0" or "off") return;
        if (!CpuRunsIt()) return;
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        if (!File.Exists(path)) return;

        var env = new List<string>();
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables()) env.Add($"{e.Key}={e.Value}");
        // The PDF worker that planledger-parse starts (planledger.dll parse-worker) runs under the host running us now.
        if (Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet"
            && Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is null)
            env.Add($"DOTNET_HOST_PATH={host}");

        var argv = ToNative([path, .. args[1..]]);
        var envp = ToNative(env);
        try
        {
            Execve(argv[0], argv, envp); // returns only on failure: then parse here
        }
        finally
        {
            foreach (var p in argv) Marshal.FreeCoTaskMem(p);
            foreach (var p in envp) Marshal.FreeCoTaskMem(p);
        }
    }

    /// <summary>
    /// The executable is compiled for x86-64-v3 (AVX2, BMI1/2, FMA, LZCNT, MOVBE) on x64: on an older processor it would
    /// refuse to start, so the parse stays in this process there.
    /// </summary>
    public static bool CpuRunsIt() =>
        RuntimeInformation.ProcessArchitecture != Architecture.X64
        || (System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Bmi1.IsSupported
            && System.Runtime.Intrinsics.X86.Bmi2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported
            && System.Runtime.Intrinsics.X86.Lzcnt.IsSupported);

    /// <summary>UTF-8 C strings and the terminating null pointer.</summary>
    private static nint[] ToNative(IReadOnlyList<string> strings)
    {
        var a = new nint[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++) a[i] = Marshal.StringToCoTaskMemUTF8(strings[i]);
        return a;
    }

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static partial int Execve(nint path, nint[] argv, nint[] envp);
}
