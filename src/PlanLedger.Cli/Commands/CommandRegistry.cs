namespace PlanLedger.Cli.Commands;

/// <summary>Commands that live outside the document engine (serve, import, export) register here.</summary>
internal static partial class CommandRegistry
{
    static partial void RegisterWebCommands();

    public static void RegisterExtensions() => RegisterWebCommands();
}
