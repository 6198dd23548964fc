using System.Diagnostics;
using PlanLedger.Documents;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Renderers;
using PlanLedger.Documents.Text;

namespace PlanLedger.Cli.Commands;

/// <summary>
/// <c>planledger bench [DIR|FILE...] [--seconds N] [--no-process]</c>: parse throughput in MB/s per format and peak
/// memory, single-threaded (the figure is per core), after a warm-up of each format's code path (≥ 2 s and 10
/// parses, so that the JIT's tiering has settled); then whole-process figures: this CLI run as a child on the .txt
/// inputs concatenated to ≥ 10 MB (<c>parse FILE --json</c>), start-up (<c>--version</c>) subtracted.
/// </summary>
internal sealed class BenchCommand : ICliCommand
{
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var seconds = 3.0;
        var process = true;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var s)) { seconds = s; i++; }
            else if (args[i] == "--no-process") process = false;
            else paths.Add(args[i]);
        }
        if (paths.Count == 0) paths.Add(Path.Combine("..", "shared", "corpus", "seeds"));
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.GetFiles(p).OrderBy(f => f, StringComparer.Ordinal));
            else if (File.Exists(p)) files.Add(p);
            else
            {
                await stderr.WriteLineAsync($"planledger bench: {p}: 不存在 not found");
                return CliApp.FileError;
            }
        }
        var inputs = files.Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        // The docx path on the same content: each text document as a Word file (paragraphs repeated to ~1 MB).
        foreach (var (name, bytes) in inputs.ToList())
        {
            if (!name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) continue;
            string text;
            try { text = PlanParser.Parse(new MemoryStream(bytes), name).SourceText; }
            catch (DocumentReadException) { continue; }
            if (text.Length == 0) continue;
            var repeat = Math.Max(1, 1_000_000 / Math.Max(1, System.Text.Encoding.UTF8.GetByteCount(text)));
            inputs.Add((Path.ChangeExtension(name, ".docx"), BenchDocuments.DocxFromText(text, repeat)));
        }
        var byFormat = new Dictionary<string, (long Bytes, double Seconds)>();
        var readOnly = new Dictionary<string, (long Bytes, double Seconds)>();
        var pipelineOnly = new Dictionary<string, (long Bytes, double Seconds)>();
        var jsonOnly = new Dictionary<string, (long Bytes, double Seconds)>();
        var cpuTime = new Dictionary<string, double>();
        var gcPause = new Dictionary<string, double>();
        var warmed = new HashSet<string>();
        var baseline = GC.GetTotalMemory(true);
        long peakDelta = 0, largest = 0;
        foreach (var (name, bytes) in inputs)
        {
            string format;
            try { format = Parse(bytes, name).Format; }
            catch (DocumentReadException) { continue; }
            // Warm up: the first file of a format until the JIT's tiering has settled (≥ 2 s and 10 parses), the
            // others briefly; then run until the time budget per file is spent.
            var budget = seconds / Math.Max(1, inputs.Count);
            var warm = Stopwatch.StartNew();
            var first = warmed.Add(format);
            for (var n = 0; first ? warm.Elapsed.TotalSeconds < 2.0 || n < 10 : warm.Elapsed.TotalSeconds < 0.1 || n < 1; n++) Parse(bytes, name);
            var sw = Stopwatch.StartNew();
            var pause0 = GC.GetTotalPauseDuration();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            long done = 0;
            while (sw.Elapsed.TotalSeconds < budget || done == 0)
            {
                Parse(bytes, name);
                done += bytes.Length;
            }
            sw.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            gcPause[format] = gcPause.GetValueOrDefault(format) + (GC.GetTotalPauseDuration() - pause0).TotalSeconds;
            var (b, t) = byFormat.GetValueOrDefault(format);
            byFormat[format] = (b + done, t + sw.Elapsed.TotalSeconds);
            cpuTime[format] = cpuTime.GetValueOrDefault(format) + cpu;
            // The reading stage alone (bytes → blocks), to show where the time goes.
            var rsw = Stopwatch.StartNew();
            long read = 0;
            while (rsw.Elapsed.TotalSeconds < budget / 2 || read == 0)
            {
                using var ms = new MemoryStream(bytes, writable: false);
                DocumentReader.Read(ms, name, ParseOptions.Default);
                read += bytes.Length;
            }
            var (rb, rt) = readOnly.GetValueOrDefault(format);
            readOnly[format] = (rb + read, rt + rsw.Elapsed.TotalSeconds);
            // The pipeline alone (blocks → tree and fields) and the JSON alone (tree → planledger/plan@1), per input byte.
            SourceDocument source;
            using (var ms = new MemoryStream(bytes, writable: false)) source = DocumentReader.Read(ms, name, ParseOptions.Default);
            var psw = Stopwatch.StartNew();
            long piped = 0;
            Documents.Syntax.PlanDocument doc = null!;
            while (psw.Elapsed.TotalSeconds < budget / 2 || piped == 0)
            {
                doc = PlanParser.Parse(source);
                piped += bytes.Length;
            }
            var (pb, pt) = pipelineOnly.GetValueOrDefault(format);
            pipelineOnly[format] = (pb + piped, pt + psw.Elapsed.TotalSeconds);
            var jsw = Stopwatch.StartNew();
            long written = 0;
            while (jsw.Elapsed.TotalSeconds < budget / 4 || written == 0)
            {
                PlanJsonWriter.Write(Stream.Null, doc);
                written += bytes.Length;
            }
            var (jb, jt) = jsonOnly.GetValueOrDefault(format);
            jsonOnly[format] = (jb + written, jt + jsw.Elapsed.TotalSeconds);

            // Peak managed memory of one parse above the baseline.
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(true);
            var start = GC.GetTotalMemory(true);
            Parse(bytes, name);
            var allocated = GC.GetTotalAllocatedBytes(true) - before;
            peakDelta = Math.Max(peakDelta, Math.Min(allocated, Math.Max(0, Process.GetCurrentProcess().PeakWorkingSet64 - baseline)));
            largest = Math.Max(largest, bytes.Length);
            _ = start;
        }
        // MB/s of wall time, MB per CPU-second (all threads of the process: the GC too), and the reading stage alone.
        // The stages alone: MB of input per second of that stage (read: bytes → blocks; pipeline: blocks → tree; json: tree → output).
        await stdout.WriteLineAsync($"{"format",-8}{"MB",10}{"seconds",10}{"MB/s",10}{"MB/cpu-s",10}{"GC %",8}{"read MB/s",12}{"pipe MB/s",12}{"json MB/s",12}");
        foreach (var (format, (b, t)) in byFormat.OrderBy(k => k.Key))
        {
            var (rb, rt) = readOnly[format];
            var (pb, pt) = pipelineOnly[format];
            var (jb, jt) = jsonOnly[format];
            await stdout.WriteLineAsync($"{format,-8}{b / 1e6,10:F1}{t,10:F2}{b / 1e6 / t,10:F1}{b / 1e6 / cpuTime[format],10:F1}{100 * gcPause[format] / t,8:F0}{rb / 1e6 / rt,12:F1}{pb / 1e6 / pt,12:F1}{jb / 1e6 / jt,12:F1}");
        }
        var proc = Process.GetCurrentProcess();
        await stdout.WriteLineAsync($"largest input: {largest / 1024.0:F0} KiB; peak working set: {proc.PeakWorkingSet64 / 1048576.0:F0} MiB; managed allocations of one parse (largest): {peakDelta / 1048576.0:F1} MiB");
        if (process && BenchProcess.Supported) await WholeProcessAsync(inputs.Where(i => i.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)).Select(i => i.Bytes).ToList(), stdout);
        return CliApp.Ok;
    }

    /// <summary>The whole CLI on the .txt inputs concatenated to ≥ 10 MB: start-up, JIT and GC included as a user meets them.</summary>
    private static async Task WholeProcessAsync(List<byte[]> texts, TextWriter stdout)
    {
        if (texts.Count == 0 || texts.Sum(t => (long)t.Length) == 0) return;
        var file = Path.Combine(Path.GetTempPath(), $"planledger-bench-{Environment.ProcessId}.txt");
        try
        {
            await using (var fs = File.Create(file))
                while (fs.Length < 10_000_000)
                    foreach (var t in texts) { fs.Write(t); fs.WriteByte((byte)'\n'); }
            var bytes = new FileInfo(file).Length;
            const int runs = 3;
            var start = BenchProcess.Measure(["--version"], runs);
            var parse = BenchProcess.Measure(["parse", file, "--json"], runs);
            var mb = bytes / 1e6;
            await stdout.WriteLineAsync($"whole process, planledger parse --json on {mb:F1} MB (the .txt inputs concatenated), best of {runs}:");
            await stdout.WriteLineAsync($"  start-up {start.Wall:F2} s wall, {start.Cpu:F2} s cpu; parse {parse.Wall:F2} s wall, {parse.Cpu:F2} s cpu; "
                + $"{mb / Math.Max(1e-3, parse.Wall - start.Wall):F1} MB/s, {mb / Math.Max(1e-3, parse.Cpu - start.Cpu):F1} MB/cpu-s (start-up subtracted); "
                + $"peak RSS {parse.PeakRssBytes / 1048576.0:F0} MiB ({parse.PeakRssBytes / (double)bytes:F1}× the input)");
            if (BenchProcess.Stages(["parse", file, "--json"]) is { } stages) await stdout.WriteLineAsync($"  per stage (one run, PLANLEDGER_STAGES=1): {stages}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Documents.Syntax.PlanDocument Parse(byte[] bytes, string name)
    {
        using var ms = new MemoryStream(bytes, writable: false);
        return PlanParser.Parse(ms, name);
    }
}
