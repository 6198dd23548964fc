using System.Text.RegularExpressions;

namespace PlanLedger.Documents.Parsers;

/// <summary>Splitting and recognising names of units (单位): 市教育局, 团市委, 妇联, 文广旅局, 各区县 …</summary>
internal static partial class UnitNames
{
    [GeneratedRegex(@"(?:局|委|办|部|联|会|院|厅|署|所|站|中心|政府|法院|检察院|集团|公司|学校|小学|中学|大学|学院|幼儿园|股|科|室|处|队|团|社|馆|协|中央|银行|总局|街道|专班|小组)$")]
    private static partial Regex OrgSuffix();

    /// <summary>A kind of body whose members are real units: 各区县, 各县区教育局, 各乡镇政府, 各街道, 各学校.</summary>
    [GeneratedRegex(@"^各[\p{IsCJKUnifiedIdeographs}]{0,8}?(?:区县|县区|县市区|县市|市县|乡镇|街道|镇|乡|区|县|市|州|盟|旗|学校|校|园|局|委|办|政府|中心|院|所)$")]
    private static partial Regex EachBody();

    /// <summary>Collectives that name no unit: 有关部门, 相关单位, 各地区, 国务院相关部门, 乡各有关单位, (局机关)各科室 …</summary>
    [GeneratedRegex(@"^(?:[\p{IsCJKUnifiedIdeographs}]{0,8}?)(?:各有关|有关|相关|其他有关|其他|各)(?:部门|单位|地区|方面|机构|科室|股室|处室)$|^各(?:部门|单位|地区|科室|股室|处室)$")]
    private static partial Regex Generic();

    [GeneratedRegex(@"^各(?:有关)?[省市区县乡镇]{1,2}(?:、[省市区县乡镇]{1,3})*$")]
    private static partial Regex EachTier();

    [GeneratedRegex(@"^(?:县级市|[省市区县乡镇](?:[\p{IsCJKUnifiedIdeographs}]{0,8}(?:政府|局|委|办|管委会|部门)?)?$)")]
    private static partial Regex TierStart();

    [GeneratedRegex(@"^各?[省市区县乡镇]{1,2}$")]
    private static partial Regex PlaceTier();

    // The separators, source-generated rather than parsed at run time through Regex's small cache.
    [GeneratedRegex(@"[、，,；;/\n]")]
    private static partial Regex ListBreak();

    [GeneratedRegex(@"[、，,；;/\n]|(?<=[\p{IsCJKUnifiedIdeographs}]{2})(?:等|及|和|以及)(?=[\p{IsCJKUnifiedIdeographs}])")]
    private static partial Regex NoteBreak();

    [GeneratedRegex(@"[ \u00a0\u3000\t]+")]
    private static partial Regex SpaceRun();

    public static bool LooksLikeOrg(string s) => s.Length is >= 2 and <= 30 && OrgSuffix().IsMatch(s) && !Cjk.HasSentencePunctuation(s);

    /// <summary>A name in a bare unit list: an organisation, or a kind of body (各区县).</summary>
    public static bool LooksLikeUnit(string s) => LooksLikeOrg(s) || s.Length <= 11 && EachBody().IsMatch(s) && !Cjk.HasSentencePunctuation(s);

    public static bool IsGeneric(string s) => Generic().IsMatch(s);

