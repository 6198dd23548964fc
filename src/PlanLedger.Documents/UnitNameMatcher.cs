namespace PlanLedger.Documents;

/// <summary>
/// The one rule for when two written unit names mean the same unit: the same name; one is the other with a
/// level in front (教育局 / 市教育局, 宣传部 / 市委宣传部); or an abbreviation that keeps the full name's
/// characters in order with the same first and last character (文广旅局 / 文化广播电视和旅游局). Used by the
/// engine (table ↔ body) and by the import's mapping onto the unit directory.
/// </summary>
public static class UnitNameMatcher
{
    private static readonly string[] LevelPrefixes = ["中共", "市委", "县委", "区委", "市", "县", "区"];

    public static bool Same(string a, string b)
    {
        a = Normalize(a);
        b = Normalize(b);
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        var x = Core(a);
        var y = Core(b);
        if (x.Length < 2 || y.Length < 2) return false;
        if (x == y || x.EndsWith(y, StringComparison.Ordinal) || y.EndsWith(x, StringComparison.Ordinal)) return true;
        var (shortName, longName) = x.Length <= y.Length ? (x, y) : (y, x);
        return shortName[0] == longName[0] && shortName[^1] == longName[^1] && IsSubsequence(shortName, longName);
    }

    /// <summary>A written name without layout spaces.</summary>
    public static string Normalize(string s) => s.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);

    private static bool IsSubsequence(string a, string b)
    {
        var j = 0;
        foreach (var c in b)
            if (j < a.Length && a[j] == c) j++;
        return j == a.Length;
    }

    private static string Core(string s)
    {
        foreach (var prefix in LevelPrefixes)
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.Length - prefix.Length >= 2) return s[prefix.Length..];
        return s;
    }
}
