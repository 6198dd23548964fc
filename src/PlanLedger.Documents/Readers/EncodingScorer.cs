using System.Globalization;
using System.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// A plausibility model for legacy encodings: the bytes are decoded as each candidate (GB18030, Big5,
/// Shift_JIS, windows-1252) and each decoding is scored by the characters it yields — per non-ASCII character,
/// +1 for a frequent Chinese character (<see cref="CommonHanzi"/>), CJK punctuation, kana in Japanese or an
/// accented letter inside a Latin word; 0 for a rare but valid character; penalties for what wrong decodings
/// produce (replacement and control characters, private-use code points, half-width katakana, kana, Greek,
/// Cyrillic and box drawing in "Chinese", symbol runs in "Latin"). The best score wins.
/// </summary>
internal static class EncodingScorer
{
    private enum Script { Chinese, Japanese, Latin }

    private sealed record Candidate(string Name, Encoding Encoding, Script Script);

    private static readonly Candidate[] Candidates = Load();

    private static Candidate[] Load()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return
        [
            new("gb18030", EncodingDetector.Gb18030, Script.Chinese),
            new("big5", Encoding.GetEncoding("big5"), Script.Chinese),
            new("shift_jis", Encoding.GetEncoding("shift_jis"), Script.Japanese),
            new("windows-1252", Encoding.GetEncoding(1252), Script.Latin),
        ];
    }

    public readonly record struct Choice(string Name, Encoding Encoding, double Score, string Scores);

    /// <summary>The best-scoring candidate decoding of (a sample of) <paramref name="bytes"/>.</summary>
    public static Choice Choose(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 128 * 1024)];
        Candidate? best = null;
        var bestScore = double.MinValue;
        var scores = new StringBuilder();
        foreach (var c in Candidates)
        {
            var score = Score(c.Encoding.GetString(sample), c.Script, sample.Length < bytes.Length);
            if (scores.Length > 0) scores.Append(", ");
            scores.Append(c.Name).Append(' ').Append(score.ToString("0.00", CultureInfo.InvariantCulture));
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return new(best!.Name, best.Encoding, bestScore, scores.ToString());
    }

    /// <summary>The mean weight of the non-ASCII characters of <paramref name="text"/> (1 = all typical, negative = garbage).</summary>
    private static double Score(string text, Script script, bool truncated)
    {
        // A sample cut in the middle of a character ends in a replacement character that says nothing.
        var end = truncated ? Math.Max(0, text.Length - 2) : text.Length;
        double sum = 0;
        var n = 0;
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) { sum -= 3; n++; }
                continue;
            }
            n++;
            sum += Weight(text, i, c, script);
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double Weight(string text, int i, char c, Script script)
    {
        if (c == '\ufffd' || c is >= '\u0080' and < '\u00a0') return -3;
        if (c is >= '\ue000' and <= '\uf8ff' || char.IsSurrogate(c)) return -2;
        return script switch
        {
            Script.Latin => LatinWeight(text, i, c),
            _ => CjkWeight(c, script),
        };
    }

    private static double CjkWeight(char c, Script script)
    {
        if (TextNormalizer.IsHan(c)) return CommonHanzi.Contains(c) ? 1 : 0;
        if (c is >= '\u3000' and <= '\u303f' or >= '\uff01' and <= '\uff5e' or '\u00b7' or '\u2014' or '\u2026'
            or >= '\u2018' and <= '\u201d' or '\u00d7' or >= '\u2460' and <= '\u2473' or >= '\u2160' and <= '\u216b')
            return 1;
        if (c is >= '\u3040' and <= '\u30ff') return script == Script.Japanese ? 1 : -1; // kana
        if (c is >= '\uff61' and <= '\uff9f') return -1; // half-width katakana: what GB or Big5 bytes become in Shift_JIS
        if (c is >= '\u0370' and <= '\u04ff' or >= '\u2500' and <= '\u257f' or >= '\u00a0' and <= '\u024f' or >= '\uac00' and <= '\ud7af')
            return -1; // Greek, Cyrillic, box drawing, Latin letters, Hangul: the other rows of a wrong double-byte table
        return 0;
    }

    private static double LatinWeight(string text, int i, char c)
    {
        if (c is >= '\u00c0' and <= '\u00ff' and not '\u00d7' and not '\u00f7' || c is '\u0152' or '\u0153' or '\u0160' or '\u0161' or '\u017d' or '\u017e' or '\u0178')
        {
            // An accented letter sits in a word: next to an ASCII letter.
            var before = i > 0 && char.IsAsciiLetter(text[i - 1]);
            var after = i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]);
            return before || after ? 1 : -1;
        }
        if (c is '\u00a0' or '\u00a9' or '\u00ae' or '\u00b0' or '\u00ab' or '\u00bb' or '\u20ac' or '\u2022' or '\u2013' or '\u2014'
            or '\u2026' or >= '\u2018' and <= '\u201e' or '\u00b7' or '\u00a3')
            return 0.5;
        return -1; // ¤¦§¨ª¬¯±²³´µ¶¸¹º¼½¾¿×÷ …: what CJK bytes become in windows-1252
    }
}
