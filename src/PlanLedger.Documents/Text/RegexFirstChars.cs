using System.Buffers;
using System.Text.RegularExpressions;

namespace PlanLedger.Documents.Text;

/// <summary>
/// A prefilter for an anchored alternation such as <c>^(?:原标题|来源[:：]|\[?打印|[(（]?原价|…)</c>: the characters its
/// match can start with, read from the pattern itself, so that the regex runs only on the paragraphs that start with
/// one of them. The regex generator tries such an alternation branch by branch (a prefix switch is impossible once a
/// branch opens with a set or an optional character), which on every paragraph of a long document cost a tenth of
/// the parse (docs/decisions/0005-prefilters-before-regexes.md). Whatever the reader does not understand (groups,
/// classes such as <c>\d</c>, ranges, negated sets, case-insensitive options) gives no prefilter: the regex then runs
/// as before. The result is a superset of the true first characters, never a subset.
/// </summary>
internal static class RegexFirstChars
{
    /// <summary>The characters a match of <paramref name="regex"/> can start with, or null when that cannot be read.</summary>
    public static SearchValues<char>? Of(Regex regex)
    {
        if ((regex.Options & ~(RegexOptions.CultureInvariant | RegexOptions.Compiled)) != 0) return null;
        var p = regex.ToString();
        if (!p.StartsWith("^(?:", StringComparison.Ordinal) || !p.EndsWith(')')) return null;
        var body = p[4..^1];
        var chars = new HashSet<char>();
        foreach (var branch in TopLevelBranches(body))
        {
            if (branch is null || !AddFirst(branch, chars)) return null;
        }
        return chars.Count == 0 ? null : SearchValues.Create([.. chars]);
    }

    /// <summary>The top-level branches of an alternation body; null for one that is not closed properly.</summary>
    private static IEnumerable<string?> TopLevelBranches(string body)
    {
        int depth = 0, start = 0;
        var inSet = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\') { i++; continue; }
            if (inSet) { if (c == ']') inSet = false; continue; }
            switch (c)
            {
                case '[': inSet = true; break;
                case '(': depth++; break;
                case ')': depth--; if (depth < 0) { yield return null; yield break; } break;
                case '|' when depth == 0: yield return body[start..i]; start = i + 1; break;
            }
        }
        yield return depth == 0 && !inSet ? body[start..] : null;
    }

    /// <summary>Adds what <paramref name="branch"/> can start with; false when it cannot tell.</summary>
    private static bool AddFirst(string branch, HashSet<char> chars)
    {
        var i = 0;
        while (i < branch.Length)
        {
            var atom = new List<char>();
            var c = branch[i];
            if (c == '\\')
            {
                if (i + 1 >= branch.Length || char.IsAsciiLetterOrDigit(branch[i + 1])) return false; // \d \s \p{…} \1 …
                atom.Add(branch[i + 1]);
                i += 2;
            }
            else if (c == '[')
            {
                var end = branch.IndexOf(']', i + 1);
                if (end < 0) return false;
                var set = branch.AsSpan(i + 1, end - i - 1);
                if (set.IsEmpty || set[0] == '^' || set.IndexOfAny('\\', '-', '[') >= 0) return false;
                foreach (var s in set) atom.Add(s);
                i = end + 1;
            }
            else if (c is '(' or ')' or '.' or '^' or '$' or '|' or '*' or '+' or '?' or '{')
            {
                return false;
            }
            else
            {
                atom.Add(c);
                i++;
            }
            foreach (var a in atom) chars.Add(a);
            // An optional atom ("\[?打印", "[(（]?原价"): the branch may also start with what follows it.
            if (i < branch.Length && branch[i] == '?') { i++; continue; }
            if (i < branch.Length && branch[i] is '*' or '{') return false;
            return true;
        }
        return false; // a branch that can match the empty string
    }
}
