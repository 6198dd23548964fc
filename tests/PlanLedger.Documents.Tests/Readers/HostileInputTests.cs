using System.Diagnostics;
using System.Text;
using PlanLedger.Documents.Readers;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

public class HostileInputTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46 }, "JPEG")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0 }, "ELF")]
    public void Images_and_programs_are_unsupported_with_a_specific_message(byte[] bytes, string what)
    {
        var error = ReadFails(bytes, "plan.txt");
        Assert.Equal("unsupported", error.Code);
        Assert.Contains(what, error.Message);
    }

    [Fact]
    public void Random_binary_is_refused_as_binary()
    {
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x01;
        Assert.Equal("binary", ReadFails(bytes, "plan.txt").Code);
    }

    [Fact]
    public void Input_larger_than_the_limit_is_refused_without_reading_it_all()
    {
        var stream = new EndlessStream();
        var error = Assert.Throws<DocumentReadException>(() =>
            DocumentReader.Read(stream, "huge.txt", new ParseOptions { MaxInputBytes = 1024 * 1024 }));
        Assert.Equal("too-large", error.Code);
        Assert.True(stream.BytesRead <= 1024 * 1024 + 1 + 64 * 1024, stream.BytesRead.ToString());
    }

    [Fact]
    public void Fifty_megabytes_of_one_line_of_chinese_is_read_as_one_paragraph()
    {
        var unit = Encoding.UTF8.GetBytes("全面贯彻党的教育方针，落实立德树人根本任务，");
        var bytes = new byte[50 * 1024 * 1024 / unit.Length * unit.Length];
        for (var i = 0; i < bytes.Length; i += unit.Length) unit.CopyTo(bytes, i);

        var watch = Stopwatch.StartNew();
        var doc = Read(bytes, "long.txt");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        var block = Assert.Single(doc.Blocks);
        Assert.Equal(bytes.Length / 3, block.Text.Length); // every character is 3 bytes in UTF-8
    }

    /// <summary>A non-seekable stream that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
