namespace PlanLedger.Documents.Readers;

/// <summary>Reads a stream into memory, refusing it as soon as it passes the size limit.</summary>
internal static class InputBuffer
{
    /// <summary>Reads at most <paramref name="max"/> + 1 bytes; more than <paramref name="max"/> is "too-large".</summary>
    public static byte[] ReadBounded(Stream stream, long max)
    {
        var length = 0;
        byte[] buffer;
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > max) throw ReadErrors.TooLarge(max);
            // Known length: one array of exactly that size, so a large document's bytes are not copied once more
            // to cut the spare byte off. A stream that holds more than it said goes on in the loop below.
            buffer = new byte[Math.Max(1, remaining)];
            length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (length == buffer.Length && remaining > 0)
            {
                Span<byte> probe = stackalloc byte[1];
                if (stream.Read(probe) == 0) return buffer;
                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 4096), Math.Min(max + 1, Array.MaxLength)));
                buffer[length++] = probe[0];
            }
        }
        else
        {
            buffer = new byte[64 * 1024];
        }

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
