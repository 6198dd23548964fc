namespace PlanLedger.Cli.Commands;

internal static partial class CommandRegistry
{
    static partial void RegisterWebCommands()
    {
        CliApp.Register("serve", new ServeCommand());
        CliApp.Register("import", new ImportCommand());
        CliApp.Register("export", new ExportCommand());
    }
}
