using System.Globalization;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; the seeding generator of xoshiro): a documented 64-bit generator, so that
/// anyone can repeat a draw from its seed in any language. state += 0x9E3779B97F4A7C15; z = state;
/// z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB; return z ^ (z &gt;&gt; 31).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [0, n) without modulo bias: values below 2^64 mod n are rejected (as arc4random_uniform).</summary>
    public int Below(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var m = (ulong)n;
        var threshold = (0UL - m) % m;
        while (true)
        {
            var x = Next();
            if (x >= threshold) return (int)(x % m);
        }
    }
}

/// <summary>One drawn visit: the unit and its inspectors, in draw order.</summary>
public sealed record DrawnVisit(int UnitId, IReadOnlyList<int> InspectorIds);

/// <summary>An inspector candidate; one belonging to a unit is never sent to that unit (回避).</summary>
public sealed record InspectorCandidate(int UserId, int? UnitId);

/// <summary>
/// 双随机: units, then inspectors per unit, from one SplitMix64 stream. Candidates are sorted by id first, so the draw
/// depends on the seed and the candidate sets only. Units: partial Fisher–Yates — for i = 0..k-1 swap position i
/// with i + Below(n - i); the first k are the sample. Inspectors, for each drawn unit in order: the same partial
/// shuffle over the inspectors not belonging to that unit, taking m.
/// </summary>
public static class RandomDraw
{
    public static IReadOnlyList<int> Sample(SplitMix64 rng, IEnumerable<int> candidates, int k)
    {
        var a = candidates.Distinct().Order().ToArray();
        k = Math.Min(k, a.Length);
        for (var i = 0; i < k; i++)
        {
            var j = i + rng.Below(a.Length - i);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a[..k];
    }

    public static IReadOnlyList<DrawnVisit> Draw(ulong seed, IEnumerable<int> units, int visits,
        IEnumerable<InspectorCandidate> inspectors, int inspectorsPerVisit)
    {
        var rng = new SplitMix64(seed);
        var pool = inspectors.DistinctBy(i => i.UserId).OrderBy(i => i.UserId).ToList();
        var drawn = Sample(rng, units, visits);
        return drawn.Select(u => new DrawnVisit(u,
            Sample(rng, pool.Where(i => i.UnitId != u).Select(i => i.UserId), inspectorsPerVisit))).ToList();
    }

    /// <summary>A seed as shown to people: 16 lower-case hex digits.</summary>
    public static string Format(ulong seed) => seed.ToString("x16", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out ulong seed)
    {
        seed = 0;
        var t = (text ?? "").Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) t = t[2..];
        return t.Length is > 0 and <= 16 && ulong.TryParse(t, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seed);
    }

    public static ulong NewSeed() => BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
