using System.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Decodes the bytes of a text or HTML file: BOM first, then BOM-less UTF-16 (zero-byte pattern), then valid
/// UTF-8, then GB18030 when the result reads as Chinese text. Never guesses silently: implausible input is
/// "unknown-encoding", binary data is "binary".
/// </summary>
internal static class EncodingDetector
{
    private static readonly Encoding Utf8Lossy = new UTF8Encoding(false, false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(false, false, false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(true, false, false);

    /// <summary>GB18030 (a superset of GBK and GB2312).</summary>
    public static Encoding Gb18030 { get; } = LoadGb18030();

    private static Encoding LoadGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>A decoded text, the name of the encoding it was in and how that was decided (for the diagnostics).</summary>
    public readonly record struct Decoded(string Text, string EncodingName, string? Note = null);

    /// <summary>
    /// Decodes <paramref name="bytes"/>. A BOM wins; then the charset the page declared (<paramref name="declared"/>),
    /// unless the bytes do not decode in it (replacement characters) or are valid UTF-8 that cannot be a legacy
    /// encoding; then UTF-16 without BOM and UTF-8; then the legacy encoding whose decoding scores best in
    /// <see cref="EncodingScorer"/> (GB18030, Big5, Shift_JIS, windows-1252).
    /// </summary>
    public static Decoded Decode(ReadOnlySpan<byte> bytes, string? declared = null)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) return new(Utf8Lossy.GetString(bytes[3..]), "utf-8", "编码 utf-8（BOM） encoding from the byte-order mark");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(Utf16Le.GetString(bytes[2..]), "utf-16le", "编码 utf-16le（BOM） encoding from the byte-order mark");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(Utf16Be.GetString(bytes[2..]), "utf-16be", "编码 utf-16be（BOM） encoding from the byte-order mark");

        string? conflict = null;
        if (declared is not null && TryGetEncoding(declared) is { } named && named.CodePage is not (1200 or 1201))
        {
            var valid = System.Text.Unicode.Utf8.IsValid(bytes);
            if (named.CodePage == 65001)
            {
                if (valid) return new(Encoding.UTF8.GetString(bytes), "utf-8");
                var (m, bad) = Utf8Stats(bytes);
                if (m >= 20 && bad * 50 <= m) return new(Utf8Lossy.GetString(bytes), "utf-8", $"编码 utf-8（文件声明 {declared}，含少量无效字节） encoding as declared");
                conflict = $"声明的 {declared} 与内容不符 the declared {declared} does not fit the bytes";
            }
            else if (valid && Utf8Stats(bytes).Multi >= 20)
            {
                conflict = $"声明的 {declared} 与内容不符（内容是有效的 UTF-8） the declared {declared} does not fit: the bytes are valid UTF-8";
            }
            else
            {
                var text = named.GetString(bytes);
                if (ReplacementRatio(text) <= 0.01)
                    return new(text, named.WebName, $"编码 {named.WebName}（文件声明 {declared}） encoding as declared");
                conflict = $"声明的 {declared} 与内容不符 the declared {declared} does not fit the bytes";
            }
        }

        var detected = Detect(bytes);
        return conflict is null ? detected : detected with { Note = conflict + "；" + detected.Note };
    }

    private static Decoded Detect(ReadOnlySpan<byte> bytes)
    {
        var utf16 = DetectBomlessUtf16(bytes);
        if (utf16 is not null)
        {
            var text = utf16.GetString(bytes[..(bytes.Length & ~1)]);
            if (IsPlausible(text)) return new(text, utf16.BigEndian() ? "utf-16be" : "utf-16le", "编码 UTF-16（无 BOM，按零字节分布判定） detected");
        }

        if (bytes.Length % 2 == 0 && bytes[..Math.Min(bytes.Length, 64 * 1024)].IndexOf((byte)0) >= 0 && TryHanUtf16(bytes) is { } han)
            return han;
        if (LooksBinary(bytes)) throw ReadErrors.Binary();

        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new(Encoding.UTF8.GetString(bytes), "utf-8");
        var (multi, invalid) = Utf8Stats(bytes);

        // A handful of broken bytes in otherwise valid UTF-8 (a truncated copy, a stray byte) stays UTF-8.
        if (multi >= 20 && invalid * 50 <= multi)
            return new(Utf8Lossy.GetString(bytes), "utf-8", "编码 utf-8（含少量无效字节） detected, a few invalid bytes");

        var choice = EncodingScorer.Choose(bytes);
        if (choice.Score > 0)
        {
            var text = choice.Encoding.GetString(bytes);
            if (choice.Name == "windows-1252" ? ReplacementRatio(text) == 0 : IsPlausible(text))
                return new(text, choice.Name, $"编码 {choice.Name}（未声明，按字符频率判定：{choice.Scores}） detected by character frequency");
        }

        if (multi > 0 && invalid * 10 <= multi) return new(Utf8Lossy.GetString(bytes), "utf-8", "编码 utf-8（含无效字节） detected, with invalid bytes");

        // Chinese-only UTF-16 without a BOM has almost no zero bytes: last chance before giving up.
        if (bytes.Length % 2 == 0 && TryHanUtf16(bytes) is { } utf16Han) return utf16Han;

        throw ReadErrors.UnknownEncoding();
    }

