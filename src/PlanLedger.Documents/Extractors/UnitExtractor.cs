using System.Text.RegularExpressions;
using PlanLedger.Documents.Parsers;

namespace PlanLedger.Documents.Extractors;

/// <summary>
/// Lead and supporting units written in the text: “（牵头单位：市教育局，配合单位：市财政局、…）”,
/// “责任单位：…”, “牵头单位：…；配合单位：…” lines, and “由市教育局牵头/负责”.
/// </summary>
internal static partial class UnitExtractor
{
    private const string LeadWords = "牵头单位|牵头部门|责任单位|责任部门|负责单位|主办单位|主责单位|牵头|主办";
    private const string SupportWords = "配合单位|配合部门|协办单位|参与单位|协同单位|配合|协办";

    /// <summary>A parenthetical (or trailing clause) that lists unit roles.</summary>
    [GeneratedRegex(@"[(（]\s*(?<body>(?:" + LeadWords + "|" + SupportWords + @")\s*[:：][^()（）]{1,400})[)）]\s*[。；;]?\s*$")]
    private static partial Regex TrailingParenthetical();

    [GeneratedRegex(@"(?:^|[。；;\n])\s*(?<body>(?:" + LeadWords + "|" + SupportWords + @")\s*[:：].{1,400}?)\s*(?=$|\n)")]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"(?<role>" + LeadWords + "|" + SupportWords + @")\s*[:：]\s*(?<names>[^；;:：]*?)(?=[，,；;]?\s*(?:" + LeadWords + "|" + SupportWords + @")\s*[:：]|$)")]
    private static partial Regex RolePart();

    [GeneratedRegex(@"由(?<names>[\p{IsCJKUnifiedIdeographs}、]{2,40}?)(?:牵头|负责)(?:，|,|。|$|[\p{IsCJKUnifiedIdeographs}]*(?:配合|参与))")]
    private static partial Regex LedBy();

    /// <summary>Takes unit roles out of <paramref name="text"/>, adding names to lead/support; returns the text left.</summary>
    public static string Extract(string text, List<string> lead, List<string> support)
    {
        var m = TrailingParenthetical().Match(text);
        if (m.Success)
        {
            AddRoles(m.Groups["body"].Value, lead, support);
            text = text[..m.Index].TrimEnd();
            return text;
        }
        var line = RoleLine().Match(text);
        if (line.Success)
        {
            AddRoles(line.Groups["body"].Value, lead, support);
            text = (text[..line.Index] + (line.Index > 0 ? text[line.Index].ToString() : "") + text[(line.Index + line.Length)..]).Trim();
            return text;
        }
        var led = LedBy().Match(text);
        if (led.Success)
        {
            foreach (var n in UnitNames.Split(led.Groups["names"].Value))
                if (UnitNames.LooksLikeOrg(n)) lead.Add(n);
        }
        return text;
    }

    private static void AddRoles(string body, List<string> lead, List<string> support)
    {
        foreach (Match part in RolePart().Matches(body.Trim().TrimEnd('。', '；', ';')))
        {
            var isSupport = Regex.IsMatch(part.Groups["role"].Value, "^(?:" + SupportWords + ")$");
            var names = UnitNames.Split(part.Groups["names"].Value.Trim().TrimEnd('，', ',', '。'));
            (isSupport ? support : lead).AddRange(names);
        }
    }
}
