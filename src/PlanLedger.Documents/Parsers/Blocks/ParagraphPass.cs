namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// The part of the structure stage that does not depend on the tree: each paragraph, in document order, tested for site
/// chrome, cleaned of spam and cut by the paragraph parsers (whose only state, the numbering seen so far, is the
/// paragraphs' own). On a long document it runs on another core, ahead of the layouts that build the tree from its
/// results (<see cref="StructureProcessor"/>); either way each paragraph's result is the same as when it is read in line.
/// </summary>
internal sealed class ParagraphPass
{
    /// <summary>What became of one paragraph node: chrome, nothing left after cleaning, or the paragraphs it stands for.</summary>
    public readonly record struct Result(bool Chrome, Paragraph? Single, List<Paragraph>? Pieces);

    private readonly IReadOnlyList<object> _nodes;
    private readonly Func<Paragraph, Result> _read;
    private readonly Result[]? _results;
    private int _ready;
    private Exception? _failure;

    private ParagraphPass(IReadOnlyList<object> nodes, Func<Paragraph, Result> read, bool ahead)
    {
        _nodes = nodes;
        _read = read;
        if (!ahead) return;
        _results = new Result[nodes.Count];
        Task.Run(Run);
    }

    /// <summary>
    /// Reads the paragraphs of <paramref name="nodes"/> with <paramref name="read"/>: ahead on another core when
    /// <paramref name="ahead"/>, else when each is asked for.
    /// </summary>
    public static ParagraphPass Start(IReadOnlyList<object> nodes, Func<Paragraph, Result> read, bool ahead) => new(nodes, read, ahead);

    /// <summary>The result for node <paramref name="index"/> (a paragraph), asked for in document order.</summary>
    public Result Get(int index)
    {
        if (_results is null) return _read((Paragraph)_nodes[index]);
        if (Volatile.Read(ref _ready) <= index)
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref _ready) <= index)
            {
                if (Volatile.Read(ref _failure) is { } e) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
                spin.SpinOnce();
            }
        }
        return _results[index];
    }

    private void Run()
    {
        try
        {
            for (var i = 0; i < _nodes.Count; i++)
            {
                if (_nodes[i] is Paragraph p) _results![i] = _read(p);
                Volatile.Write(ref _ready, i + 1);
            }
        }
        catch (Exception e)
        {
            Volatile.Write(ref _failure, e);
        }
    }
}
