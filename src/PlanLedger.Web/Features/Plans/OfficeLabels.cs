namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// A task's number as offices write it, from the label the engine stored without punctuation: 一 → 一、 · (一) → （一） ·
/// 2 → 2. · (1) → （1）; ①, 一是 and 第2项 stay as they are. Never a path (二/2, 附件/1/1).
/// </summary>
public static class OfficeLabels
{
    private const string Numerals = "零〇一二三四五六七八九十百";

    public static string Of(string? label)
    {
        var l = (label ?? "").Trim();
        if (l.Length == 0) return "";
        if (l[0] is '(' or '（') return "（" + l.Trim('(', ')', '（', '）') + "）";
        l = l.TrimEnd('、', '.', '．');
        if (l.All(c => Numerals.Contains(c))) return l + "、";
        if (l.All(char.IsAsciiDigit)) return l + ".";
        return l;
    }

    /// <summary>A task's place as offices write it: <c>一/1/(2)</c> → <c>一、1.（2）</c>.</summary>
    public static string OfPath(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "" : string.Concat(path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Of));

    /// <summary>A task as people refer to it in lists and messages: its place and its heading.</summary>
    public static string Name(string? path, string? heading)
    {
        var place = OfPath(path);
        var text = (heading ?? "").Trim();
        if (place.Length == 0 || text.Length == 0) return (place + text).Trim();
        return place[^1] is '、' or '.' or '）' ? place + text : place + " " + text; // 三、全面加强… · 1.新建… · 附件 1
    }
}
