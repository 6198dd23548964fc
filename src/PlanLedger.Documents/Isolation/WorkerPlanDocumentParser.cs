using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Isolation;

/// <summary>
/// Parses in a child process (<c>planledger parse-worker</c>) so that a document which crashes the engine — a
/// stack overflow in PdfPig cannot be caught in .NET — or runs away with CPU or memory kills only the child.
/// One child per document: the bytes go to its standard input, the <see cref="WorkerReply"/> comes back on its
/// standard output. The child runs with a GC heap hard limit; the parent kills it past the CPU-time or wall-clock
/// limit and when <c>ct</c> is cancelled (the client went away). A dead child is a <see cref="DocumentReadException"/>.
/// </summary>
public sealed class WorkerPlanDocumentParser : IPlanDocumentParser
{
    private const int MaxStderrChars = 8192;
    private readonly ParseWorkerOptions _options;
    private readonly string _fileName;
    private readonly string[] _prefix;

    private WorkerPlanDocumentParser(ParseWorkerOptions options, string fileName, string[] prefix)
    {
        _options = options;
        _fileName = fileName;
        _prefix = prefix;
    }

    /// <summary>The command line that starts the worker (for logs and tests).</summary>
    public string CommandLine => string.Join(' ', [_fileName, .. _prefix]);

    /// <summary>What the last dead worker wrote on standard error (at most 8 KB), for the server log.</summary>
    public string? LastCrashOutput { get; private set; }

    /// <summary>A worker parser when the worker is found (<see cref="ParseWorkerOptions.Path"/> or beside the app), else null.</summary>
    public static WorkerPlanDocumentParser? TryCreate(ParseWorkerOptions? options = null)
    {
        options ??= new ParseWorkerOptions();
        var path = options.Path is { Length: > 0 } p ? System.IO.Path.GetFullPath(p)
            : System.IO.Path.Combine(AppContext.BaseDirectory, "planledger.dll");
        if (!File.Exists(path)) return null;
        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            // Without its runtimeconfig a .dll cannot be started by the host.
            if (!File.Exists(System.IO.Path.ChangeExtension(path, ".runtimeconfig.json"))) return null;
            return new WorkerPlanDocumentParser(options, DotnetHost(), [path]);
        }
        return new WorkerPlanDocumentParser(options, path, []);
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && System.IO.Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
        {
            var candidate = System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate)) return candidate;
        }
        return "dotnet";
    }

    public async Task<PlanDocument> ParseAsync(ReadOnlyMemory<byte> bytes, string fileName, ParseOptions options, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var psi = new ProcessStartInfo(_fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var a in _prefix) psi.ArgumentList.Add(a);
        foreach (var a in ParseWorker.Arguments(fileName, options)) psi.ArgumentList.Add(a);
        var env = psi.Environment;
        env["DOTNET_GCHeapHardLimit"] = "0x" + _options.MemoryBytes.ToString("X", CultureInfo.InvariantCulture);
        env["DOTNET_gcServer"] = "0";
        env["DOTNET_DbgEnableMiniDump"] = "0";
        env["DOTNET_EnableCrashReport"] = "0";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Start-up dominates a small parse: no tiered-PGO instrumentation in a process that lives one document.
        env["DOTNET_TieredPGO"] = "0";

        using var process = new Process { StartInfo = psi };
        try
        {
            if (!process.Start()) throw ReadErrors.WorkerUnavailable(_fileName);
        }
        catch (Win32Exception e)
        {
            throw ReadErrors.WorkerUnavailable($"{_fileName}: {e.Message}");
        }

        var killedFor = KillReason.None;
        void Kill(KillReason why)
        {
            if (killedFor == KillReason.None) killedFor = why;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } catch (Win32Exception) { }
        }

        using var cancel = ct.Register(() => Kill(KillReason.Cancelled));
        var stdout = new MemoryStream();
        var readOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);
        var readErr = ReadBoundedAsync(process.StandardError);
        var writeIn = Task.Run(async () =>
        {
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(bytes, CancellationToken.None);
                process.StandardInput.Close();
            }
            catch (IOException) { } // the worker died before reading everything
            catch (ObjectDisposedException) { }
        }, CancellationToken.None);

        var started = Stopwatch.StartNew();
        var exited = process.WaitForExitAsync(CancellationToken.None);
        while (!exited.IsCompleted)
        {
            await Task.WhenAny(exited, Task.Delay(50, CancellationToken.None));
            if (exited.IsCompleted) break;
            if (started.Elapsed > _options.WallTime) Kill(KillReason.WallTime);
            else if (CpuTime(process) > _options.CpuTime) Kill(KillReason.CpuTime);
        }
        await exited;
        await Task.WhenAll(readOut, writeIn);
        var stderr = await readErr;

        ct.ThrowIfCancellationRequested();
        switch (killedFor)
        {
            case KillReason.WallTime: throw ReadErrors.ParseTimeout(_options.WallTime);
            case KillReason.CpuTime: throw ReadErrors.ParseTimeout(_options.CpuTime);
        }
        if (process.ExitCode == ParseWorker.OutOfMemoryExit || stderr.Contains("OutOfMemoryException", StringComparison.Ordinal))
            throw ReadErrors.ParseOutOfMemory(_options.MemoryBytes);
        var reply = process.ExitCode == 0 ? WorkerReply.TryRead(stdout.GetBuffer().AsSpan(0, (int)stdout.Length)) : null;
        if (reply is null)
        {
            LastCrashOutput = stderr;
            throw ReadErrors.ParseCrashed();
        }
        if (reply.ErrorCode is { } code)
            throw new DocumentReadException(code, reply.ErrorMessage ?? code, reply.ErrorEnglish ?? code);
        return reply.Document!;
    }

    private static TimeSpan CpuTime(Process p)
    {
        try { return p.TotalProcessorTime; }
        catch (InvalidOperationException) { return TimeSpan.Zero; }
        catch (Win32Exception) { return TimeSpan.Zero; }
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new System.Text.StringBuilder();
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
            if (kept.Length < MaxStderrChars) kept.Append(buffer, 0, Math.Min(n, MaxStderrChars - kept.Length));
        return kept.ToString();
    }

    private enum KillReason { None, Cancelled, WallTime, CpuTime }
}
