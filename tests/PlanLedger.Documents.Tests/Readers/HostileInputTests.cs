using System.Diagnostics;
using System.Text;
using PlanLedger.Documents.Readers;
using static PlanLedger.Documents.Tests.Readers.ReaderTestHelpers;

namespace PlanLedger.Documents.Tests.Readers;

public class HostileInputTests
{
    [Fact]
    public void Legacy_word_doc_asks_to_save_as_docx()
    {
        var ole = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Encoding.Unicode.GetBytes("WordDocument").CopyTo(ole, 1024);
        var error = ReadFails(ole, "plan.doc");
        Assert.Equal("legacy-doc", error.Code);
        Assert.Equal(".doc 是旧版 Word 格式，请另存为 .docx 后再导入", error.Message);
        Assert.Equal(".doc is the legacy Word format; save it as .docx and import again", error.EnglishMessage);

        Assert.Contains(".wps", ReadFails(ole, "plan.wps").Message);
    }

    [Fact]
    public void Rtf_is_unsupported_with_a_save_as_docx_hint()
    {
        var error = ReadFails(Encoding.ASCII.GetBytes("{\\rtf1\\ansi 一、加强党的建设}"), "plan.doc");
        Assert.Equal("unsupported", error.Code);
        Assert.Contains(".docx", error.Message);
    }

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
