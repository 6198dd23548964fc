namespace PlanLedger.Cli;

/// <summary>
/// The exit codes of every command: 0 ok, 1 a document could not be read, 2 wrong usage, 3 a file or folder is missing
/// or not writable, 4 a server/database error. Shared with the ahead-of-time compiled <c>planledger-parse</c>.
/// </summary>
public static partial class CliApp
{
    public const int Ok = 0, Unreadable = 1, Usage = 2, FileError = 3, ServerError = 4;
}
