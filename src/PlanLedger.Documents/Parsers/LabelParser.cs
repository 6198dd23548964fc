using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Recognises the numbering of Chinese official documents at the start of a paragraph:
/// 第一部分 · 一、 (also 叁、) · （一） · 1. 1、 · （1） 1) · ① · 一是 · 第一，. Numbers inside sentences
/// (2.5万, 1.2亿元, 十四五, 2020年) are not labels.
/// </summary>
internal static class LabelParser
{
    private const string HanDigits = "一二三四五六七八九十百〇零两";
    // 壹贰叁…拾: the capital numerals a section label is sometimes written in (叁、督查方式 after 一、 and 二、).
    private const string CapitalDigits = "壹贰叁肆伍陆柒捌玖拾";

    public static bool TryMatch(string s, out LabelMatch match, bool lenientArabic = false)
    {
        match = default;
        if (s.Length < 2) return false;
        var c = s[0];
        if (c is '(' or '（') return TryParen(s, out match);
        if (c is >= '①' and <= '⑳')
        {
            var n = c - '①' + 1;
            var len = 1;
            while (len < s.Length && s[len] is '、' or '.' or '．' or ' ') len++;
            match = new LabelMatch(LabelKind.Circled, c.ToString(), n, len);
            return len < s.Length;
        }
        if (c is >= '0' and <= '9') return TryArabic(s, out match, lenientArabic);
        if (c == '第') return TryOrdinal(s, out match);
        if (HanDigits.Contains(c)) return TryHan(s, out match);
        if (CapitalDigits.Contains(c)) return TryCapital(s, out match);
        return false;
    }

    /// <summary>
    /// "4 不断加强…": an Arabic number, one space and a Han character — a label whose dot was lost. Only for a paragraph
    /// cut where that number continues its list (<see cref="Paragraph.LostDot"/>); elsewhere "4 个" is a quantity.
    /// </summary>
    public static bool TryLostDot(string s, out LabelMatch match)
    {
        match = default;
        var i = 0;
        while (i < s.Length && i < 2 && char.IsAsciiDigit(s[i])) i++;
        if (i == 0 || i + 1 >= s.Length || s[i] != ' ' || !Cjk.IsHan(s[i + 1])) return false;
        var n = int.Parse(s.AsSpan(0, i), System.Globalization.CultureInfo.InvariantCulture);
        if (n < 2) return false;
        match = new LabelMatch(LabelKind.Arabic, s[..i], n, i + 1);
        return true;
    }

    /// <summary>叁、 — a section label in capital numerals: only with 、 (壹是, 叁，… are words, not labels).</summary>
    private static bool TryCapital(string s, out LabelMatch match)
    {
        match = default;
        var i = 0;
        while (i < s.Length && i < 3 && CapitalDigits.Contains(s[i])) i++;
        if (i >= s.Length - 1 || s[i] != '、') return false;
        var n = ChineseNumber.LabelValue(s[..i]);
        return n is > 0 and <= 99 && TryCommaLabel(s, i, n, out match);
    }

    /// <summary>The numeral s[..i] of value n and its separator at i, then the text after any spaces: 一、 叁、 一，</summary>
    private static bool TryCommaLabel(string s, int i, int n, out LabelMatch match)
    {
        match = default;
        var len = i + 1;
        while (len < s.Length && s[len] is ' ' or '\u3000') len++;
        if (len >= s.Length) return false;
        match = new LabelMatch(LabelKind.ChineseComma, s[..i], n, len);
        return true;
    }

    private static bool TryHan(string s, out LabelMatch match)
    {
        match = default;
        var i = 0;
        while (i < s.Length && i < 4 && HanDigits.Contains(s[i])) i++;
        if (i == 0 || i >= s.Length) return false;
        var digits = s[..i];
        var n = ChineseNumber.LabelValue(digits);
        if (n <= 0 || n > 99) return false;
        var sep = s[i];
        if (sep is '、' or '.' or '．' or '，' && i + 1 < s.Length)
        {
            // 一、 ; "一，" only when followed by text and the numeral is short.
            if (sep == '，' && i > 2) return false;
            return TryCommaLabel(s, i, n, out match);
        }
        if (sep == '是' && i + 1 < s.Length && i <= 3)
        {
            var len = i + 1;
            while (len < s.Length && s[len] is '，' or ',' or '：' or ':' or ' ') len++;
            if (len >= s.Length) return false;
            match = new LabelMatch(LabelKind.Shi, digits + "是", n, len);
            return true;
        }
        return false;
    }

