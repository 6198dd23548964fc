namespace PlanLedger.Web.Features.Shared;

/// <summary>
/// A response body that passes everything through to the real one and keeps a copy while it stays within
/// <c>limit</c> bytes (<see cref="Complete"/> false once it went over: a big download streams on, uncopied).
/// </summary>
internal sealed class CapturingStream(Stream inner, int limit) : Stream
{
    private MemoryStream? _copy = new();

    /// <summary>The copy of the whole body, or null when it went over the limit.</summary>
    public byte[]? Copy => _copy?.ToArray();
    public bool Complete => _copy is not null;

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_copy is null) return;
        if (_copy.Length + bytes.Length > limit) { _copy = null; return; }
        _copy.Write(bytes);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Keep(buffer.AsSpan(offset, count));
        return inner.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
