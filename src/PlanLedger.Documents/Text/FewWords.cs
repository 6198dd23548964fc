namespace PlanLedger.Documents.Text;

/// <summary>
/// Whether a text holds one of a few short words, one vectorised ordinal search per word. For a handful of Chinese
/// words this is several times faster than <c>SearchValues&lt;string&gt;</c>, whose Aho-Corasick automaton looks every
/// non-ASCII character up in a dictionary (7–9 % of a 10 MB parse's CPU in <c>TargetExtractor</c> and <c>UnitNotes</c>,
/// docs/decisions/0009-few-words-and-fewer-copies.md). Only existence is answered, so the order of the words does not matter.
/// </summary>
internal sealed class FewWords(params string[] words)
{
    private readonly string[] _words = words;

    public bool In(ReadOnlySpan<char> text)
    {
        foreach (var w in _words)
            if (text.IndexOf(w.AsSpan()) >= 0) return true;
        return false;
    }
}
