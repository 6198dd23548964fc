using PlanLedger.Documents.Readers;

namespace PlanLedger.Documents.Tests.Readers;

/// <summary>The bounded read of a document's bytes: a stream of known length is read into one exact array.</summary>
public class InputBufferTests
{
    private static byte[] Bytes(int n) => [.. Enumerable.Range(0, n).Select(i => (byte)(i * 7))];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(100_000)]
    public void A_seekable_stream_is_read_whole(int n)
    {
        var bytes = Bytes(n);
        Assert.Equal(bytes, InputBuffer.ReadBounded(new MemoryStream(bytes), 1 << 20));
    }

    [Fact]
    public void A_stream_read_from_the_middle_gives_the_rest()
    {
        var stream = new MemoryStream(Bytes(1000)) { Position = 400 };
        Assert.Equal(Bytes(1000)[400..], InputBuffer.ReadBounded(stream, 1 << 20));
    }

    [Fact]
    public void Exactly_the_limit_is_read_and_one_byte_more_is_too_large()
    {
        Assert.Equal(1024, InputBuffer.ReadBounded(new MemoryStream(Bytes(1024)), 1024).Length);
        var error = Assert.Throws<DocumentReadException>(() => InputBuffer.ReadBounded(new MemoryStream(Bytes(1025)), 1024));
        Assert.Equal("too-large", error.Code);
    }

    [Fact]
    public void A_stream_that_holds_more_than_its_length_said_is_read_to_its_end()
    {
        var bytes = Bytes(50_000);
        Assert.Equal(bytes, InputBuffer.ReadBounded(new UnderstatedStream(bytes, 10_000), 1 << 20));
        var error = Assert.Throws<DocumentReadException>(() => InputBuffer.ReadBounded(new UnderstatedStream(bytes, 10_000), 20_000));
        Assert.Equal("too-large", error.Code);
    }

    /// <summary>A file that grew after its length was taken: Length says less than the stream gives.</summary>
    private sealed class UnderstatedStream(byte[] bytes, long length) : MemoryStream(bytes)
    {
        public override long Length => length;
    }
}
