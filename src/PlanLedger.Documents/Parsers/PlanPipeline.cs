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

        // 1. One clean text the positions refer to: a paragraph a line, a table row a line — its lines first, then
        // the text in one piece (no growing builder and second copy of a large document's text).
        var lines = new List<string>(source.Blocks.Count);
        var length = 0;
        var nodes = new List<object>(source.Blocks.Count);
        var raw = new List<string>(source.Blocks.Count);
        var blocks = PipeTableReader.Group(SpaceTableReader.Group(BoxTableReader.Group(source.Blocks)));
        // An outline before the title (提纲) stays line by line, out of the unwrapper's measure: its lines are preamble.
        var outline = OutlineReader.Find(blocks);
        var index = 0;
        foreach (var block in outline.End == 0 ? LineUnwrapper.Unwrap(blocks) : [.. blocks.Take(outline.End), .. LineUnwrapper.Unwrap(blocks.Skip(outline.End).ToList())])
        {
            var inOutline = index >= outline.Start && index < outline.End;
            index++;
            var offset = length;
            if (block.Kind == BlockKind.Table)
            {
                foreach (var row in block.Rows)
                {
                    var line = string.Join('\t', row.Select(c => c.Replace('\n', ' ')));
                    lines.Add(line);
                    length = checked(length + line.Length + 1);
                }
                nodes.Add(block);
                continue;
            }
            var t = block.Text.Trim();
            if (t.Length == 0) continue;
            raw.Add(t);
            lines.Add(t);
            length = checked(length + t.Length + 1);
            nodes.Add(new Paragraph(t, block.Line, offset) { Outline = inOutline });
        }
        doc.SourceText = string.Create(length, lines, static (span, lines) =>
        {
            var at = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                lines[i].CopyTo(span[at..]);
                at += lines[i].Length;
                span[at++] = '\n';
            }
        });

        // 2. The tree: each layout is a parser (Blocks/), the per-document state is the processor's.
        var builder = new StructureProcessor(nodes, doc.SourceText, NoiseFilter.For(raw), options).Process();

        // 3. Document fields.
        MetadataParser.Fill(doc, builder.Preamble, builder.Trailer, raw);

        // 4. Items.
        var items = ConvertRoots(builder.Roots, doc, options);
        for (var i = 0; i < items.Length; i++)
        {
            doc.Items.Add(items[i]);
            if (builder.Roots[i].Parser.HasInlineRuns(builder.Roots[i])) InlineRunParser.SplitFollowing(items[i], doc.Items, doc);
        }
        TableUnitReconciler.Reconcile(builder.Roots, doc);
        if (doc.Items.Count == 0)
            doc.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "no-items", "未找到编号条目 no numbered items were found"));
        return doc;
    }

    /// <summary>A document this long (characters of clean text) converts its top-level items in parallel.</summary>
    internal const int ParallelFrom = 256 * 1024;

    /// <summary>
    /// The per-item fields of each top-level item and its subtree. Items are independent but for the unit
    /// conventions a note declares for the items after it (“排在第一位的为牵头单位，下同”): on a long document each
    /// top-level item is converted on its own, from the conventions a document starts with, on every core; if one
    /// of them declared a convention, the items after it are converted again, in order, with what it declared — the
    /// same result as one pass in document order.
    /// </summary>
    private static PlanItem[] ConvertRoots(List<ItemDraft> roots, PlanDocument doc, ParseOptions options)
    {
        var items = new PlanItem[roots.Count];
        if (options.Sequential || roots.Count < 2 || doc.SourceText.Length < ParallelFrom || Environment.ProcessorCount < 2)
        {
            var conventions = new UnitConventions();
            for (var i = 0; i < roots.Count; i++) items[i] = Convert(roots[i], 1, doc, conventions);
            return items;
        }
        // This thread and one helper per further core take the next top-level item until none is left.
        var own = new UnitConventions[roots.Count];
        var next = -1;
        void Work()
        {
            for (int i; (i = Interlocked.Increment(ref next)) < roots.Count;)
                items[i] = Convert(roots[i], 1, doc, own[i] = new UnitConventions());
        }
        var helpers = new Task[Math.Min(Environment.ProcessorCount, roots.Count) - 1];
        for (var k = 0; k < helpers.Length; k++) helpers[k] = Task.Run(Work);
        Work();
        try
        {
            Task.WaitAll(helpers);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        var first = Array.FindIndex(own, c => c.Declared);
        if (first >= 0)
            for (var i = first + 1; i < roots.Count; i++) items[i] = Convert(roots[i], 1, doc, own[first]);
        return items;
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
