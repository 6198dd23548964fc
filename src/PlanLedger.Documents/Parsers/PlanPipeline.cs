using System.Text;
using PlanLedger.Documents.Extractors;
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
        foreach (var block in LineUnwrapper.Unwrap(source.Blocks))
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

        // 2. The tree.
        var builder = new StructureBuilder(options);
        var noise = NoiseFilter.For(raw);
        var paragraphs = new List<Paragraph>();
        var inline = new InlineLabelSplitter();
        void Flush()
        {
            for (var i = 0; i < paragraphs.Count; i++)
            {
                if (FlatTableReader.TryRead(paragraphs, i, out var table, out var consumed))
                {
                    builder.AddTable(table);
                    i += consumed - 1;
                    continue;
                }
                builder.Add(paragraphs[i]);
            }
            paragraphs.Clear();
        }
        foreach (var node in nodes)
        {
            if (node is SourceBlock table)
            {
                Flush();
                var parsed = RealTableReader.Read(table, doc.SourceText);
                if (parsed is not null) builder.AddTable(parsed);
                continue;
            }
            var p = (Paragraph)node;
            if (NoiseFilter.IsChrome(p.Text))
            {
                // Chrome never reaches the tree, but before the body it may still hold the title block.
                if (paragraphs.Count == 0 && builder.Roots.Count == 0) builder.Preamble.Add(p.Text);
                continue;
            }
            p.Text = noise.Clean(p.Text);
            if (p.Text.Trim().Length == 0) continue;
            if (inline.Split(p) is { } pieces) paragraphs.AddRange(pieces);
            else paragraphs.Add(p);
        }
        Flush();
        builder.Finish();

        // 3. Document fields.
        MetadataParser.Fill(doc, builder.Preamble, builder.Trailer, raw);

        // 4. Items.
        var conventions = new UnitConventions();
        foreach (var root in builder.Roots) doc.Items.Add(Convert(root, 1, doc, conventions));
        TableUnitReconciler.Reconcile(builder.Roots, doc);
        if (doc.Items.Count == 0)
            doc.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "no-items", "未找到编号条目 no numbered items were found"));
        return doc;
    }

    private static PlanItem Convert(ItemDraft d, int level, PlanDocument doc, UnitConventions conventions)
    {
        var item = new PlanItem { Label = d.Label, Level = level, Kind = d.Kind, Fields = d.Fields };
        string body;
        if (d.Kind == LabelKind.Attachment)
        {
            item.Heading = d.First.Trim();
            body = string.Join("\n", d.More.Select(p => p.Text));
        }
        else if (d.FixedHeading is not null)
        {
            item.Heading = d.FixedHeading;
            body = d.FixedText ?? "";
        }
        else
        {
            var (heading, rest) = HeadingExtractor.Split(d.First, d.Kind, d.NoHeading, standsAlone: d.Children.Count > 0 || d.More.Any(p => !UnitExtractor.IsRoleLine(p.Text)), runOn: d.Source?.RunOn == true);
            item.Heading = heading;
            body = d.More.Count == 0 ? rest : string.Join("\n", new[] { rest }.Concat(d.More.Select(p => p.Text)).Where(s => s.Length > 0));
        }
        body = UnitExtractor.Extract(body, item.Lead, item.Support, out var writtenDeadline, conventions);
        item.Text = body.Trim();
        if (d.FixedLead is not null) item.Lead.AddRange(d.FixedLead);
        if (d.FixedSupport is not null) item.Support.AddRange(d.FixedSupport);
        item.Deadline = d.FixedDeadline ?? writtenDeadline ?? DeadlineExtractor.Find(item.Text)
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
        if (d.FixedHeading is null && d.Kind is not (LabelKind.Attachment or LabelKind.Measure) && level < 8)
            SplitInlineList(item, level, doc);
        foreach (var c in d.Children) item.Children.Add(Convert(c, level + 1, doc, conventions));
        return item;
    }

    /// <summary>“一是…；二是…” inside the item's text become its first children.</summary>
    private static void SplitInlineList(PlanItem item, int level, PlanDocument doc)
    {
        var split = InlineListSplitter.Split(item.Text);
        if (split is null) return;
        var (intro, members) = split.Value;
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
}
