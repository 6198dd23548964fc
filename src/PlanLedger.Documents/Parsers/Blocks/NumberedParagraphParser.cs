using PlanLedger.Documents.Extractors;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// Numbered paragraphs, the common layout: a label of Chinese official documents (一、 （一） 1. （1） ① 一是 第一部分)
/// opens an item at the level its style holds on the current path; an unlabelled paragraph continues the open item.
/// Paragraphs before the first label are the preamble, the 落款 and what follows it the trailer
/// (<see cref="StructureBuilder"/> keeps that state). The catch-all: it takes every paragraph no other parser took.
/// </summary>
internal sealed class NumberedParagraphParser : BlockParser
{
    public static readonly NumberedParagraphParser Instance = new();

    public override BlockState TryOpen(StructureProcessor processor)
    {
        if (processor.Paragraph is not { } p) return BlockState.None;
        processor.Tree.Add(p);
        processor.Advance(1);
        return BlockState.Continue;
    }

    /// <summary>An unlabelled paragraph continues the open item (its body, or the closing matter after it).</summary>
    public override BlockState TryContinue(StructureProcessor processor, ItemDraft block)
    {
        if (processor.Paragraph is not { } p || LabelParser.TryMatch(p.Text, out _) || p.LostDot) return BlockState.None;
        processor.Tree.Add(p);
        processor.Advance(1);
        return BlockState.Continue;
    }

    public override ItemContent Content(ItemDraft d)
    {
        // A line cut inside its sentence: the sentence is the line and the paragraph after it, joined as one.
        var first = d.ContinuesOnNextLine ? d.First + d.More[0].Text : d.First;
        var more = d.ContinuesOnNextLine ? d.More.Skip(1).ToList() : d.More;
        var standsAlone = d.Children.Count > 0 || more.Any(p => !UnitExtractor.IsRoleLine(p.Text));
        var (heading, rest) = HeadingExtractor.Split(first, d.Kind, d.NoHeading, standsAlone, runOn: d.Source?.RunOn == true);
        var body = more.Count == 0 ? rest : string.Join("\n", new[] { rest }.Concat(more.Select(p => p.Text)).Where(s => s.Length > 0));
        return new(heading, body);
    }

    public override bool HasInlineRuns(ItemDraft item) => item.Kind != LabelKind.Measure;
}
