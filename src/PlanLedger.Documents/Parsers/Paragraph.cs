namespace PlanLedger.Documents.Parsers;

/// <summary>A paragraph as the parsers see it: clean text and where it sits in the clean source text.</summary>
internal sealed class Paragraph(string text, int line, int offset)
{
    public string Text { get; set; } = text;
    /// <summary>1-based line in the original file (or paragraph index).</summary>
    public int Line { get; } = line;
    /// <summary>Offset of the paragraph in <see cref="Syntax.PlanDocument.SourceText"/>.</summary>
    public int Offset { get; } = offset;
    /// <summary>Cut out of a run without line breaks: its label's line cannot be told from its body.</summary>
    public bool RunOn { get; init; }
    /// <summary>
    /// Cut out of a run at a number whose dot was lost ("…职业教育。4 不断加强…" after items 1–3): its label is the number
    /// and the space (<see cref="LabelParser.TryLostDot"/>).
    /// </summary>
    public bool LostDot { get; init; }
    /// <summary>A line of an outline before the title (<see cref="OutlineReader"/>): preamble, no item.</summary>
    public bool Outline { get; init; }
    public override string ToString() => Text;
}
