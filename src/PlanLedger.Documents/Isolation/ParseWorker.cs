using System.Globalization;
using PlanLedger.Documents.Readers;

namespace PlanLedger.Documents.Isolation;

/// <summary>
/// The child side of isolated parsing (<c>planledger parse-worker</c>): reads one document's bytes from standard
/// input, parses it and writes a <see cref="WorkerReply"/> on standard output. A read error is a reply (exit 0);
/// anything that kills the process — a stack overflow in PdfPig, the memory limit — is seen by the parent as
/// a dead worker. Arguments: <c>--name FILE</c> <c>--year N</c> <c>--max-bytes N</c> <c>--max-uncompressed N</c>.
/// </summary>
public static class ParseWorker
{
    public const string Command = "parse-worker";
    public const int OutOfMemoryExit = 70;

    public static int Run(string[] args, Stream input, Stream output)
    {
        var options = ParseOptions.Default;
        var name = "input";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--name": name = value; break;
                case "--year": options = options with { Year = int.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "--max-bytes": options = options with { MaxInputBytes = long.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "--max-uncompressed": options = options with { MaxUncompressedBytes = long.Parse(value, CultureInfo.InvariantCulture) }; break;
                default: return 2;
            }
        }

        WorkerReply reply;
        try
        {
            reply = new WorkerReply { Document = PlanParser.Parse(input, name, options) };
        }
        catch (DocumentReadException e)
        {
            reply = WorkerReply.Failed(e);
        }
        catch (OutOfMemoryException)
        {
            return OutOfMemoryExit;
        }
        reply.Write(output);
        output.Flush();
        return 0;
    }

    /// <summary>The worker's arguments for one parse.</summary>
    internal static IEnumerable<string> Arguments(string fileName, ParseOptions options)
    {
        yield return Command;
        yield return "--name";
        yield return string.IsNullOrEmpty(fileName) ? "input" : fileName;
        if (options.Year is { } y) { yield return "--year"; yield return y.ToString(CultureInfo.InvariantCulture); }
        yield return "--max-bytes";
        yield return options.MaxInputBytes.ToString(CultureInfo.InvariantCulture);
        yield return "--max-uncompressed";
        yield return options.MaxUncompressedBytes.ToString(CultureInfo.InvariantCulture);
    }
}
