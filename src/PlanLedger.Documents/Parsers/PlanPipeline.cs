using System.Text;
using PlanLedger.Documents.Extractors;
using PlanLedger.Documents.Parsers.Blocks;
using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// The parse pipeline: blocks → clean paragraphs (noise out) → tree (labels, task tables, attachments)
/// → metadata → per-item fields (heading, text, units, deadline, targets).
/// </summary>
internal static class PlanPipeline
{
    public static PlanDocument Run(SourceDocument source, ParseOptions options)
    {
        var doc = new PlanDocument { Source = source.FileName, Format = source.Format, Encoding = source.Encoding };
        doc.Diagnostics.AddRange(source.Diagnostics);

        // 1. One clean text the positions refer to: a paragraph a line, a table row a line.
        var text = new StringBuilder();
        var nodes = new List<object>(source.Blocks.Count);
        var raw = new List<string>(source.Blocks.Count);
        foreach (var block in LineUnwrapper.Unwrap(PipeTableReader.Group(SpaceTableReader.Group(source.Blocks))))
        {
            var offset = text.Length;
            if (block.Kind == BlockKind.Table)
            {
                foreach (var row in block.Rows) text.Append(string.Join('\t', row.Select(c => c.Replace('\n', ' ')))).Append('\n');
                nodes.Add(block);
                continue;
            }
            var t = block.Text.Trim();
            if (t.Length == 0) continue;
            raw.Add(t);
            text.Append(t).Append('\n');
            nodes.Add(new Paragraph(t, block.Line, offset));
        }
        doc.SourceText = text.ToString();

        // 2. The tree: each layout is a parser (Blocks/), the per-document state is the processor's.
        var builder = new StructureProcessor(nodes, doc.SourceText, NoiseFilter.For(raw), options).Process();

        // 3. Document fields.
        MetadataParser.Fill(doc, builder.Preamble, builder.Trailer, raw);

        // 4. Items.
        var conventions = new UnitConventions();
        foreach (var root in builder.Roots)
        {
            var item = Convert(root, 1, doc, conventions);
            doc.Items.Add(item);
            if (root.Parser.HasInlineRuns(root)) InlineRunParser.SplitFollowing(item, doc.Items, doc);
        }
        TableUnitReconciler.Reconcile(builder.Roots, doc);
        if (doc.Items.Count == 0)
            doc.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "no-items", "未找到编号条目 no numbered items were found"));
        return doc;
    }

    private static PlanItem Convert(ItemDraft d, int level, PlanDocument doc, UnitConventions conventions)
    {
        var item = new PlanItem { Label = d.Label, Level = level, Kind = d.Kind, Fields = d.Fields };
        var (heading, body) = d.Parser.Content(d);
        item.Heading = heading;
        body = UnitExtractor.Extract(body, item.Lead, item.Support, out var writtenDeadline, conventions);
        item.Text = body.Trim();
        if (d.Cells is { } cells)
        {
            item.Lead.AddRange(cells.Lead);
            item.Support.AddRange(cells.Support);
        }
        item.Deadline = d.Cells?.Deadline ?? writtenDeadline ?? DeadlineExtractor.Find(item.Text)
            ?? (d.Kind is LabelKind.ChineseComma or LabelKind.Part or LabelKind.Attachment ? null : DeadlineExtractor.Find(item.Heading));
        // A task whose whole line is its heading ("5.新建幼儿园2所") commits to what the heading says.
        var targetSource = item.Text.Length == 0 && d.Kind is not (LabelKind.ChineseComma or LabelKind.Part or LabelKind.Attachment) ? item.Heading : item.Text;
        item.Targets.AddRange(TargetExtractor.Extract(targetSource));

        // Positions in the clean source text.
        var start = d.Source?.Offset ?? d.FirstOffset;
        var last = d.More.Count > 0 ? d.More[^1] : d.Source;
        var end = last is null ? start : last.Offset + last.Text.Length;
        item.Span = new SourceSpan(d.Source?.Line ?? 0, start, Math.Max(0, end - start));
        foreach (var t in item.Targets)
        {
            var at = t.Text.Length > 0 ? doc.SourceText.IndexOf(t.Text, start, StringComparison.Ordinal) : -1;
            t.Span = at >= 0 ? new SourceSpan(item.Span.Line, at, t.Text.Length) : SourceSpan.Empty;
        }
        if (d.Parser.HasInlineRuns(d) && level < 8) InlineRunParser.Split(item, level, doc);
        foreach (var c in d.Children)
        {
            var child = Convert(c, level + 1, doc, conventions);
            item.Children.Add(child);
            if (c.Parser.HasInlineRuns(c)) InlineRunParser.SplitFollowing(child, item.Children, doc);
        }
        return item;
    }
}
