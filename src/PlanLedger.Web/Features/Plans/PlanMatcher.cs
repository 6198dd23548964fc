using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Plans;

/// <summary>A task of this year's plan and the task of last year's it most likely continues.</summary>
public sealed record TaskMatch(int TaskId, string Heading, int PreviousTaskId, string PreviousHeading, double Similarity,
    bool SameUnits, string PreviousStatus, int PreviousProgress);

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

    public static List<TaskMatch> Match(IReadOnlyList<TaskDto> current, IReadOnlyList<TaskDto> previous)
    {
        var cur = Leaves(current).Select(t => (Task: t, Grams: Bigrams(Words(t)))).ToList();
        var prev = Leaves(previous).Select(t => (Task: t, Grams: Bigrams(Words(t)))).ToList();
        var candidates = new List<(double Score, double Similarity, bool SameUnits, TaskDto A, TaskDto B)>();
        foreach (var a in cur)
            foreach (var b in prev)
            {
                var sim = Dice(a.Grams, b.Grams);
                var same = a.Task.Lead.Intersect(b.Task.Lead).Any();
                var score = sim + (same ? 0.1 : 0);
                if (score >= Threshold) candidates.Add((score, sim, same, a.Task, b.Task));
            }
        var usedA = new HashSet<int>();
        var usedB = new HashSet<int>();
        var result = new List<TaskMatch>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.A.Order).ThenBy(c => c.B.Order))
        {
            if (!usedA.Add(c.A.Id)) continue;
            if (!usedB.Add(c.B.Id)) { usedA.Remove(c.A.Id); continue; }
            result.Add(new TaskMatch(c.A.Id, c.A.Heading, c.B.Id, c.B.Heading, Math.Round(c.Similarity, 3), c.SameUnits, c.B.Status, c.B.Progress));
        }
        return result.OrderBy(m => current.First(t => t.Id == m.TaskId).Order).ToList();
    }

    /// <summary>What the task is about: heading and text without the 牵头单位/配合单位/完成时限 clauses every task shares.</summary>
    public static string Words(TaskDto t)
    {
        var text = t.Text.Contains(t.Heading, StringComparison.Ordinal) ? t.Text : t.Heading + t.Text;
        return Boilerplate().Replace(text, "");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(牵头|配合|责任|协办|参与)单位[:：][^。；;]*[。；;]?|完成时限[:：][^。；;]*[。；;]?")]
    private static partial System.Text.RegularExpressions.Regex Boilerplate();

    private static IEnumerable<TaskDto> Leaves(IReadOnlyList<TaskDto> tasks)
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
