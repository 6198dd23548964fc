namespace PlanLedger.Documents.Readers;

/// <summary>Reads a stream into memory, refusing it as soon as it passes the size limit.</summary>
internal static class InputBuffer
{
    /// <summary>Reads at most <paramref name="max"/> + 1 bytes; more than <paramref name="max"/> is "too-large".</summary>
    public static byte[] ReadBounded(Stream stream, long max)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > max) throw ReadErrors.TooLarge(max);
        }

        var buffer = new byte[stream.CanSeek ? Math.Max(1, (int)Math.Min(max + 1, stream.Length - stream.Position + 1)) : 64 * 1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > max) break;
                var next = (int)Math.Min(Math.Max(buffer.Length * 2L, 4096), Math.Min(max + 1, Array.MaxLength));
                if (next <= buffer.Length) break;
                Array.Resize(ref buffer, next);
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
        }

        if (length > max) throw ReadErrors.TooLarge(max);
        if (length != buffer.Length) Array.Resize(ref buffer, length);
        return buffer;
    }
}
