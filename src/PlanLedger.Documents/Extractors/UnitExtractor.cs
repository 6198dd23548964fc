using System.Text.RegularExpressions;
using PlanLedger.Documents.Parsers;

namespace PlanLedger.Documents.Extractors;

/// <summary>
/// Lead and supporting units (and a completion time) written in the text: “（牵头单位：市教育局，配合单位：
/// 市财政局、…）”, “责任单位：…” and “完成时限：…” lines, and “由市教育局牵头/负责”. What is taken
/// out of the text is returned as fields; the text keeps the rest.
/// </summary>
internal static partial class UnitExtractor
{
    private const string LeadWords = "(?:牵头|责任|负责|主办|主责|承办)(?:责任|负责|考核)?(?:单位|部门|科室|股室|处室|科|股)|牵头|主办";
    private const string SupportWords = "(?:配合|协办|参与|协同|协作)(?:责任|负责)?(?:单位|部门|科室|股室|处室|科|股)|配合|协办";
    /// <summary>People named for a task (牵头负责领导：金力): not recorded, taken out of the text.</summary>
    private const string PersonWords = "(?:牵头|责任|分管|联系)?(?:负责)?(?:领导|责任人|联系人)";
    private const string TimeWords = "完成时限|完成时间|时间节点|时限要求|时限";
    private const string AnyRole = LeadWords + "|" + SupportWords + "|" + TimeWords + "|" + PersonWords;

    /// <summary>A parenthetical that lists unit roles, at the end of the text or of a sentence; 【…】 brackets it as （…） does.</summary>
    [GeneratedRegex(@"(?:[(（]\s*(?<body>(?:" + AnyRole + @")\s*[:：](?:[^()（）【】]|[(（][^()（）]{1,12}[)）]){1,400})[)）]|【\s*(?<body>(?:" + AnyRole + @")\s*[:：](?:[^()（）【】]|[(（][^()（）]{1,12}[)）]){1,400})】)\s*[。；;]?")]
    private static partial Regex Parenthetical();

    /// <summary>A line (or sentence) that starts with a role word; the start is checked in code (<see cref="AtClauseStart"/>).</summary>
    [GeneratedRegex(@"(?<body>(?:" + AnyRole + @")\s*[:：][^\n]{1,400}?)\s*(?=$|\n)")]
    private static partial Regex RoleLine();

    /// <summary>The first role line that starts a line or a sentence.</summary>
    private static Match AtClauseStart(string text)
    {
        var pos = 0;
        while (true)
        {
            var m = RoleLine().Match(text, pos);
            if (!m.Success) return m;
            var k = m.Index - 1;
            while (k >= 0 && char.IsWhiteSpace(text[k]) && text[k] != '\n') k--;
            if (k < 0 || text[k] is '。' or '；' or ';' or '\n') return m;
            pos = m.Index + 1;
        }
    }

    [GeneratedRegex(@"(?<role>" + AnyRole + @")\s*[:：]\s*(?<names>[^；;:：]*?)(?=[，,；;。]?\s*(?:" + AnyRole + @")\s*[:：]|$)")]
    private static partial Regex RolePart();

    [GeneratedRegex(@"牵头(?:责任|负责|考核)?(?:单位|部门|科室|股室|处室)\s*[:：]")]
    private static partial Regex LeadRoleWritten();

    [GeneratedRegex(@"由(?<names>[\p{IsCJKUnifiedIdeographs}、]{2,40}?)(?:牵头|负责)(?:[，,]?(?<support>[\p{IsCJKUnifiedIdeographs}、]{2,40}?)(?:配合|参与|协助|协同))?(?=[，,。；;]|$)")]
    private static partial Regex LedBy();

    [GeneratedRegex("^(?:" + PersonWords + ")$")]
    private static partial Regex PersonRole();

    [GeneratedRegex("^(?:" + TimeWords + ")$")]
    private static partial Regex TimeRole();

    [GeneratedRegex("^(?:" + SupportWords + ")$")]
    private static partial Regex SupportRole();

    /// <summary>A last line that is only a role word with no names ("责任单位：", a file cut at "牵头责任"): no text, no unit.</summary>
    [GeneratedRegex(@"(?:^|\n)[ \t\u3000]*(?:牵头|协同|配合|协办|主办|责任|负责)(?:责任|负责|考核)?(?:单位|部门|科室|领导)?[ \t\u3000]*[:：]?[ \t\u3000]*$")]
    private static partial Regex EmptyRoleLine();

