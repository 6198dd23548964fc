using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Word's automatic list numbering (numbering.xml), resolved into the labels a reader sees: "一、", "（一）",
/// "1.", "①" … Levels come from abstractNum/lvl (numFmt, lvlText, start, isLgl, lvlRestart, pStyle) and the
/// num's lvlOverride/startOverride; a paragraph's numId/ilvl come from its own pPr or from its style chain.
/// Counters advance in document order; a level restarts when a shallower level of the same list advances.
/// </summary>
internal sealed class DocxNumbering
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private sealed record Level(string Format, string Text, int Start, bool IsLegal, int? Restart, string? Style, string Suffix);

    private sealed class Num
    {
        public int AbstractId;
        public readonly Dictionary<int, int> StartOverrides = [];
        public readonly Dictionary<int, Level> LevelOverrides = [];
    }

    private sealed class Counter
    {
        public readonly int[] Values = new int[9];
        public readonly bool[] Started = new bool[9];
    }

    private sealed record StyleNum(int? NumId, int? Level, string? BasedOn);

    private readonly Dictionary<int, Level?[]> _abstracts = [];
    private readonly Dictionary<int, string> _abstractStyleLinks = [];
    private readonly Dictionary<int, Num> _nums = [];
    private readonly Dictionary<string, StyleNum> _styles = [];
    private readonly Dictionary<string, int> _counterKeys = [];
    private readonly Dictionary<string, Counter> _counters = [];

    /// <summary>An empty numbering (documents without numbering.xml).</summary>
    public static DocxNumbering Empty { get; } = new();

    /// <summary>Loads numbering.xml and styles.xml (either may be null).</summary>
    public static DocxNumbering Load(XDocument? numbering, XDocument? styles)
    {
        var n = new DocxNumbering();
        if (styles?.Root is { } sr)
        {
            foreach (var style in sr.Elements(W + "style"))
            {
                var id = Attr(style, "styleId");
                if (id is null) continue;
                var numPr = style.Element(W + "pPr")?.Element(W + "numPr");
                n._styles[id] = new StyleNum(IntVal(numPr?.Element(W + "numId")), IntVal(numPr?.Element(W + "ilvl")),
                    Val(style.Element(W + "basedOn")));
            }
        }

        if (numbering?.Root is not { } root) return n;
        foreach (var a in root.Elements(W + "abstractNum"))
        {
            if (IntAttr(a, "abstractNumId") is not { } id) continue;
            var levels = new Level?[9];
            foreach (var lvl in a.Elements(W + "lvl"))
                if (IntAttr(lvl, "ilvl") is >= 0 and < 9 and var il) levels[il] = ReadLevel(lvl);
            n._abstracts[id] = levels;
            if (Val(a.Element(W + "numStyleLink")) is { } link) n._abstractStyleLinks[id] = link;
        }

        foreach (var num in root.Elements(W + "num"))
        {
            if (IntAttr(num, "numId") is not { } id || IntVal(num.Element(W + "abstractNumId")) is not { } abs) continue;
            var entry = new Num { AbstractId = abs };
            foreach (var o in num.Elements(W + "lvlOverride"))
            {
                if (IntAttr(o, "ilvl") is not (>= 0 and < 9 and var il)) continue;
                if (IntVal(o.Element(W + "startOverride")) is { } so) entry.StartOverrides[il] = so;
                if (o.Element(W + "lvl") is { } lvl) entry.LevelOverrides[il] = ReadLevel(lvl);
            }
            n._nums[id] = entry;
        }

        return n;
    }

    private static Level ReadLevel(XElement lvl) => new(
        Val(lvl.Element(W + "numFmt")) ?? "decimal",
        Val(lvl.Element(W + "lvlText")) ?? "",
        IntVal(lvl.Element(W + "start")) ?? 1,
        lvl.Element(W + "isLgl") is { } lgl && Val(lgl) is not ("0" or "false"),
        IntVal(lvl.Element(W + "lvlRestart")),
        Val(lvl.Element(W + "pStyle")),
        Val(lvl.Element(W + "suff")) ?? "tab");

    private static string? Attr(XElement e, string name) => (string?)e.Attribute(W + name);
    private static string? Val(XElement? e) => e is null ? null : Attr(e, "val");
    private static int? IntAttr(XElement e, string name) => int.TryParse(Attr(e, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
    private static int? IntVal(XElement? e) => e is null ? null : IntAttr(e, "val");

    /// <summary>
    /// Advances the list a paragraph belongs to and returns its label ("一、", "（二）", "3.") or null when the
    /// paragraph is not numbered (or is a bullet). <paramref name="numId"/>/<paramref name="level"/> are the
    /// paragraph's own numPr values, <paramref name="styleId"/> its paragraph style.
    /// </summary>
    public string? Next(int? numId, int? level, string? styleId)
    {
        if (_nums.Count == 0) return null;
        if (numId is null || level is null)
        {
            var (sNum, sLevel) = FromStyle(styleId);
            numId ??= sNum;
            level ??= sLevel;
        }

        if (numId is not { } id || id == 0 || !_nums.TryGetValue(id, out var num)) return null;
        var levels = ResolveAbstract(num.AbstractId);
        if (levels is null) return null;
        var il = level ?? LevelForStyle(levels, styleId) ?? 0;
        if (il is < 0 or > 8) il = 0;

        Level? Get(int i) => num.LevelOverrides.TryGetValue(i, out var o) ? o : levels[i];
        int StartOf(int i) => num.StartOverrides.TryGetValue(i, out var s) ? s : Get(i)?.Start ?? 1;

        var current = Get(il);
        if (current is null) return null;

        // Lists restarted with startOverride count on their own; others share their abstractNum's counters.
        var key = num.StartOverrides.Count > 0 || num.LevelOverrides.Count > 0 ? $"n{id}" : $"a{num.AbstractId}";
        if (!_counters.TryGetValue(key, out var counter)) _counters[key] = counter = new Counter();

        counter.Values[il] = counter.Started[il] ? counter.Values[il] + 1 : StartOf(il);
        counter.Started[il] = true;
        for (var d = il + 1; d < 9; d++)
        {
            var restart = Get(d)?.Restart;
            if (restart is null ? true : restart > 0 && il <= restart - 1) counter.Started[d] = false;
        }

        if (current.Format is "bullet") return null;
        return Label(current, counter, Get, StartOf);
    }

    private static string Label(Level current, Counter counter, Func<int, Level?> get, Func<int, int> startOf)
    {
        var text = current.Text;
        var sb = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var k = text[i + 1] - '1';
                var value = counter.Started[k] ? counter.Values[k] : startOf(k);
                var fmt = current.IsLegal ? "decimal" : get(k)?.Format ?? "decimal";
                sb.Append(NumberFormats.Format(value, fmt));
                i++;
            }
            else sb.Append(text[i]);
        }

        // A label like "1" followed by a tab or space reads "1 text"; Chinese labels end in punctuation.
        if (current.Suffix is "tab" or "space" && sb.Length > 0 && char.IsLetterOrDigit(sb[^1]) && sb[^1] < 0x2000) sb.Append(' ');
        return sb.ToString();
    }

    private Level?[]? ResolveAbstract(int abstractId)
    {
        for (var hop = 0; hop < 4; hop++)
        {
            if (!_abstracts.TryGetValue(abstractId, out var levels)) return null;
            if (!_abstractStyleLinks.TryGetValue(abstractId, out var link)) return levels;
            var (linkedNum, _) = FromStyle(link);
            if (linkedNum is not { } ln || !_nums.TryGetValue(ln, out var n) || n.AbstractId == abstractId) return levels;
            abstractId = n.AbstractId;
        }
        return null;
    }

    private (int? NumId, int? Level) FromStyle(string? styleId)
    {
        int? numId = null, level = null;
        for (var hop = 0; styleId is not null && hop < 16 && _styles.TryGetValue(styleId, out var s); hop++)
        {
            numId ??= s.NumId;
            level ??= s.Level;
            if (numId is not null && level is not null) break;
            styleId = s.BasedOn;
        }
        return (numId, level);
    }

    private static int? LevelForStyle(Level?[] levels, string? styleId)
    {
        if (styleId is null) return null;
        for (var i = 0; i < levels.Length; i++)
            if (levels[i]?.Style == styleId) return i;
        return null;
    }
}

