using System.Collections.Concurrent;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Isolation;

/// <summary>
/// Parses in child processes (<c>planledger parse-worker</c>) so that a document which crashes the engine — a
/// stack overflow in PdfPig cannot be caught in .NET — or runs away with CPU or memory kills only a child. A child
/// parses one document at a time and is kept for the next one (start-up costs more than a parse); a child that
/// died, overran its CPU-time or wall-clock limit or whose request was cancelled is killed and never reused.
/// The children run with a GC heap hard limit. A dead child is a <see cref="Readers.DocumentReadException"/>.
/// </summary>
public sealed class WorkerPlanDocumentParser : IPlanDocumentParser, IDisposable
{
    private readonly ParseWorkerOptions _options;
    private readonly string _fileName;
    private readonly string[] _prefix;
    private readonly ConcurrentBag<WorkerSession> _idle = [];
    private bool _disposed;

    private WorkerPlanDocumentParser(ParseWorkerOptions options, string fileName, string[] prefix)
    {
        _options = options;
        _fileName = fileName;
        _prefix = prefix;
    }

    /// <summary>The command line that starts a worker (for logs).</summary>
    public string CommandLine => string.Join(' ', [_fileName, .. _prefix, ParseWorker.Command]);

    /// <summary>What the last dead worker wrote on standard error (at most 8 KB), for the server log.</summary>
    public string? LastCrashOutput { get; private set; }

    /// <summary>A worker parser when the worker is found (<see cref="ParseWorkerOptions.Path"/> or beside the app), else null.</summary>
    public static WorkerPlanDocumentParser? TryCreate(ParseWorkerOptions? options = null)
    {
        options ??= new ParseWorkerOptions();
        var path = options.Path is { Length: > 0 } p ? Path.GetFullPath(p) : Path.Combine(AppContext.BaseDirectory, "planledger.dll");
        if (!File.Exists(path)) return null;
        if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) return new WorkerPlanDocumentParser(options, path, []);
        // Without its runtimeconfig a .dll cannot be started by the host.
        if (!File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json"))) return null;
        return new WorkerPlanDocumentParser(options, DotnetHost(), [path]);
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root
            && Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet") is var candidate && File.Exists(candidate))
            return candidate;
        return "dotnet";
    }

    public async Task<PlanDocument> ParseAsync(ReadOnlyMemory<byte> bytes, string fileName, ParseOptions options, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ct.ThrowIfCancellationRequested();
        var session = _idle.TryTake(out var s) && s.IsAlive ? s : WorkerSession.Start(_fileName, _prefix, _options);
        WorkerReply reply;
        try
        {
            reply = await session.ParseAsync(bytes, fileName, options, _options, ct);
        }
        catch
        {
            if (!session.IsAlive) LastCrashOutput = session.Stderr;
            session.Dispose();
            throw;
        }
        Release(session);
        if (reply.ErrorCode is { } code)
            throw new Readers.DocumentReadException(code, reply.ErrorMessage ?? code, reply.ErrorEnglish ?? code);
        return reply.Document!;
    }

    private void Release(WorkerSession session)
    {
        if (!_disposed && session.IsAlive && _idle.Count < _options.IdleWorkers) _idle.Add(session);
        else session.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var s)) s.Dispose();
    }
}