    /// <summary>Splits a list of names on 、，,；; and on spaces between two whole names; "编  办" stays one name.</summary>
    public static List<string> Split(string list)
    {
        var result = new List<string>();
        var parts = SplitOutsideBrackets(JoinWrappedNames(list), ListBreak());
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            // 各区、县级市: two place tiers under one 各 are one name.
            if (EachTier().IsMatch(part.Trim()) && i + 1 < parts.Length && TierStart().IsMatch(parts[i + 1].Trim()))
            {
                parts[i + 1] = part.Trim() + "、" + parts[i + 1].Trim();
                continue;
            }
            var p = part.Trim().TrimEnd('等').Trim();
            if (p.Length == 0) continue;
            var pieces = SpaceRun().Split(p);
            if (pieces.Length > 1 && pieces.All(LooksLikeOrg))
                result.AddRange(pieces);
            else
            {
                var joined = Cjk.RemoveSpacesBetweenHan(p);
                if (joined.Length > 0) result.Add(joined);
            }
        }
        return result;
    }

    /// <summary>
    /// A cell line that does not end like a body's name ("农产品流通工作" + "专班", "“十五五”规划编制" + "领导小组办公室")
    /// is the first part of a name the cell wrapped: it joins the next line. Lines that are whole names stay apart.
    /// </summary>
    private static string JoinWrappedNames(string list)
    {
        if (list.IndexOf('\n') < 0) return list;
        var lines = list.Split('\n');
        var sb = new System.Text.StringBuilder(lines[0].TrimEnd());
        for (var i = 1; i < lines.Length; i++)
        {
            var prev = lines[i - 1].Trim();
            var line = lines[i].Trim();
            // "区财政" + "市税务局": a line that opens with a place or level starts a name of its own.
            var wrapped = prev.Length > 0 && !LooksLikeOrg(prev) && !IsGeneric(prev) && !EachBody().IsMatch(prev)
                && prev.IndexOfAny(['、', '，', ',', '；', ';', '/']) < 0 && line.Length > 0
                && !"省市区县镇乡街各".Contains(line[0]) && LooksLikeOrg(prev + line);
            sb.Append(wrapped ? "" : "\n").Append(line);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Splits the names of a responsibility note (“区民政局、区残联等区有关部门及各街道”) on 、，, 等 and 及, drops
    /// generic collectives, and keeps "各区、县教育局" (two place tiers before one office) as one name.
    /// </summary>
    public static List<string> SplitNote(string list)
    {
        var result = new List<string>();
        var parts = SplitOutsideBrackets(list, NoteBreak());
        for (var i = 0; i < parts.Length; i++)
        {
            var p = Cjk.RemoveSpacesBetweenHan(parts[i].Trim()).TrimEnd('等', '。').Trim();
            if (p.Length == 0) continue;
            // 各区、县教育局: a bare place tier joins the name after it.
            if ((PlaceTier().IsMatch(p) || EachTier().IsMatch(p)) && i + 1 < parts.Length && (LooksLikeOrg(parts[i + 1].Trim()) || TierStart().IsMatch(parts[i + 1].Trim())))
            {
                parts[i + 1] = p + "、" + parts[i + 1].Trim();
                continue;
            }
            if (IsGeneric(p)) continue;
            result.Add(p);
        }
        return result;
    }

    /// <summary>Splits on a pattern except inside brackets: "各县(市、区)政府(管委会)" is one name.</summary>
    public static string[] SplitOutsideBrackets(string list, Regex pattern)
    {
        if (list.IndexOfAny(['(', '（']) < 0) return pattern.Split(list);
        var chars = list.ToCharArray();
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '(' or '（') depth++;
            else if (chars[i] is ')' or '）') depth = Math.Max(0, depth - 1);
            else if (depth > 0 && chars[i] == '、') chars[i] = '\u0001';
        }
        return pattern.Split(new string(chars)).Select(x => x.Replace('\u0001', '、')).ToArray();
    }

    /// <summary>
    /// Adds a list of names to lead or support. "市教育局（牵头）、市财政局": the name marked （牵头） leads and the
    /// others support, whatever column or role the list came from.
    /// </summary>
    public static void AddWithMarkers(List<string> names, bool asSupport, List<string> lead, List<string> support)
    {
        names = names.Where(n => !IsGeneric(n)).ToList();
        var marked = names.FindIndex(IsMarkedLead);
        if (marked < 0)
        {
            (asSupport ? support : lead).AddRange(names);
            return;
        }
        for (var i = 0; i < names.Count; i++)
            (i == marked ? lead : support).Add(StripMarker(names[i]));
    }

    private static bool IsMarkedLead(string n) => n.EndsWith("（牵头）", StringComparison.Ordinal) || n.EndsWith("(牵头)", StringComparison.Ordinal);

    private static string StripMarker(string n) => IsMarkedLead(n) ? n[..^4].TrimEnd() : n;

    /// <summary>"宣传部" and "市委宣传部", "教育局" and "市教育局" name the same unit.</summary>
    public static bool Same(string a, string b) => UnitNameMatcher.Same(a, b);
}