    private static double ReplacementRatio(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 256 * 1024));
        return sample.Length == 0 ? 0 : (double)sample.Count('\ufffd') / sample.Length;
    }

    private static Decoded? TryHanUtf16(ReadOnlySpan<byte> bytes)
    {
        var le = Utf16Le.GetString(bytes);
        if (IsMostlyHan(le)) return new(le, "utf-16le");
        var be = Utf16Be.GetString(bytes);
        if (IsMostlyHan(be)) return new(be, "utf-16be");
        return null;
    }

    private static bool BigEndian(this Encoding e) => ReferenceEquals(e, Utf16Be);

    private static bool IsGbName(string name) =>
        name.Contains("gb", StringComparison.OrdinalIgnoreCase) || name.Equals("cp936", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Maps a declared charset to an encoding as browsers do (WHATWG Encoding): gbk/gb2312 → GB18030,
    /// iso-8859-1/latin1/ascii → windows-1252, big5-hkscs → Big5, sjis → Shift_JIS; null when unknown.
    /// </summary>
    public static Encoding? TryGetEncoding(string name)
    {
        name = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (IsGbName(name) || name is "x-gbk" or "windows-936") return Gb18030;
        if (name is "utf8" or "utf-8" or "unicode-1-1-utf-8") return Encoding.UTF8;
        if (name is "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "windows-1252" or "cp819" or "ibm819")
            return Encoding.GetEncoding(1252);
        if (name is "big5-hkscs" or "cn-big5" or "x-x-big5" or "csbig5") name = "big5";
        if (name is "sjis" or "x-sjis" or "ms_kanji" or "windows-31j" or "csshiftjis" or "ms932" or "cp932") name = "shift_jis";
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>UTF-16 without BOM: zero bytes concentrated on one parity (ASCII characters, line breaks).</summary>
    private static Encoding? DetectBomlessUtf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4) return null;
        var sample = bytes[..(Math.Min(bytes.Length, 64 * 1024) & ~1)];
        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0) even++;
            if (sample[i + 1] == 0) odd++;
        }

        var pairs = sample.Length / 2;
        // Chinese characters such as 一 (U+4E00) put a zero byte on the other parity now and then.
        if (odd >= Math.Max(1, pairs / 50) && even * 3 <= odd) return Utf16Le;
        if (even >= Math.Max(1, pairs / 50) && odd * 3 <= even) return Utf16Be;
        return null;
    }

    /// <summary>NUL bytes, or many control characters, in the first 64 KiB.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        if (sample.IndexOf((byte)0) >= 0) return true;
        var controls = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not (9 or 10 or 13 or 12 or 11 or 27)) controls++;
        return controls * 20 > sample.Length;
    }

    /// <summary>Counts well-formed multi-byte UTF-8 sequences and invalid bytes.</summary>
    private static (int Multi, int Invalid) Utf8Stats(ReadOnlySpan<byte> bytes)
    {
        int multi = 0, invalid = 0, i = 0;
        while (i < bytes.Length)
        {
            i += IndexOfNonAscii(bytes[i..]);
            if (i >= bytes.Length) break;
            var r = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (r == System.Buffers.OperationStatus.Done) multi++;
            else if (++invalid >= 256 && invalid * 10 > multi) break; // clearly not UTF-8: no need to read on
            i += Math.Max(1, consumed);
        }

        return (multi, invalid);
    }

    private static int IndexOfNonAscii(ReadOnlySpan<byte> s)
    {
        var i = s.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        return i < 0 ? s.Length : i;
    }

    /// <summary>Reads as text: mostly CJK, ASCII and common punctuation, and almost no replacement characters.</summary>
    public static bool IsPlausible(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 256 * 1024));
        int good = 0, bad = 0, replacement = 0;
        foreach (var c in sample)
        {
            if (c == '\ufffd') { replacement++; bad++; }
            else if (c is '\t' or '\n' or '\r' || c is >= ' ' and < '\u007f') good++;
            else if (c < ' ' || c is >= '\u007f' and < '\u00a0' || char.IsSurrogate(c) || c is >= '\ue000' and <= '\uf8ff') bad++;
            else if (TextNormalizer.IsHan(c) || c is >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef'
                     or >= '\u3040' and <= '\u30ff'
                     or >= '\u2000' and <= '\u206f' or '\u00a0' or '\u00b7' or '\u00d7' or >= '\u2460' and <= '\u24ff'
                     or >= '\u2160' and <= '\u217f' or >= '\u25a0' and <= '\u25ff') good++;
            else bad++;
        }

        var total = good + bad;
        return total > 0 && replacement * 100 <= total && bad * 20 <= total;
    }

    private static bool IsMostlyHan(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        int han = 0;
        foreach (var c in sample) if (TextNormalizer.IsHan(c) || c is >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef') han++;
        return sample.Length >= 2 && han * 10 >= sample.Length * 9 && IsPlausible(text);
    }
}
