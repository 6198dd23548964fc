using PlanLedger.Documents.Extractors;
using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// A real table (docx/html) whose header names task-table columns (序号, 工作任务, 具体措施, 完成时限,
/// 牵头单位, 配合单位 …) becomes one item per row with its fields from the columns. Other tables are
/// kept out of the tree.
/// </summary>
internal static class RealTableReader
{
    /// <summary>The header row of a task table (within its first four rows), its column roles and the title row above it.</summary>
    public static bool TryFindHeader(SourceBlock table, out int headerIndex, out List<ColumnRole> roles, out string? title)
    {
        var rows = table.Rows;
        roles = [];
        title = null;
        headerIndex = -1;
        for (var i = 0; i < Math.Min(rows.Count, 4) && headerIndex < 0; i++)
        {
            var words = rows[i].Count(c => TableColumns.IsHeaderWord(c));
            if (words >= 2 && rows[i].Any(c => TableColumns.RoleOf(c) is ColumnRole.Text or ColumnRole.Heading or ColumnRole.Measures or ColumnRole.Step)) headerIndex = i;
        }
        if (headerIndex < 0) return false;
        roles = TableColumns.Roles(rows[headerIndex].Select(TableColumns.Normalise).ToList());
        if (headerIndex > 0)
        {
            var t = string.Join("", rows[0].Distinct()).Trim();
            if (t.Length > 0) title = t;
        }
        return true;
    }

    /// <summary>Where the header row sits in the clean source text (a table row a line).</summary>
    public static int HeaderOffset(SourceBlock table, int headerIndex, string sourceText) =>
        Math.Max(0, sourceText.IndexOf(RowLine(table.Rows[headerIndex]), StringComparison.Ordinal));

    /// <summary>A row as the clean source text holds it: cells joined by tabs, a cell's line breaks as spaces.</summary>
    public static string RowLine(IReadOnlyList<string> row) => string.Join('\t', row.Select(c => c.Replace('\n', ' ')));

    public static TaskTable? Read(SourceBlock table, int headerIndex, List<ColumnRole> roles, string? title, int offset, Blocks.BlockParser parser)
    {
        var rows = table.Rows;
        var result = new TaskTable { Title = title };
        var seq = 0;
        ItemDraft? section = null;
        IReadOnlyList<string>? lastRow = null;
        ItemDraft? lastItem = null;
        var next = offset + RowLine(rows[headerIndex]).Length + 1;
        foreach (var row in rows.Skip(headerIndex + 1))
        {
            // Each row is a line of the clean source text: the row's item sits there.
            var source = new Paragraph(RowLine(row), table.Line, next);
            next += source.Text.Length + 1;
            if (row.All(c => c.Trim().Length == 0)) continue;
            // A section row "一、…" (one cell, or the same text across merged cells) opens the next level.
            var filled = row.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
            if (filled.Count == 1 && LabelParser.TryMatch(filled[0], out var sm) && sm.Kind is LabelKind.ChineseComma or LabelKind.Part)
            {
                section = new ItemDraft
                {
                    Kind = sm.Kind, Label = sm.Label, Number = sm.Number, Source = source, FirstOffset = source.Offset, Parser = parser,
                    Cells = new() { Heading = Cjk.RemoveSpacesBetweenHan(filled[0][sm.Length..].Trim().Replace("\n", "")) },
                };
                result.Rows.Add(section);
                continue;
            }
            // A category column: a new value opens a section, an empty (merged) cell stays in it.
            var cat = roles.IndexOf(ColumnRole.Category);
            if (cat >= 0 && cat < row.Count && row[cat].Trim() is { Length: > 0 } catText)
            {
                var labelled = LabelParser.TryMatch(catText, out var cm) && cm.Kind is LabelKind.ChineseComma or LabelKind.Part;
                var catHeading = Cjk.RemoveSpacesBetweenHan((labelled ? catText[cm.Length..] : catText).Trim().Replace("\n", ""));
                if (catHeading != section?.Cells?.Heading)
                {
                    section = new ItemDraft
                    {
                        Kind = labelled ? cm.Kind : LabelKind.ChineseComma, Label = labelled ? cm.Label : "", Number = labelled ? cm.Number : 0,
                        Source = source, FirstOffset = source.Offset, Parser = parser, Cells = new() { Heading = catHeading },
                    };
                    result.Rows.Add(section);
                }
            }
            // A sheet whose merged task cells were filled down repeats the task on every measure row
            // (序号 1 | 稳定经济发展 | … | 1.… / 序号 1 | 稳定经济发展 | … | 2.…): the row continues that task.
            if (RepeatsTask(row, roles, lastRow, lastItem))
            {
                for (var c = 0; c < row.Count && c < roles.Count; c++)
                    if (roles[c] == ColumnRole.Measures && row[c].Trim().Length > 0) AddMeasures(lastItem!, NoiseFilter.CleanInline(row[c].Trim()));
                lastRow = row;
                continue;
            }
            seq++;
            string label = seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string heading = "", text = "";
            string? deadline = null;
            var lead = new List<string>();
            var support = new List<string>();
            var measures = new List<string>();
            Dictionary<string, string>? fields = null;
            for (var c = 0; c < row.Count && c < roles.Count; c++)
            {
                var cell = row[c].Trim();
                switch (roles[c])
                {
                    case ColumnRole.Seq: if (cell.Length > 0) label = cell.TrimEnd('.', '、'); break;
                    case ColumnRole.Heading: heading = Cjk.RemoveSpacesBetweenHan(cell.Replace("\n", "")); break;
                    case ColumnRole.Text: text = text.Length == 0 ? NoiseFilter.CleanInline(cell) : text + "\n" + NoiseFilter.CleanInline(cell); break;
                    case ColumnRole.ExtraTask: (fields ??= [])["provincialTask"] = cell; break;
                    case ColumnRole.Measures: measures.Add(NoiseFilter.CleanInline(cell)); break;
                    case ColumnRole.Deadline: if (cell.Length > 0 && !DeadlineExtractor.IsPeriodOnly(cell)) deadline = Cjk.RemoveSpacesBetweenHan(cell.Replace("\n", "")); break;
                    case ColumnRole.Lead: UnitNames.AddWithMarkers(UnitNames.Split(cell.TrimEnd('。')), false, lead, support); break;
                    case ColumnRole.Support: UnitNames.AddWithMarkers(UnitNames.Split(cell.TrimEnd('。')), true, lead, support); break;
                    case ColumnRole.Check: text = text.Length == 0 ? NoiseFilter.CleanInline(cell) : text + "\n" + NoiseFilter.CleanInline(cell); break;
                    case ColumnRole.LeadAndSupport:
                        var names = UnitNames.Split(cell);
                        if (names.Count > 0) { lead.Add(names[0]); support.AddRange(names.Skip(1)); }
                        break;
                }
            }
            // No 序号 column: "14.改扩建…" in the task's own cell is its number.
            if (!roles.Contains(ColumnRole.Seq))
            {
                if (heading.Length > 0 && LabelParser.TryMatch(heading, out var hm) && hm.Kind == LabelKind.Arabic) { label = hm.Label; heading = heading[hm.Length..].Trim(); }
                else if (heading.Length == 0 && LabelParser.TryMatch(text, out var tm) && tm.Kind == LabelKind.Arabic) { label = tm.Label; text = text[tm.Length..].Trim(); }
            }
            if (!roles.Contains(ColumnRole.Heading) && heading.Length == 0 && text.Length <= 30 && !text.Contains('。') && !Cjk.HasSentencePunctuation(text))
            {
                heading = text;
                text = "";
            }
            var item = new ItemDraft
            {
                Kind = LabelKind.TableRow, Label = label, Number = seq, Source = source, FirstOffset = source.Offset, Parser = parser, Fields = fields,
                Cells = new() { Heading = heading, Text = text, Deadline = deadline, Lead = lead, Support = support },
            };
            foreach (var cell in measures) AddMeasures(item, cell);
            lastRow = row;
            lastItem = item;
            if (section is not null) { item.Parent = section; section.Children.Add(item); }
            else result.Rows.Add(item);
        }
        return result.Rows.Count > 0 ? result : null;
    }

