using PlanLedger.Cli.Commands;

// planledger-parse FILE... [--json] [--out DIR] [--positions] [--year N]: `planledger parse` compiled ahead of time.
return await new ParseCommand().RunAsync(args, Console.Out, Console.Error);
