using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Plans;

/// <summary>A task of this year's plan and the task of last year's it most likely continues.</summary>
public sealed record TaskMatch(int TaskId, string Heading, int PreviousTaskId, string PreviousHeading, double Similarity,
    bool SameUnits, string PreviousStatus, int PreviousProgress);

/// <summary>Two tasks the pairing rule put together, with the similarity of their words and whether they share a lead unit.</summary>
public sealed record TaskPair(TaskDto A, TaskDto B, double Similarity, bool SameUnits);

/// <summary>
/// Matches next year's tasks to this year's: similarity is the Dice coefficient of the character bigrams of the two tasks'
/// heading and text (2 × shared bigrams ÷ all bigrams; punctuation, spaces and digits left out, so "新建幼儿园24处" and
/// "新建幼儿园30处" are alike), plus 0.1 when they share a lead unit. Pairs are made greedily from the most similar down,
/// each task at most once, and only from <see cref="Threshold"/> up. Leaf tasks only; the unit and deadline clauses
/// every task carries (牵头单位：… 完成时限：…) are left out of the text compared.
/// </summary>
public static partial class PlanMatcher
{
    public const double Threshold = 0.35;

    public static List<TaskMatch> Match(IReadOnlyList<TaskDto> current, IReadOnlyList<TaskDto> previous) =>
        Pair(current, previous, (a, b) => a.Lead.Intersect(b.Lead).Any())
            .Select(p => new TaskMatch(p.A.Id, p.A.Heading, p.B.Id, p.B.Heading, p.Similarity, p.SameUnits, p.B.Status, p.B.Progress))
            .ToList();

    /// <summary>
    /// The pairing rule itself, for any two task lists (上年对照: this year's and last year's tasks of one organisation;
    /// 对接上级计划: a county's tasks and its city's, where <paramref name="sameLead"/> compares unit names across the two
    /// directories): leaf tasks only, similarity of <see cref="Words"/> plus 0.1 for a shared lead unit, greedy from the
    /// most similar down, each task at most once, from <see cref="Threshold"/> up; in the order of <paramref name="a"/>.
    /// <paramref name="allowed"/> leaves pairs out before pairing (pairs the office rejected), so that their tasks can
    /// pair with others.
    /// </summary>
    public static List<TaskPair> Pair(IReadOnlyList<TaskDto> a, IReadOnlyList<TaskDto> b, Func<TaskDto, TaskDto, bool> sameLead,
        Func<TaskDto, TaskDto, bool>? allowed = null)
    {
        var left = Leaves(a).Select(t => (Task: t, Grams: Bigrams(Words(t)))).ToList();
        var right = Leaves(b).Select(t => (Task: t, Grams: Bigrams(Words(t)))).ToList();
        var candidates = new List<(double Score, double Similarity, bool SameUnits, TaskDto A, TaskDto B)>();
        foreach (var x in left)
            foreach (var y in right)
            {
                if (allowed is not null && !allowed(x.Task, y.Task)) continue;
                var sim = Dice(x.Grams, y.Grams);
                var same = sameLead(x.Task, y.Task);
                var score = sim + (same ? 0.1 : 0);
                if (score >= Threshold) candidates.Add((score, sim, same, x.Task, y.Task));
            }
        var usedA = new HashSet<int>();
        var usedB = new HashSet<int>();
        var result = new List<TaskPair>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.A.Order).ThenBy(c => c.B.Order))
        {
            if (!usedA.Add(c.A.Id)) continue;
            if (!usedB.Add(c.B.Id)) { usedA.Remove(c.A.Id); continue; }
            result.Add(new TaskPair(c.A, c.B, Math.Round(c.Similarity, 3), c.SameUnits));
        }
        return result.OrderBy(p => p.A.Order).ToList();
    }

    /// <summary>The similarity of two tasks' words alone (no unit bonus), rounded as <see cref="Pair"/> rounds it.</summary>
    public static double Similarity(TaskDto a, TaskDto b) => Math.Round(Dice(Bigrams(Words(a)), Bigrams(Words(b))), 3);

    /// <summary>What the task is about: heading and text without the 牵头单位/配合单位/完成时限 clauses every task shares.</summary>
    public static string Words(TaskDto t)
    {
        var text = t.Text.Contains(t.Heading, StringComparison.Ordinal) ? t.Text : t.Heading + t.Text;
        return Boilerplate().Replace(text, "");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(牵头|配合|责任|协办|参与)单位[:：][^。；;]*[。；;]?|完成时限[:：][^。；;]*[。；;]?")]
    private static partial System.Text.RegularExpressions.Regex Boilerplate();

    public static IEnumerable<TaskDto> Leaves(IReadOnlyList<TaskDto> tasks)
    {
        var parents = tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
        return tasks.Where(t => !parents.Contains(t.Id));
    }

    /// <summary>The multiset of adjacent character pairs of the text's letters (CJK and Latin), as counts.</summary>
    public static Dictionary<string, int> Bigrams(string text)
    {
        var chars = text.Where(c => char.IsLetter(c)).ToArray();
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            var g = new string(chars, i, 2);
            grams[g] = grams.GetValueOrDefault(g) + 1;
        }
        return grams;
    }

    /// <summary>2 × |A ∩ B| ÷ (|A| + |B|) over bigram multisets; 0 when both are empty.</summary>
    public static double Dice(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0) return 0;
        var shared = a.Sum(kv => Math.Min(kv.Value, b.GetValueOrDefault(kv.Key)));
        return 2.0 * shared / total;
    }
}
