using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Admin;

/// <summary>Maps a unit name as written in a document onto the unit directory: exact name or alias, else suggestions.</summary>
public static class UnitMatcher
{
    public static Unit? Match(string written, IEnumerable<Unit> units)
    {
        var n = Normalize(written);
        if (n.Length == 0) return null;
        var live = units.Where(u => u.MergedIntoId is null).ToList();
        // Exact name or alias first; else the engine's one rule for names of the same unit (教育局 / 市教育局), when it picks one unit.
        var exact = live.FirstOrDefault(u => Normalize(u.Name) == n || u.AliasList().Any(a => Normalize(a) == n));
        if (exact is not null) return exact;
        var same = live.Where(u => u.AliasList().Prepend(u.Name).Any(a => PlanLedger.Documents.UnitNameMatcher.Same(a, written))).Take(2).ToList();
        return same.Count == 1 ? same[0] : null;
    }

    /// <summary>
    /// Units that are probably the one meant, best first: the same unit by the engine's rule (教育局 / 市教育局), then
    /// names sharing the distinctive part — the name without its level (市/县/区/中共…) and its kind of office
    /// (局/科/室/处/中心/办公室…): 市公安局 → 公安, so 公安局 and 县公安局 are suggested, never ★办公室 for one shared 公.
    /// </summary>
    public static IReadOnlyList<Unit> Suggest(string written, IEnumerable<Unit> units, int max = 5)
    {
        var n = Normalize(written);
        if (n.Length == 0) return [];
        var core = Distinctive(n);
        return units.Where(u => u.MergedIntoId is null)
            .Select(u => (Unit: u, Score: u.AliasList().Prepend(u.Name).Max(a => Score(n, core, Normalize(a)))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Unit.Name.Length)
            .Take(max).Select(x => x.Unit).ToList();
    }

    private static int Score(string n, string core, string candidate)
    {
        if (candidate.Length == 0) return 0;
        if (candidate == n) return 100;
        if (PlanLedger.Documents.UnitNameMatcher.Same(candidate, n)) return 90;
        var other = Distinctive(candidate);
        if (core.Length < 2 || other.Length < 2) return 0;
        if (core == other) return 80;
        if (core.Contains(other, StringComparison.Ordinal) || other.Contains(core, StringComparison.Ordinal))
            return 50 + Math.Min(core.Length, other.Length) * 20 / Math.Max(core.Length, other.Length);
        var dice = Dice(core, other);
        return dice >= 0.5 ? (int)(dice * 40) : 0;
    }

    private static readonly string[] Levels = ["中共", "市委", "县委", "区委", "省", "市", "县", "区", "镇", "乡"];
    private static readonly string[] Kinds = ["办公室", "委员会", "中心", "管理处", "工作站", "局", "科", "室", "处", "股", "部", "委", "所", "站", "院", "馆", "会", "办"];

    /// <summary>The part of a unit's name that tells it apart: without its level prefix and its kind-of-office suffix.</summary>
    public static string Distinctive(string name)
    {
        var s = Normalize(name);
        foreach (var p in Levels)
            if (s.StartsWith(p, StringComparison.Ordinal) && s.Length - p.Length >= 2) { s = s[p.Length..]; break; }
        foreach (var k in Kinds)
            if (s.EndsWith(k, StringComparison.Ordinal) && s.Length - k.Length >= 2) { s = s[..^k.Length]; break; }
        return s;
    }

    /// <summary>Dice coefficient of the character bigrams of two strings.</summary>
    private static double Dice(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2) return 0;
        var x = Enumerable.Range(0, a.Length - 1).Select(i => a.Substring(i, 2)).ToList();
        var y = Enumerable.Range(0, b.Length - 1).Select(i => b.Substring(i, 2)).ToList();
        var shared = 0;
        var pool = y.ToList();
        foreach (var g in x)
            if (pool.Remove(g)) shared++;
        return 2.0 * shared / (x.Count + y.Count);
    }

    private static string Normalize(string s) => s.Trim().Replace(" ", "").Replace("　", "");
}
