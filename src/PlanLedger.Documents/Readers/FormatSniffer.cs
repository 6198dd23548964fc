namespace PlanLedger.Documents.Readers;

/// <summary>What a file's first bytes say it is.</summary>
internal enum SniffedKind { Empty, Text, Pdf, Zip, Ole, Rtf, Other }

/// <summary>The result of sniffing: the kind, and for <see cref="SniffedKind.Other"/> a description of the format.</summary>
internal readonly record struct Sniffed(SniffedKind Kind, string? ChineseName = null, string? EnglishName = null);

/// <summary>What an OLE compound file holds.</summary>
internal enum OleKind { Encrypted, Word, Excel, PowerPoint, Unknown }

/// <summary>Recognises formats by magic bytes, never by the file's extension.</summary>
internal static class FormatSniffer
{
    public static Sniffed Sniff(ReadOnlySpan<byte> b)
    {
        if (IsBlank(b)) return new(SniffedKind.Empty);
        if (b.StartsWith("%PDF-"u8) || b[..Math.Min(b.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return new(SniffedKind.Pdf);
        if (b.StartsWith("PK\x03\x04"u8) || b.StartsWith("PK\x05\x06"u8) || b.StartsWith("PK\x07\x08"u8)) return new(SniffedKind.Zip);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return new(SniffedKind.Ole);
        if (b.StartsWith("{\\rtf"u8)) return new(SniffedKind.Rtf);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return Other("PNG 图片", "a PNG image");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Other("JPEG 图片", "a JPEG image");
        if (b.StartsWith("GIF8"u8)) return Other("GIF 图片", "a GIF image");
        if (b.StartsWith("BM"u8) && b.Length > 14 && b[6] == 0 && b[7] == 0) return Other("BMP 图片", "a BMP image");
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return Other("TIFF 图片", "a TIFF image");
        if (b.StartsWith("RIFF"u8) && b.Length >= 12 && b[8..12].SequenceEqual("WEBP"u8)) return Other("WebP 图片", "a WebP image");
        if (b.StartsWith("MZ"u8) && b.Length > 64 && EncodingDetector.LooksBinary(b)) return Other("Windows 可执行程序", "a Windows executable");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F'])) return Other("可执行程序（ELF）", "an ELF executable");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return Other("gzip 压缩包", "a gzip archive");
        if (b.StartsWith("7z\xBC\xAF\x27\x1C"u8)) return Other("7z 压缩包", "a 7z archive");
        if (b.StartsWith("Rar!"u8)) return Other("RAR 压缩包", "a RAR archive");
        if (b.StartsWith("<?xml"u8) && b[..Math.Min(b.Length, 4096)].IndexOf("<w:wordDocument"u8) >= 0)
            return Other("Word 2003 XML 文档", "a Word 2003 XML document");
        return new(SniffedKind.Text);
    }

    private static Sniffed Other(string zh, string en) => new(SniffedKind.Other, zh, en);

    /// <summary>No bytes, or only ASCII whitespace (and a BOM).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("\xEF\xBB\xBF"u8)) b = b[3..];
        return b.IndexOfAnyExcept(" \t\r\n\f\v"u8) < 0;
    }

    /// <summary>The kind of an OLE compound file, from the stream names in its directory.</summary>
    public static OleKind Ole(ReadOnlySpan<byte> b)
    {
        if (Contains16(b, "EncryptedPackage") || Contains16(b, "EncryptionInfo")) return OleKind.Encrypted;
        if (Contains16(b, "WordDocument")) return OleKind.Word;
        if (Contains16(b, "Workbook") || Contains16(b, "Book")) return OleKind.Excel;
        if (Contains16(b, "PowerPoint Document")) return OleKind.PowerPoint;
        return OleKind.Unknown;
    }

    /// <summary>Names the format inside an OLE compound file (.doc/.wps/.xls/.ppt).</summary>
    public static DocumentReadException OleError(ReadOnlySpan<byte> b, string fileName)
    {
        // An encrypted Office 2007+ file (.docx/.xlsx with a password) is an OLE container holding the
        // encrypted package (MS-OFFCRYPTO): its directory names EncryptedPackage and EncryptionInfo.
        if (Contains16(b, "EncryptedPackage") || Contains16(b, "EncryptionInfo")) return ReadErrors.EncryptedOffice(fileName);
        if (Contains16(b, "WordDocument"))
            return fileName.EndsWith(".wps", StringComparison.OrdinalIgnoreCase) ? ReadErrors.LegacyWps() : ReadErrors.LegacyDoc();
        if (Contains16(b, "Workbook") || Contains16(b, "Book"))
            return ReadErrors.Unsupported("这是旧版 Excel 表格（.xls），请把工作要点另存为 .docx 后再导入",
                "this is a legacy Excel workbook (.xls); save the plan as .docx and import again");
        if (Contains16(b, "PowerPoint Document"))
            return ReadErrors.Unsupported("这是旧版 PowerPoint 演示文稿（.ppt），无法导入", "this is a legacy PowerPoint file (.ppt); it cannot be imported");
        if (fileName.EndsWith(".wps", StringComparison.OrdinalIgnoreCase)) return ReadErrors.LegacyWps();
        return ReadErrors.LegacyDoc();
    }

    private static bool Contains16(ReadOnlySpan<byte> b, string name)
    {
        Span<byte> pattern = stackalloc byte[name.Length * 2];
        for (var i = 0; i < name.Length; i++) { pattern[2 * i] = (byte)name[i]; pattern[2 * i + 1] = 0; }
        return b.IndexOf(pattern) >= 0;
    }
}
