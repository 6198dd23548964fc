using System.Buffers;
using System.Net;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// The character clean-up every reader applies: full-width ASCII letters and digits fold to ASCII, U+3000 and
/// U+00A0 become spaces, zero-width characters vanish, other C0 controls become spaces. Chinese punctuation stays.
/// </summary>
internal static class TextNormalizer
{
    private static string BuildSpecial()
    {
        var chars = new List<char> { '\u3000', '\u00a0', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2028', '\u2029' };
        for (var c = '\uff10'; c <= '\uff19'; c++) chars.Add(c);
        for (var c = '\uff21'; c <= '\uff3a'; c++) chars.Add(c);
        for (var c = '\uff41'; c <= '\uff5a'; c++) chars.Add(c);
        for (var c = '\0'; c < ' '; c++)
            if (c is not ('\t' or '\n' or '\r')) chars.Add(c);
        chars.Add('\u007f');
        for (var c = '\u2e80'; c <= '\u2fd5'; c++)
            if (Radicals[c - 0x2e80] != c) chars.Add(c);
        return new string(chars.ToArray());
    }

    /// <summary>
    /// PDFs made with CJK fonts often map ideographs to the look-alike Kangxi radicals (⼯ for 工, ⺠ for 民):
    /// U+2F00–U+2FD5 fold by NFKC, the simplified forms of the radicals supplement by this table.
    /// </summary>
    private static readonly char[] Radicals = BuildRadicals();

    private static readonly SearchValues<char> Special = SearchValues.Create(BuildSpecial());

    private static char[] BuildRadicals()
    {
        var map = new char[0x2fd6 - 0x2e80];
        for (var i = 0; i < map.Length; i++)
        {
            var c = (char)(0x2e80 + i);
            var folded = c >= '\u2f00' ? c.ToString().Normalize(System.Text.NormalizationForm.FormKC) : "";
            map[i] = folded.Length == 1 ? folded[0] : c;
        }

        const string supplement = "⺟母⺠民⺝月⻄西⻅见⻆角⻉贝⻋车⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻳龟";
        for (var i = 0; i + 1 < supplement.Length; i += 2) map[supplement[i] - 0x2e80] = supplement[i + 1];
        return map;
    }

    /// <summary>Normalizes <paramref name="s"/>; returns the same instance when nothing changes.</summary>
    public static string Normalize(string s)
    {
        var first = s.AsSpan().IndexOfAny(Special);
        if (first < 0) return s;
        return string.Create(CountKept(s, first), (s, first), static (dest, st) =>
        {
            var (src, start) = st;
            src.AsSpan(0, start).CopyTo(dest);
            var w = start;
            for (var i = start; i < src.Length; i++)
            {
                var c = Map(src[i]);
                if (c != '\0') dest[w++] = c;
            }
        });
    }

    private static int CountKept(string s, int first)
    {
        var n = first;
        for (var i = first; i < s.Length; i++)
            if (Map(s[i]) != '\0') n++;
        return n;
    }

    /// <summary>The replacement of one character; '\0' drops it.</summary>
    public static char Map(char c) => c switch
    {
        >= '\uff10' and <= '\uff19' or >= '\uff21' and <= '\uff3a' or >= '\uff41' and <= '\uff5a' => (char)(c - 0xfee0),
        '\u3000' or '\u00a0' => ' ',
        '\u200b' or '\u200c' or '\u200d' or '\ufeff' => '\0',
        '\u2028' or '\u2029' => '\n',
        '\t' or '\n' or '\r' => c,
        >= '\u2e80' and <= '\u2fd5' => Radicals[c - 0x2e80],
        < ' ' or '\u007f' => ' ',
        _ => c,
    };

    /// <summary>Decodes HTML character references (&amp;nbsp; &amp;amp; &amp;#x4e00; …) and then normalizes.</summary>
    public static string DecodeEntitiesAndNormalize(string s) =>
        Normalize(s.Contains('&') ? WebUtility.HtmlDecode(s) : s);

    /// <summary>True for characters that are set without spaces between them (CJK ideographs, kana, CJK punctuation).</summary>
    public static bool IsWide(char c) =>
        c is >= '\u2e80' and <= '\u9fff' or >= '\uf900' and <= '\ufaff' or >= '\ufe30' and <= '\ufe4f'
            or >= '\uff00' and <= '\uffef' or >= '\u3400' and <= '\u4dbf' || char.IsSurrogate(c);

    /// <summary>True for CJK ideographs (the unified block and extension A).</summary>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