/// <summary>Word's number formats (numFmt) rendered as text.</summary>
internal static class NumberFormats
{
    private const string ChineseDigits = "零一二三四五六七八九";
    private const string LegalDigits = "零壹贰叁肆伍陆柒捌玖";

    public static string Format(int n, string format) => format switch
    {
        "decimal" or "decimalHalfWidth" or "ordinal" or "cardinalText" or "ordinalText" => n.ToString(CultureInfo.InvariantCulture),
        "decimalZero" => n is >= 0 and < 10 ? "0" + n : n.ToString(CultureInfo.InvariantCulture),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c + 0xfee0))),
        "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "taiwaneseCounting" or "taiwaneseCountingThousand"
            or "koreanCounting" or "japaneseLegal" =>
            Chinese(n, ChineseDigits, "十", "百", "千"),
        "chineseLegalSimplified" or "ideographLegalTraditional" => Chinese(n, LegalDigits, "拾", "佰", "仟"),
        "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand" =>
            string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => "〇一二三四五六七八九"[c - '0'])),
        "ideographTraditional" => n is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture),
        "ideographZodiac" => n is >= 1 and <= 12 ? "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" or "ideographEnclosedCircle" => Circled(n),
        "decimalEnclosedFullstop" => n is >= 1 and <= 20 ? ((char)(0x2488 + n - 1)).ToString() : n + ".",
        "decimalEnclosedParen" => n is >= 1 and <= 20 ? ((char)(0x2474 + n - 1)).ToString() : $"({n})",
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperLetter" => Letter(n, 'A'),
        "lowerLetter" => Letter(n, 'a'),
        "none" => "",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Circled(int n) => n switch
    {
        >= 1 and <= 20 => ((char)(0x2460 + n - 1)).ToString(),
        >= 21 and <= 35 => ((char)(0x3251 + n - 21)).ToString(),
        >= 36 and <= 50 => ((char)(0x32B1 + n - 36)).ToString(),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>一 … 十, 十一, 二十, 一百零一 (up to 9999).</summary>
    public static string Chinese(int n, string digits, string ten, string hundred, string thousand)
    {
        if (n <= 0 || n > 9999) return n.ToString(CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        if (n < 20 && ten == "十") return ten + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        var sb = new StringBuilder();
        var units = new[] { thousand, hundred, ten, "" };
        var divisors = new[] { 1000, 100, 10, 1 };
        var zero = false;
        for (var i = 0; i < 4; i++)
        {
            var d = n / divisors[i] % 10;
            if (d == 0)
            {
                if (sb.Length > 0) zero = true;
                continue;
            }
            if (zero) { sb.Append(digits[0]); zero = false; }
            sb.Append(digits[d]).Append(units[i]);
        }
        return sb.ToString();
    }

    private static string Roman(int n)
    {
        if (n is <= 0 or >= 4000) return n.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        (int V, string S)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        foreach (var (v, s) in table)
            while (n >= v) { sb.Append(s); n -= v; }
        return sb.ToString();
    }

    private static string Letter(int n, char a) =>
        n <= 0 ? n.ToString(CultureInfo.InvariantCulture) : new string((char)(a + (n - 1) % 26), (n - 1) / 26 + 1);
}