    private static bool TryParen(string s, out LabelMatch match)
    {
        match = default;
        var i = 1;
        while (i < s.Length && s[i] == ' ') i++;
        var start = i;
        var han = i < s.Length && HanDigits.Contains(s[i]);
        if (han) while (i < s.Length && i - start < 4 && HanDigits.Contains(s[i])) i++;
        else while (i < s.Length && i - start < 3 && s[i] is >= '0' and <= '9') i++;
        if (i == start) return false;
        var digits = s[start..i];
        while (i < s.Length && s[i] == ' ') i++;
        if (i >= s.Length || s[i] is not (')' or '）')) return false;
        i++;
        while (i < s.Length && s[i] is '、' or '.' or '．' or ' ' or '\u3000') i++;
        if (i >= s.Length) return false;
        var n = han ? ChineseNumber.LabelValue(digits) : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (n <= 0) return false;
        match = new LabelMatch(han ? LabelKind.ChineseParen : LabelKind.ArabicParen, "(" + digits + ")", n, i);
        return true;
    }

    private static bool TryArabic(string s, out LabelMatch match, bool lenient)
    {
        match = default;
        var i = 0;
        while (i < s.Length && i < 4 && s[i] is >= '0' and <= '9') i++;
        if (i == 0 || i > 3 || i >= s.Length) return false;
        var digits = Text.NumberStrings.Prefix(s, i);
        // "2 .夯实…": a layout space between the number and its dot, before Chinese text.
        if (s[i] == ' ' && i + 2 < s.Length && s[i + 1] is '.' or '．' && Cjk.IsHan(s[i + 2]))
        {
            match = new LabelMatch(LabelKind.Arabic, digits, int.Parse(digits), i + 2);
            return true;
        }
        var sep = s[i];
        var len = i;
        if (sep is ')' or '）')
        {
            len++;
            while (len < s.Length && s[len] == ' ') len++;
            if (len >= s.Length) return false;
            match = new LabelMatch(LabelKind.ArabicParen, "(" + digits + ")", int.Parse(digits), len);
            return true;
        }
        if (sep is '.' or '．' or '、' || (lenient && sep is ',' or '，'))
        {
            while (len < s.Length && (s[len] is '.' or '．' or '、' or ' ' || (lenient && s[len] is ',' or '，'))) len++;
            if (len >= s.Length) return false;
            // "2.5万", "1.2亿元": a digit right after the dot is a decimal, not a label.
            // "3．2024年底前完成…": a label followed by a year is still a label.
            var year = YearAt(s, i + 1) || YearAt(s, len);
            if (s[i] is '.' or '．' && s[i + 1] is >= '0' and <= '9' && !year) return false;
            if (s[len] is >= '0' and <= '9' && !year || s[len] is '%' or '％') return false;
            match = new LabelMatch(LabelKind.Arabic, digits, int.Parse(digits), len);
            return true;
        }
        return false;
    }

    private static bool YearAt(string s, int at) =>
        at + 5 <= s.Length && s[at] is '1' or '2' && char.IsAsciiDigit(s[at + 1]) && char.IsAsciiDigit(s[at + 2]) && char.IsAsciiDigit(s[at + 3]) && s[at + 4] == '年';

    private static bool TryOrdinal(string s, out LabelMatch match)
    {
        match = default;
        var i = 1;
        while (i < s.Length && i < 5 && HanDigits.Contains(s[i])) i++;
        if (i == 1 || i >= s.Length) return false;
        var digits = s[1..i];
        var n = ChineseNumber.LabelValue(digits);
        if (n <= 0) return false;
        if (s.AsSpan(i).StartsWith("部分", StringComparison.Ordinal) || s.AsSpan(i).StartsWith("章", StringComparison.Ordinal) || s.AsSpan(i).StartsWith("篇", StringComparison.Ordinal))
        {
            var w = s.AsSpan(i).StartsWith("部分", StringComparison.Ordinal) ? 2 : 1;
            var len = i + w;
            while (len < s.Length && s[len] is ' ' or '\u3000' or '、' or '：' or ':') len++;
            match = new LabelMatch(LabelKind.Part, "第" + digits + s.Substring(i, w), n, len);
            return true;
        }
        if (s[i] is '，' or ',' or '、' or '：' or ':' && i + 1 < s.Length)
        {
            match = new LabelMatch(LabelKind.Ordinal, "第" + digits, n, i + 1);
            return true;
        }
        return false;
    }
}
