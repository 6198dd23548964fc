using PlanLedger.Documents.Extractors;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// An inline run inside an item's text (<c>一是…；二是…；三是…。</c>, <c>①…②…</c>): its members become the item's first
/// children (label 一是, heading "", text = the part with its closing ；/。); the item keeps the text before the run
/// with its own deadline and targets (<see cref="InlineListSplitter"/> finds the run). Asked for items whose parser
/// allows runs (<see cref="BlockParser.HasInlineRuns"/>): numbered paragraphs, not table rows, measures or attachments.
/// </summary>
internal static class InlineRunParser
{
    /// <summary>“一是…；二是…” inside the item's text become its first children.</summary>
    public static void Split(PlanItem item, int level, PlanDocument doc)
    {
        var split = InlineListSplitter.Split(item.Text);
        if (split is null) return;
        var (intro, members) = split.Value;
        // "(一)坚定政治方向,夯实…保障一是…": the phrase the run is glued to is the item's heading.
        if (item.Heading.Length == 0 && intro.Length > 0 && InlineListSplitter.GluedFirst(item.Text, intro.Length) && HeadingExtractor.IsTitlePhrase(intro))
        {
            item.Heading = intro;
            intro = "";
        }
        item.Text = intro;
        item.Targets.Clear();
        item.Targets.AddRange(TargetExtractor.Extract(item.Text));
        if (item.Deadline is not null && DeadlineExtractor.Find(intro) is null && item.Kind != LabelKind.TableRow) item.Deadline = null;
        foreach (var (label, body) in members)
        {
            var kind = label.EndsWith('是') ? LabelKind.Shi : LabelKind.Circled;
            // Members of an inline run have no heading: the whole part is their text.
            var child = new PlanItem { Label = label, Level = level + 1, Kind = kind, Heading = "", Text = body };
            child.Deadline = DeadlineExtractor.Find(child.Text);
            child.Targets.AddRange(TargetExtractor.Extract(child.Text));
            var at = doc.SourceText.IndexOf(body, item.Span.Offset, StringComparison.Ordinal);
            child.Span = at >= 0 ? new SourceSpan(item.Span.Line, at, body.Length) : item.Span;
            item.Children.Add(child);
        }
    }

    /// <summary>
    /// A line-opened <c>一是</c> whose line carries on with <c>；二是…；三是…</c> is the first of a run: the later parts
    /// become its next siblings (heading "", text = the part with its closing ；/。), the item keeps its own part.
    /// </summary>
    public static void SplitFollowing(PlanItem item, List<PlanItem> siblings, PlanDocument doc)
    {
        if (item.Kind != LabelKind.Shi || item.Children.Count > 0) return;
        // A short run may have been taken whole as the heading ("一是强化引领；二是夯实基础。").
        var whole = item.Heading.Length > 0 && InlineListSplitter.SplitFollowing(item.Label, item.Heading) is not null;
        var text = whole ? item.Heading + "。" + item.Text : item.Text;
        if (InlineListSplitter.SplitFollowing(item.Label, text) is not { } split) return;
        if (whole) item.Heading = "";
        item.Text = text[..split.OwnEnd].Trim();
        item.Targets.Clear();
        item.Targets.AddRange(TargetExtractor.Extract(item.Text.Length == 0 ? item.Heading : item.Text));
        item.Deadline = DeadlineExtractor.Find(item.Text) ?? DeadlineExtractor.Find(item.Heading);
        foreach (var (label, body) in split.Members)
        {
            var next = new PlanItem { Label = label, Level = item.Level, Kind = LabelKind.Shi, Heading = "", Text = body };
            next.Deadline = DeadlineExtractor.Find(next.Text);
            next.Targets.AddRange(TargetExtractor.Extract(next.Text));
            var at = doc.SourceText.IndexOf(body, item.Span.Offset, StringComparison.Ordinal);
            next.Span = at >= 0 ? new SourceSpan(item.Span.Line, at, body.Length) : item.Span;
            siblings.Add(next);
        }
    }
}
