using System.Runtime.InteropServices;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// A large file's bytes outside the managed heap, for as long as they are needed: text is decoded from them and they
/// are freed at once (<see cref="Dispose"/>), so the file's bytes are neither garbage the GC has to find (a large-object
/// allocation that triggers a full, compacting collection) nor resident beside the decoded text and its lines.
/// </summary>
internal sealed unsafe class NativeInput : IDisposable
{
    /// <summary>Smaller files are read into an array as before: their bytes are no large object.</summary>
    public const long From = 1 << 20;

    private byte* _bytes;
    private int _length;

    private NativeInput(byte* bytes, int length)
    {
        _bytes = bytes;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _bytes is null ? throw new ObjectDisposedException(nameof(NativeInput)) : new ReadOnlySpan<byte>(_bytes, _length);

    /// <summary>
    /// The rest of a seekable stream of at least <see cref="From"/> and at most <paramref name="max"/> bytes, or null
    /// (the stream is left where it was): not seekable, smaller, larger, or holding more than its length said.
    /// </summary>
    public static NativeInput? TryRead(Stream stream, long max)
    {
        if (!stream.CanSeek) return null;
        var start = stream.Position;
        var remaining = stream.Length - start;
        if (remaining < From || remaining > max || remaining > Array.MaxLength) return null;
        var bytes = (byte*)NativeMemory.Alloc((nuint)remaining);
        var input = new NativeInput(bytes, (int)remaining);
        try
        {
            var span = new Span<byte>(bytes, (int)remaining);
            var read = stream.ReadAtLeast(span, span.Length, throwOnEndOfStream: false);
            Span<byte> probe = stackalloc byte[1];
            if (read == span.Length && stream.Read(probe) != 0)
            {
                // More than the stream said it holds: the general reader, with its limit, from the start.
                input.Dispose();
                stream.Position = start;
                return null;
            }
            input._length = read;
            return input;
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_bytes is null) return;
        NativeMemory.Free(_bytes);
        _bytes = null;
        _length = 0;
    }
}
