using PlanLedger.Cli;

// `parse` runs as the ahead-of-time compiled planledger-parse when it was published beside us (NativeParse.cs).
NativeParse.TryHandOver(args);
return await CliApp.RunAsync(args, Console.Out, Console.Error);
