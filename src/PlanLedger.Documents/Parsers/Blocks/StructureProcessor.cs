using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// The structure stage's per-document state: the nodes (paragraphs and tables) in order, the run of clean
/// paragraphs up to the next table, the tree being built and the block open at the current node. Each node is
/// offered to the parsers in order: those that can interrupt, then the open block (<see cref="BlockParser.TryContinue"/>),
/// then the rest (<see cref="BlockParser.TryOpen"/>).
/// </summary>
internal sealed class StructureProcessor
{
    /// <summary>The layouts, in the order they are asked: tables first, the numbered-paragraph catch-all last.</summary>
    public static IReadOnlyList<BlockParser> DefaultParsers { get; } =
        [StepTableParser.Instance, RealTableParser.Instance, FlatTableParser.Instance, AttachmentParser.Instance, NumberedParagraphParser.Instance];

    public static IReadOnlyList<ParagraphParser> DefaultParagraphParsers { get; } = [InlineLabelParser.Instance];

    private readonly IReadOnlyList<object> _nodes;
    private readonly IReadOnlyList<BlockParser> _parsers;
    private readonly IReadOnlyList<ParagraphParser> _paragraphParsers;
    private readonly NoiseFilter _noise;
    private readonly List<Paragraph> _run = [];
    private int _runIndex;
    private int _advance;
    private BlockParser? _open;

    public StructureProcessor(IReadOnlyList<object> nodes, string sourceText, NoiseFilter noise, ParseOptions options,
        IReadOnlyList<BlockParser>? parsers = null, IReadOnlyList<ParagraphParser>? paragraphParsers = null)
    {
        _nodes = nodes;
        SourceText = sourceText;
        _noise = noise;
        _parsers = parsers ?? DefaultParsers;
        _paragraphParsers = paragraphParsers ?? DefaultParagraphParsers;
        Tree = new StructureBuilder(options);
    }

    /// <summary>The tree being built, with the preamble and trailer.</summary>
    public StructureBuilder Tree { get; }

    /// <summary>The numbering seen so far, which labels inside a paragraph continue.</summary>
    public LabelNumbering Numbering { get; } = new();

    /// <summary>The clean source text positions refer to.</summary>
    public string SourceText { get; }

    /// <summary>The current node when it is a table.</summary>
    public SourceBlock? Table { get; private set; }

    /// <summary>The current node when it is a paragraph.</summary>
    public Paragraph? Paragraph => Table is null && _runIndex < _run.Count ? _run[_runIndex] : null;

    /// <summary>The clean paragraphs of the current run (up to the next table) and the current one's index in it.</summary>
    public IReadOnlyList<Paragraph> Run => _run;
    public int RunIndex => _runIndex;

    /// <summary>The parser took this many nodes of the run (the current one included).</summary>
    public void Advance(int count) => _advance = Math.Max(1, count);

    public StructureBuilder Process()
    {
        for (var i = 0; i < _nodes.Count;)
        {
            if (_nodes[i] is SourceBlock table)
            {
                Table = table;
                Offer();
                Table = null;
                i++;
                continue;
            }
            i = ReadRun(i);
            for (_runIndex = 0; _runIndex < _run.Count;) _runIndex += Offer();
            _run.Clear();
        }
        Tree.Finish();
        return Tree;
    }

    private int Offer()
    {
        _advance = 1;
        foreach (var parser in _parsers)
            if (parser.CanInterrupt && Try(parser.TryOpen(this), parser)) return _advance;
        if (_open is not null && Paragraph is not null && Tree.Current is { } block && Try(_open.TryContinue(this, block), _open)) return _advance;
        foreach (var parser in _parsers)
            if (!parser.CanInterrupt && Try(parser.TryOpen(this), parser)) return _advance;
        return 1;
    }

    private bool Try(BlockState state, BlockParser parser)
    {
        if (state == BlockState.None) return false;
        _open = state == BlockState.Continue ? parser : null;
        return true;
    }

    /// <summary>Reads the paragraphs up to the next table: chrome out (before the body it may hold the title), spam cleaned, paragraph layouts cut.</summary>
    private int ReadRun(int i)
    {
        // Sized once for the paragraphs up to the next table: grown by doubling, a long run's list was a series of
        // large objects, each allocation a full collection of the heap (docs/decisions/0009-few-words-and-fewer-copies.md).
        var next = i;
        while (next < _nodes.Count && _nodes[next] is Paragraph) next++;
        _run.EnsureCapacity(next - i);
        for (; i < _nodes.Count && _nodes[i] is Paragraph p; i++)
        {
            if (NoiseFilter.IsChrome(p.Text))
            {
                if (_run.Count == 0 && Tree.Roots.Count == 0) Tree.Preamble.Add(p.Text);
                continue;
            }
            p.Text = _noise.Clean(p.Text);
            if (p.Text.Trim().Length == 0) continue;
            List<Paragraph>? pieces = null;
            foreach (var pp in _paragraphParsers)
                if ((pieces = pp.TryParse(this, p)) is not null) break;
            if (pieces is not null) _run.AddRange(pieces); else _run.Add(p);
        }
        return i;
    }
}
