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

    /// <summary>Units whose name or alias contains the written name or is contained in it, best first.</summary>
    public static IReadOnlyList<Unit> Suggest(string written, IEnumerable<Unit> units, int max = 5)
    {
        var n = Normalize(written);
        if (n.Length == 0) return [];
        return units.Where(u => u.MergedIntoId is null)
            .Select(u => (Unit: u, Score: Score(n, u)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Unit.Name.Length)
            .Take(max).Select(x => x.Unit).ToList();
    }

    private static int Score(string n, Unit u)
    {
        var best = 0;
        foreach (var name in u.AliasList().Prepend(u.Name))
        {
            var c = Normalize(name);
            if (c.Length == 0) continue;
            if (c == n) return 100;
            if (c.Contains(n, StringComparison.Ordinal) || n.Contains(c, StringComparison.Ordinal))
                best = Math.Max(best, 50 + Math.Min(c.Length, n.Length) * 40 / Math.Max(c.Length, n.Length));
            else
            {
                var common = n.Distinct().Count(ch => c.Contains(ch));
                if (common >= 2 && common * 2 >= n.Length) best = Math.Max(best, common * 40 / Math.Max(n.Length, 1));
            }
        }
        return best;
    }

    private static string Normalize(string s) => s.Trim().Replace(" ", "").Replace("　", "");
}
