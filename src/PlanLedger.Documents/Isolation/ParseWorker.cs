using System.Buffers.Binary;
using PlanLedger.Documents.Readers;

namespace PlanLedger.Documents.Isolation;

/// <summary>
/// The child side of isolated parsing (<c>planledger parse-worker</c>): reads requests from standard input —
/// each a <see cref="WorkerRequest"/> frame and the document's bytes — parses them one after the other and
/// writes a <see cref="WorkerReply"/> frame for each on standard output, until standard input ends. A read
/// error is a reply; anything that kills the process — a stack overflow in PdfPig, the memory limit — is seen by
/// the parent as a dead worker. Frames: a 4-byte little-endian length, then that many bytes.
/// </summary>
public static class ParseWorker
{
    public const string Command = "parse-worker";
    public const int OutOfMemoryExit = 70;

    public static int Run(Stream input, Stream output)
    {
        while (ReadFrame(input) is { } header)
        {
            var request = WorkerRequest.Read(header);
            var body = ReadFrame(input);
            if (request is null || body is null) return 2;
            WorkerReply reply;
            try
            {
                using var ms = new MemoryStream(body, writable: false);
                reply = new WorkerReply { Document = PlanParser.Parse(ms, request.Name, request.Options) };
            }
            catch (DocumentReadException e)
            {
                reply = WorkerReply.Failed(e);
            }
            catch (OutOfMemoryException)
            {
                return OutOfMemoryExit;
            }
            WriteFrame(output, reply.ToBytes());
            output.Flush();
        }
        return 0;
    }

    internal static byte[]? ReadFrame(Stream s)
    {
        Span<byte> len = stackalloc byte[4];
        if (s.ReadAtLeast(len, 4, throwOnEndOfStream: false) < 4) return null;
        var n = BinaryPrimitives.ReadInt32LittleEndian(len);
        if (n < 0) return null;
        var data = new byte[n];
        return s.ReadAtLeast(data, n, throwOnEndOfStream: false) == n ? data : null;
    }

    internal static void WriteFrame(Stream s, ReadOnlySpan<byte> data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(len, data.Length);
        s.Write(len);
        s.Write(data);
    }
}
