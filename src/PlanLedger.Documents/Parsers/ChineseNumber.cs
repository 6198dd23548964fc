namespace PlanLedger.Documents.Parsers;

/// <summary>Chinese numerals (一 … 九十九, 百, 千, 万, 两, 〇) to integers.</summary>
internal static class ChineseNumber
{
    public static bool IsDigitChar(char c) => Digit(c) >= 0 || c is '十' or '百' or '千' or '万' or '拾' or '佰' or '仟';

    private static int Digit(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>Parses a whole string of Chinese numerals; false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        if (s.IsEmpty) return false;
        long total = 0, section = 0, current = 0;
        var any = false;
        foreach (var c in s)
        {
            var d = Digit(c);
            if (d >= 0) { current = current * 10 + d; any = true; continue; }
            long unit = c switch { '十' or '拾' => 10, '百' or '佰' => 100, '千' or '仟' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0) return false;
            any = true;
            if (unit == 10000)
            {
                section = (section + current) * unit;
                total += section;
                section = 0;
            }
            else
            {
                section += (current == 0 ? 1 : current) * unit;
            }
            current = 0;
        }
        value = total + section + current;
        return any;
    }

    /// <summary>Value of a label such as 一, 十二, 二十四 (0 when not a numeral).</summary>
    public static int LabelValue(string s) => TryParse(s, out var v) && v < 10000 ? (int)v : 0;
}
