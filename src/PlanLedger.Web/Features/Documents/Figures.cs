using System.Globalization;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Documents;

/// <summary>Achieved figures beside their targets, as summaries write them: 新建、改扩建普惠性幼儿园24处（目标24处）.</summary>
public static class Figures
{
    public static string Number(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The target's own words with the achieved value in place of the target value, and the target in brackets:
    /// "学前三年毛入园率达到90%以上" with 92 → "学前三年毛入园率达到92%（目标90%以上）". When the value is not written in the
    /// words (a "清零" target), the actual follows: "大班额清零（目标0，实际0）".
    /// </summary>
    public static string Achieved(TargetDto target, decimal actual)
    {
        var text = target.Text.Trim().TrimEnd('。', '；', ';', '，');
        var written = Number(target.Value) + target.Unit;
        var at = target.Value == 0 && target.Unit.Length == 0 ? -1 : text.IndexOf(written, StringComparison.Ordinal);
        if (at < 0) return $"{text}（目标{Op(target.Op)}{written}，实际{Number(actual)}{target.Unit}）";
        var after = at + written.Length;
        var suffix = "";
        foreach (var s in new[] { "以上", "以下", "以内", "左右" })
            if (string.CompareOrdinal(text, after, s, 0, s.Length) == 0) { suffix = s; break; }
        // a bound written before the number belongs to the target, not to what was achieved:
        // "赛事不少于15次" with 12 → "赛事12次（目标不少于15次）"
        var prefix = "";
        foreach (var s in Bounds)
            if (at >= s.Length && string.CompareOrdinal(text, at - s.Length, s, 0, s.Length) == 0) { prefix = s; break; }
        return text[..(at - prefix.Length)] + Number(actual) + target.Unit + "（目标" + prefix + written + suffix + "）" + text[(after + suffix.Length)..];
    }

    private static readonly string[] Bounds = ["不少于", "不低于", "不超过", "不高于", "至少", "超过", "控制在"];

    private static string Op(string op) => op switch { ">=" or "≥" => "不低于", "<=" or "≤" => "不高于", ">" => "超过", "<" => "低于", _ => "" };

    /// <summary>Whether the actual meets the target (≥ for "=", ">=", ">"; ≤ for "<=", "<").</summary>
    public static bool Met(TargetDto t, decimal actual) => t.Op switch
    {
        "<=" or "≤" => actual <= t.Value, "<" => actual < t.Value, ">" => actual > t.Value, _ => actual >= t.Value,
    };
}
