using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using PlanLedger.Documents.Readers;

namespace PlanLedger.Documents.Isolation;

/// <summary>
/// One running <c>planledger parse-worker</c> process: documents are sent one at a time; each must come back
/// within the CPU-time and wall-clock limits, or the process is killed. A killed or dead session is never reused.
/// </summary>
internal sealed class WorkerSession : IDisposable
{
    private const int MaxStderrChars = 8192;
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;

    private WorkerSession(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _stdout = process.StandardOutput.BaseStream;
        _stderrPump = PumpStderrAsync(process.StandardError);
    }

    public bool IsAlive { get; private set; } = true;

    /// <summary>What the worker wrote on standard error (at most 8 KB), for the log when it died.</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public static WorkerSession Start(string fileName, IReadOnlyList<string> prefix, ParseWorkerOptions options)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var a in prefix) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(ParseWorker.Command);
        var env = psi.Environment;
        env["DOTNET_GCHeapHardLimit"] = "0x" + options.MemoryBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        env["DOTNET_gcServer"] = "0";
        env["DOTNET_DbgEnableMiniDump"] = "0";
        env["DOTNET_EnableCrashReport"] = "0";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = psi };
        try
        {
            if (!process.Start()) throw ReadErrors.WorkerUnavailable(fileName);
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw ReadErrors.WorkerUnavailable($"{fileName}: {e.Message}");
        }
        return new WorkerSession(process);
    }

    /// <summary>Parses one document; a dead or killed worker is a <see cref="DocumentReadException"/>.</summary>
    public async Task<WorkerReply> ParseAsync(ReadOnlyMemory<byte> bytes, string fileName, ParseOptions options,
        ParseWorkerOptions limits, CancellationToken ct)
    {
        var killedFor = KillReason.None;
        var cpuAtStart = CpuTime();
        var clock = Stopwatch.StartNew();
        using var cancel = ct.Register(() => Kill(ref killedFor, KillReason.Cancelled));

        var send = SendAsync(WorkerRequest.From(fileName, options).ToBytes(), bytes);
        var receive = ReceiveAsync();
        while (!receive.IsCompleted)
        {
            await Task.WhenAny(receive, Task.Delay(50, CancellationToken.None));
            if (receive.IsCompleted) break;
            if (clock.Elapsed > limits.WallTime) Kill(ref killedFor, KillReason.WallTime);
            else if (CpuTime() - cpuAtStart > limits.CpuTime) Kill(ref killedFor, KillReason.CpuTime);
        }
        var frame = await receive;
        await send;

        var reply = frame is null ? null : WorkerReply.TryRead(frame);
        if (reply is not null && killedFor == KillReason.None) return reply;

        IsAlive = false;
        Kill(ref killedFor, KillReason.Dead);
        ct.ThrowIfCancellationRequested();
        switch (killedFor)
        {
            case KillReason.WallTime: throw ReadErrors.ParseTimeout(limits.WallTime);
            case KillReason.CpuTime: throw ReadErrors.ParseTimeout(limits.CpuTime);
        }
        await WaitForExitAsync();
        if ((_process.HasExited && _process.ExitCode == ParseWorker.OutOfMemoryExit) || Stderr.Contains("OutOfMemoryException", StringComparison.Ordinal))
            throw ReadErrors.ParseOutOfMemory(limits.MemoryBytes);
        throw ReadErrors.ParseCrashed();
    }

    private async Task SendAsync(byte[] header, ReadOnlyMemory<byte> body)
    {
        try
        {
            var len = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(len, header.Length);
            await _stdin.WriteAsync(len);
            await _stdin.WriteAsync(header);
            BinaryPrimitives.WriteInt32LittleEndian(len, body.Length);
            await _stdin.WriteAsync(len);
            await _stdin.WriteAsync(body);
            await _stdin.FlushAsync();
        }
        catch (IOException) { } // the worker died before reading everything
        catch (ObjectDisposedException) { }
    }

    private async Task<byte[]?> ReceiveAsync()
    {
        try
        {
            var len = new byte[4];
            if (await _stdout.ReadAtLeastAsync(len, 4, throwOnEndOfStream: false) < 4) return null;
            var n = BinaryPrimitives.ReadInt32LittleEndian(len);
            if (n < 0) return null;
            var data = new byte[n];
            return await _stdout.ReadAtLeastAsync(data, n, throwOnEndOfStream: false) == n ? data : null;
        }
        catch (IOException) { return null; }
        catch (ObjectDisposedException) { return null; }
    }

    private async Task WaitForExitAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await _process.WaitForExitAsync(cts.Token); } catch (OperationCanceledException) { }
        try { await _stderrPump.WaitAsync(TimeSpan.FromSeconds(1)); } catch (TimeoutException) { }
    }

    private void Kill(ref KillReason reason, KillReason why)
    {
        if (reason == KillReason.None) reason = why;
        IsAlive = false;
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (Win32Exception) { }
    }

    private TimeSpan CpuTime()
    {
        try { return _process.TotalProcessorTime; }
        catch (InvalidOperationException) { return TimeSpan.Zero; }
        catch (Win32Exception) { return TimeSpan.Zero; }
    }

    private async Task PumpStderrAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
                lock (_stderr)
                    if (_stderr.Length < MaxStderrChars) _stderr.Append(buffer, 0, Math.Min(n, MaxStderrChars - _stderr.Length));
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        if (IsAlive)
        {
            IsAlive = false;
            try { _stdin.Close(); } catch (IOException) { }
            if (!_process.WaitForExit(2000)) { try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }
        }
        _process.Dispose();
    }

    private enum KillReason { None, Cancelled, WallTime, CpuTime, Dead }
}
