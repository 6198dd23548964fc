using System.Text;
using PlanLedger.Documents;
using PlanLedger.Documents.Isolation;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Renderers;

namespace PlanLedger.Cli.Commands;

/// <summary><c>planledger parse FILE... [--json] [--out DIR] [--positions]</c></summary>
internal sealed class ParseCommand : ICliCommand
{
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // One worker per run (the command object is shared: runs in one process, e.g. tests, must not share it).
        using var worker = new WorkerSlot();
        var files = new List<string>();
        bool json = false, positions = false;
        string? outDir = null;
        int? year = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--positions": positions = true; break;
                case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
                case "--year" when i + 1 < args.Length && int.TryParse(args[i + 1], out var y): year = y; i++; break;
                case var a when a.StartsWith('-'):
                    await stderr.WriteLineAsync($"planledger parse: 未知选项 unknown option '{a}'");
                    return CliApp.Usage;
                default: files.Add(args[i]); break;
            }
        }
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("planledger parse: 请指定要解析的文件 no FILE given (planledger parse FILE [--json] [--out DIR])");
            return CliApp.Usage;
        }
        if (files.Count > 1 && outDir is null)
        {
            await stderr.WriteLineAsync("planledger parse: 多个文件需要 --out DIR / several files need --out DIR");
            return CliApp.Usage;
        }
        if (outDir is not null)
        {
            try { Directory.CreateDirectory(outDir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"planledger parse: {outDir}: 无法创建输出目录 cannot create output folder ({e.Message})");
                return CliApp.FileError;
            }
        }

        var options = ParseOptions.Default with { Year = year };
        var worst = CliApp.Ok;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var clock = StageClock.Requested ? new StageClock() : null;
            Documents.Syntax.PlanDocument doc;
            try
            {
                doc = await ParseFileAsync(file, name, options, worker, clock);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"planledger parse: {file}: 文件不存在或无法读取 file not found or not readable");
                worst = Math.Max(worst, CliApp.FileError);
                continue;
            }
            catch (DocumentReadException e)
            {
                await stderr.WriteLineAsync($"planledger parse: {file}: {e.Message} ({e.EnglishMessage})");
                worst = Math.Max(worst, CliApp.Unreadable);
                continue;
            }
            catch (IOException e)
            {
                await stderr.WriteLineAsync($"planledger parse: {file}: 读取失败 read error ({e.Message})");
                worst = Math.Max(worst, CliApp.FileError);
                continue;
            }

            if (outDir is not null)
            {
                var target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(name) + (json ? ".json" : ".txt"));
                var content = json ? PlanJsonWriter.ToJson(doc, positions) : OutlineRenderer.Render(doc);
                await File.WriteAllTextAsync(target, content + "\n", new UTF8Encoding(false));
                await stdout.WriteLineAsync(target);
            }
            else if (json && ReferenceEquals(stdout, Console.Out))
            {
                // Straight to the process's standard output: no copy of a large document's JSON in memory.
                await stdout.FlushAsync();
                await using var raw = Console.OpenStandardOutput();
                PlanJsonWriter.Write(raw, doc, positions);
                raw.WriteByte((byte)'\n');
            }
            else if (json)
            {
                await stdout.WriteLineAsync(PlanJsonWriter.ToJson(doc, positions));
            }
            else
            {
                await stdout.WriteAsync(OutlineRenderer.Render(doc));
            }
            if (clock is not null)
            {
                clock.Lap(json ? "json" : "outline");
                await stderr.WriteLineAsync($"planledger parse: {name}: stages: {clock}");
            }
        }
        return worst;
    }

    /// <summary>
    /// PDFs go to a worker process (<c>planledger parse-worker</c>): a crafted PDF that overflows PdfPig's stack
    /// kills the worker, and this command reports the file as unreadable and goes on with the next one. Other
    /// formats parse here, streamed from the file. <c>PLANLEDGER_PARSE_ISOLATION=off</c> parses everything here.
    /// </summary>
    private static async Task<Documents.Syntax.PlanDocument> ParseFileAsync(string file, string name, ParseOptions options, WorkerSlot slot, StageClock? clock)
    {
        if (clock is not null)
        {
            // Timed: the same two steps PlanParser.Parse takes, in this process.
            await using var input = File.OpenRead(file);
            if (input.CanSeek) PlanParser.WarmUp(input.Length);
            var source = DocumentReader.Read(input, name, options);
            clock.Lap("read");
            var parsed = PlanParser.Parse(source, options);
            clock.Lap("pipeline");
            return parsed;
        }
        await using var fs = File.OpenRead(file);
        if (!fs.CanSeek) return PlanParser.Parse(fs, name, options);
        var head = new byte[IsolationPolicy.HeadLength];
        var n = await fs.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        fs.Position = 0;
        if (IsolationPolicy.NeedsWorker(head.AsSpan(0, n)) && slot.Get() is { } worker)
        {
            if (fs.Length > options.MaxInputBytes)
                return PlanParser.Parse(fs, name, options); // the reader's own "too large" error
            var bytes = new byte[fs.Length];
            await fs.ReadExactlyAsync(bytes);
            return await worker.ParseAsync(bytes, name, options);
        }
        return PlanParser.Parse(fs, name, options);
    }

    /// <summary>The run's worker, started on first need and disposed with the run.</summary>
    private sealed class WorkerSlot : IDisposable
    {
        private WorkerPlanDocumentParser? _worker;
        private bool _looked;

        public WorkerPlanDocumentParser? Get()
        {
            if (_looked) return _worker;
            _looked = true;
            if (Environment.GetEnvironmentVariable("PLANLEDGER_PARSE_ISOLATION") is "off" or "0") return null;
            var path = Environment.GetEnvironmentVariable("PLANLEDGER_PARSE_WORKER");
            return _worker = WorkerPlanDocumentParser.TryCreate(new ParseWorkerOptions { Path = string.IsNullOrEmpty(path) ? null : path });
        }

        public void Dispose() => _worker?.Dispose();
    }
}
