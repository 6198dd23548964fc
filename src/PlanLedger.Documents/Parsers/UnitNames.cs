using System.Text.RegularExpressions;

namespace PlanLedger.Documents.Parsers;

/// <summary>Splitting and recognising names of units (单位): 市教育局, 团市委, 妇联, 文广旅局 …</summary>
internal static partial class UnitNames
{
    [GeneratedRegex(@"(?:局|委|办|部|联|会|院|厅|署|所|站|中心|政府|法院|检察院|集团|公司|学校|小学|中学|大学|学院|幼儿园|股|科|室|处|队|团|社|馆|协)$")]
    private static partial Regex OrgSuffix();

    public static bool LooksLikeOrg(string s) => s.Length is >= 2 and <= 30 && OrgSuffix().IsMatch(s) && !Cjk.HasSentencePunctuation(s);

    /// <summary>Splits a list of names on 、，,；; and on spaces between two whole names; "编  办" stays one name.</summary>
    public static List<string> Split(string list)
    {
        var result = new List<string>();
        foreach (var part in Regex.Split(list, @"[、，,；;/\n]"))
        {
            var p = part.Trim().TrimEnd('等').Trim();
            if (p.Length == 0) continue;
            var pieces = Regex.Split(p, @"[ \u00a0\u3000\t]+");
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
    /// Adds a list of names to lead or support. "市教育局（牵头）、市财政局": the name marked （牵头） leads and the
    /// others support, whatever column or role the list came from.
    /// </summary>
    public static void AddWithMarkers(List<string> names, bool asSupport, List<string> lead, List<string> support)
    {
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
    public static bool Same(string a, string b)
    {
        if (a == b) return true;
        var x = Core(a);
        var y = Core(b);
        if (x.Length < 2 || y.Length < 2) return false;
        if (x == y || x.EndsWith(y, StringComparison.Ordinal) || y.EndsWith(x, StringComparison.Ordinal)) return true;
        // Abbreviations keep the characters of the full name in order: 文广旅局 ⊂ 文化广播电视和旅游局.
        var (shortName, longName) = x.Length <= y.Length ? (x, y) : (y, x);
        return shortName[0] == longName[0] && shortName[^1] == longName[^1] && IsSubsequence(shortName, longName);
    }

    private static bool IsSubsequence(string a, string b)
    {
        var j = 0;
        foreach (var c in b)
            if (j < a.Length && a[j] == c) j++;
        return j == a.Length;
    }

    private static string Core(string s)
    {
        s = s.Trim();
        foreach (var prefix in new[] { "中共", "市委", "县委", "区委", "市", "县", "区" })
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.Length - prefix.Length >= 2) { s = s[prefix.Length..]; break; }
        return s;
    }
}
