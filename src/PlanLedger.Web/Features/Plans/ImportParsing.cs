using Microsoft.Extensions.Options;
using PlanLedger.Documents;
using PlanLedger.Documents.Isolation;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Syntax;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// How an upload becomes a <see cref="PlanDocument"/> for the importer: parsed by the injected
/// <see cref="IPlanDocumentParser"/> (a worker process by default, see <see cref="AddImportParsing"/>), bounded
/// by the size and item limits of <see cref="LedgerOptions"/>. A read error, a dead worker, a parse over its time
/// or memory budget and a document over the item limit are failures with a readable title (413/415/422; 503 when
/// the worker cannot be started).
/// </summary>
public sealed class ImportParsing(IPlanDocumentParser parser, IOptions<LedgerOptions> options, ILogger<ImportParsing> log)
{
    public async Task<Outcome<PlanDocument>> ParseAsync(byte[] bytes, string fileName, int? year, CancellationToken ct)
    {
        var o = options.Value;
        PlanDocument doc;
        try
        {
            doc = await parser.ParseAsync(bytes, fileName, ParseOptions.Default with { Year = year, MaxInputBytes = o.MaxUploadBytes }, ct);
        }
        catch (DocumentReadException e)
        {
            if (e.Code == "parse-crashed" && parser is WorkerPlanDocumentParser w)
                log.LogWarning("Parse worker died on {File}: {Stderr}", fileName, FirstLines(w.LastCrashOutput));
            // A worker that cannot even be started is the server's fault, not the file's.
            var status = e.Code switch { "legacy-doc" or "unsupported" => 415, "too-large" => 413, "parse-worker" => 503, _ => 422 };
            return new Failure(status, Shared.Strings.Pick($"无法读取该文件：{e.Message}", $"Cannot read the file: {e.EnglishMessage}"), null,
                new Dictionary<string, object?> { ["code"] = e.Code });
        }

        var items = doc.Descendants().Count();
        if (items > o.MaxImportItems)
            return new Failure(422, $"文件中的条目过多（{items} 条，上限 {o.MaxImportItems} 条），请拆分后再导入", null,
                new Dictionary<string, object?> { ["code"] = "too-many-items", ["items"] = items, ["limit"] = o.MaxImportItems });
        return doc;
    }

    private static string FirstLines(string? s) =>
        s is null ? "" : string.Join(" | ", s.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(4));

    /// <summary>
    /// Registers the parser: the worker (<c>planledger.dll parse-worker</c> beside the application, or
    /// <see cref="LedgerOptions.ParseWorker"/>) when it is found, otherwise in-process with a warning in the log;
    /// <c>ParseWorker = "off"</c> parses in-process on purpose. A test may register its own <see cref="IPlanDocumentParser"/>.
    /// </summary>
    public static void AddImportParsing(IServiceCollection services)
    {
        services.AddScoped<ImportParsing>();
        services.AddSingleton<IPlanDocumentParser>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<LedgerOptions>>().Value;
            var log = sp.GetRequiredService<ILogger<ImportParsing>>();
            if (string.Equals(o.ParseWorker, "off", StringComparison.OrdinalIgnoreCase))
                return new InProcessPlanDocumentParser();
            var worker = WorkerPlanDocumentParser.TryCreate(new ParseWorkerOptions
            {
                Path = string.IsNullOrWhiteSpace(o.ParseWorker) ? null : o.ParseWorker,
                WallTime = o.ParseWallTime,
                CpuTime = o.ParseCpuTime,
                MemoryBytes = o.ParseMemoryBytes,
            });
            if (worker is not null) return worker;
            log.LogWarning("Parse worker not found ({Path}); uploads are parsed in the server process",
                o.ParseWorker ?? Path.Combine(AppContext.BaseDirectory, "planledger.dll"));
            return new InProcessPlanDocumentParser();
        });
    }
}
