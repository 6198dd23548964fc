using PlanLedger.Cli.Commands;

namespace PlanLedger.Cli;

/// <summary>
/// <c>planledger</c>: parse | bench | serve | import | export. Exit codes: <c>CliApp.ExitCodes.cs</c>.
/// </summary>
public static partial class CliApp
{
    private static readonly Dictionary<string, ICliCommand> Commands = new(StringComparer.Ordinal)
    {
        ["parse"] = new ParseCommand(),
        ["bench"] = new BenchCommand(),
        [Documents.Isolation.ParseWorker.Command] = new ParseWorkerCommand(),
    };

    /// <summary>Lets other assemblies (the web application) add commands such as serve/import/export.</summary>
    public static void Register(string name, ICliCommand command) => Commands[name] = command;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        CommandRegistry.RegisterExtensions();
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteAsync(Usage_());
            return args.Length == 0 ? Usage : Ok;
        }
        if (args[0] is "--version")
        {
            await stdout.WriteLineAsync(typeof(CliApp).Assembly.GetName().Version?.ToString() ?? "0");
            return Ok;
        }
        if (!Commands.TryGetValue(args[0], out var cmd))
        {
            await stderr.WriteLineAsync($"planledger: 未知命令 unknown command '{args[0]}' (see planledger --help)");
            return Usage;
        }
        return await cmd.RunAsync(args[1..], stdout, stderr);
    }

    private static string Usage_() => """
        planledger — 工作要点任务台账与督办系统 PlanLedger

        Usage:
          planledger parse FILE... [--json] [--out DIR] [--positions]
              Parse work-plan documents (.txt .html .htm .docx .pdf). Default prints a readable outline
              with targets, units and deadlines; --json prints planledger/plan@1; with --out DIR, one
              JSON file per input is written into DIR (needed for several files with --json).
          planledger bench [DIR|FILE...] [--seconds N] [--no-process]
              Measure parse throughput (MB/s, MB per CPU-second) and peak memory on the given documents,
              warm and in process, then as whole processes (--no-process skips that part).
          planledger serve [--urls URL] [--db PATH-or-connection-string]
              Start the ledger web application (SQLite ./data/planledger.db by default).

        Exit codes: 0 ok; 1 a document could not be read; 2 wrong usage; 3 file or folder missing or
        not writable; 4 server or database error.

        """;
}
