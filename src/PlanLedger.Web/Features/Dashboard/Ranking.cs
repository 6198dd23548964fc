namespace PlanLedger.Web.Features.Dashboard;

/// <summary>What the year ranking orders by: 按时报送率, then 办结率 (both high first), then fewer 逾期; the name breaks ties for the order only.</summary>
public readonly record struct RankKey(double OnTimeRate, double CompletionRate, int Overdue, string Name);

/// <summary>
/// The ranking of the year dashboard (units) and of the roll-up (organisations), one rule: by 按时报送率, then 办结率, then
/// fewer 逾期 tasks; rows equal on all three share a rank (1, 2, 2, 4) and are listed by name.
/// </summary>
public static class Ranking
{
    public static List<T> Rank<T>(IEnumerable<T> rows, Func<T, RankKey> key, Func<T, int, T> withRank)
    {
        var ordered = rows.Select(r => (Row: r, Key: key(r))).OrderByDescending(x => x.Key.OnTimeRate).ThenByDescending(x => x.Key.CompletionRate)
            .ThenBy(x => x.Key.Overdue).ThenBy(x => x.Key.Name, StringComparer.Ordinal).ToList();
        var ranked = new List<T>(ordered.Count);
        var rank = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (k, prev) = (ordered[i].Key, i > 0 ? ordered[i - 1].Key : default);
            var same = i > 0 && k.OnTimeRate == prev.OnTimeRate && k.CompletionRate == prev.CompletionRate && k.Overdue == prev.Overdue;
            if (!same) rank = i + 1;
            ranked.Add(withRank(ordered[i].Row, rank));
        }
        return ranked;
    }
}
