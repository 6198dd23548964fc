using PlanLedger.Documents.Isolation;

namespace PlanLedger.Cli.Commands;

/// <summary>
/// <c>planledger parse-worker</c> (hidden): documents on standard input, their parse on standard output, one after
/// the other. Started by <see cref="WorkerPlanDocumentParser"/> — the CLI for PDFs, the web importer for every upload.
/// </summary>
internal sealed class ParseWorkerCommand : ICliCommand
{
    public Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0) return Task.FromResult(CliApp.Usage);
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        return Task.FromResult(ParseWorker.Run(input, output));
    }
}