    /// <summary>
    /// The row repeats the previous row's task: the same 序号 (where the table has one) and the same task cells, with a
    /// measures cell of its own.
    /// </summary>
    private static bool RepeatsTask(IReadOnlyList<string> row, List<ColumnRole> roles, IReadOnlyList<string>? lastRow, ItemDraft? lastItem)
    {
        if (lastRow is null || lastItem is null || !roles.Contains(ColumnRole.Measures)) return false;
        bool sameTask = false, measures = false;
        for (var c = 0; c < roles.Count; c++)
        {
            var cell = c < row.Count ? row[c].Trim() : "";
            var before = c < lastRow.Count ? lastRow[c].Trim() : "";
            switch (roles[c])
            {
                case ColumnRole.Seq or ColumnRole.Heading or ColumnRole.Text:
                    if (cell != before) return false;
                    if (cell.Length > 0 && roles[c] != ColumnRole.Seq) sameTask = true;
                    break;
                case ColumnRole.Measures:
                    measures |= cell.Length > 0;
                    break;
            }
        }
        return sameTask && measures;
    }

    /// <summary>A measures cell: numbered lines are separate measures; unnumbered text continues the last one.</summary>
    private static void AddMeasures(ItemDraft row, string cell)
    {
        ItemDraft? current = null;
        var from = 0;
        foreach (var raw in cell.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            // Where the measure sits in its row's line of the clean source text.
            Paragraph? source = null;
            if (row.Source is { } r && r.Text.IndexOf(line, from, StringComparison.Ordinal) is var at and >= 0)
            {
                source = new Paragraph(line, r.Line, r.Offset + at);
                from = at + line.Length;
            }
            if (LabelParser.TryMatch(line, out var m, lenientArabic: true) && m.Kind is LabelKind.Arabic or LabelKind.ArabicParen or LabelKind.Circled or LabelKind.ChineseParen)
            {
                current = new ItemDraft { Kind = LabelKind.Measure, Label = m.Label, Number = m.Number, Parent = row, First = line[m.Length..].Trim(), NoHeading = true, Source = source, FirstOffset = source?.Offset ?? row.FirstOffset };
                row.Children.Add(current);
            }
            else if (current is null)
            {
                current = new ItemDraft { Kind = LabelKind.Measure, Label = "", Parent = row, First = line, NoHeading = true, Source = source, FirstOffset = source?.Offset ?? row.FirstOffset };
                row.Children.Add(current);
            }
            else current.First += line;
        }
    }
}
