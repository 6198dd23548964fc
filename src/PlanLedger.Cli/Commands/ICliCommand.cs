namespace PlanLedger.Cli.Commands;

public interface ICliCommand
{
    Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr);
}