    private static string DropEmptyRoleLine(string text)
    {
        if (text.Length == 0 || text.Length > 4000 && text.LastIndexOf('\n') < text.Length - 40) return text;
        var m = EmptyRoleLine().Match(text, Math.Max(0, text.LastIndexOf('\n')));
        return m.Success ? text[..m.Index] : text;
    }

    /// <summary>A paragraph that is only a unit or time line ("牵头单位：…", "责任单位：…。").</summary>
    public static bool IsRoleLine(string paragraph)
    {
        var m = RoleLine().Match(paragraph);
        return m.Success && m.Index == 0;
    }

    /// <summary>Takes unit roles and a completion time out of <paramref name="text"/>; returns the text left.</summary>
    public static string Extract(string text, List<string> lead, List<string> support, out string? deadline, UnitConventions? conventions = null)
    {
        deadline = null;
        var found = false;
        conventions ??= new UnitConventions();
        text = DropEmptyRoleLine(text);
        if (!MayHoldRoles(text)) return UnitNotes.Extract(text, lead, support, conventions, ref deadline);
        var hasLead = LeadRoleWritten().IsMatch(text);
        foreach (var find in new Func<string, Match>[] { t => Parenthetical().Match(t), AtClauseStart })
        {
            for (var guard = 0; guard < 32; guard++)
            {
                var m = find(text);
                if (!m.Success) break;
                found = true;
                deadline = AddRoles(m.Groups["body"].Value, lead, support, hasLead) ?? deadline;
                text = (text[..m.Index].TrimEnd() + text[(m.Index + m.Length)..]).Trim();
            }
        }
        var before = lead.Count + support.Count;
        text = UnitNotes.Extract(text, lead, support, conventions, ref deadline);
        if (lead.Count + support.Count > before) found = true;
        if (!found)
        {
            var led = LedBy().Match(text);
            if (led.Success)
            {
                var names = UnitNames.Split(led.Groups["names"].Value);
                if (names.All(UnitNames.LooksLikeOrg))
                {
                    lead.AddRange(names);
                    if (led.Groups["support"].Success)
                        support.AddRange(UnitNames.Split(led.Groups["support"].Value).Where(UnitNames.LooksLikeOrg));
                }
            }
        }
        return text;
    }

    private static bool MayHoldRoles(string text) =>
        text.Contains("单位", StringComparison.Ordinal) || text.Contains("牵头", StringComparison.Ordinal) || text.Contains("负责", StringComparison.Ordinal)
        || text.Contains("配合", StringComparison.Ordinal) || text.Contains("部门", StringComparison.Ordinal) || text.Contains("时限", StringComparison.Ordinal)
        || text.Contains("主办", StringComparison.Ordinal) || text.Contains("协办", StringComparison.Ordinal) || text.Contains("完成时间", StringComparison.Ordinal)
        || text.Contains("时间节点", StringComparison.Ordinal) || text.Contains("责任", StringComparison.Ordinal) || text.Contains("科室", StringComparison.Ordinal)
        || text.Contains("处室", StringComparison.Ordinal) || text.Contains("股室", StringComparison.Ordinal);

    private static string? AddRoles(string body, List<string> lead, List<string> support, bool hasLeadRole)
    {
        string? deadline = null;
        foreach (Match part in RolePart().Matches(body.Trim().TrimEnd('。', '；', ';')))
        {
            var role = part.Groups["role"].Value;
            var value = part.Groups["names"].Value.Trim().TrimEnd('，', ',', '。');
            if (PersonRole().IsMatch(role)) continue;
            if (TimeRole().IsMatch(role))
            {
                // "完成时限：全年" marks the period a count is measured over, not a completion time.
                if (value.Length > 0 && !DeadlineExtractor.IsPeriodOnly(value)) deadline ??= value;
                continue;
            }
            var isSupport = SupportRole().IsMatch(role)
                // A 责任单位 beside a 牵头 role supports.
                || !role.Contains("牵头", StringComparison.Ordinal) && role.Contains("责任", StringComparison.Ordinal) && hasLeadRole;
            UnitNames.AddWithMarkers(UnitNames.Split(value), isSupport, lead, support);
        }
        return deadline;
    }
}
