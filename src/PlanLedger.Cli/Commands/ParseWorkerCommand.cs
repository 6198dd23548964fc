using PlanLedger.Documents.Isolation;

namespace PlanLedger.Cli.Commands;

/// <summary>
/// <c>planledger parse-worker --name FILE …</c> (hidden): one document on standard input, its parse on standard
/// output. Started by <see cref="WorkerPlanDocumentParser"/> — the CLI for PDFs, the web importer for every upload.
/// </summary>
internal sealed class ParseWorkerCommand : ICliCommand
{
    public Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        return Task.FromResult(ParseWorker.Run(args, input, output));
    }
}
