using System.Text.RegularExpressions;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Rebuilds a task table that a web page flattened into one cell per line: a header run
/// (序号 / 国家意见 / 工作任务 / 具体措施 / 完成时限 / 牵头单位 / 配合单位, a header cell may wrap over two
/// lines) followed by rows that each start with their 序号 (1, 2, 3 …, or any rising numbers of an excerpt: 80, 81; 3, 68),
/// section rows 一、… between them opening the level above. Empty cells are lost in such
/// pages, so cells are told apart by what they hold: short title lines, the task sentence, numbered
/// measures, the deadline cell, then unit names.
/// </summary>
internal static partial class FlatTableReader
{
    [GeneratedRegex(@"^(?:长期坚持|长期|持续推进|持续开展|常态化推进|常态化|年内|年底前?|年末|全年|上半年|下半年|[一二三四]季度(?:末|底)?|(?:\d{4}\s*年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|中旬|上旬|下旬)?(?:前|以前)?(?:完成)?|\d{4}\s*年(?:底|末|前|年底)?(?:前)?(?:完成)?|\d{4}\s*[-—至~]\s*\d{4}\s*年|\d{4}\s*年\s*\d{1,2}\s*月\s*[-—至~]\s*\d{1,2}\s*月)$")]
    public static partial Regex DeadlineCell();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex SeqCell();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,4}(?:[ \u3000]*[\p{IsCJKUnifiedIdeographs}]{1,3}){0,3}$")]
    private static partial Regex PersonName();

    public static bool TryRead(IReadOnlyList<Paragraph> paragraphs, int start, Blocks.BlockParser parser, out TaskTable table, out int consumed)
    {
        // Asked at every paragraph: nothing is allocated before the cheap checks on the first line.
        table = null!;
        consumed = 0;
        var first = paragraphs[start].Text;
        if (first.Length > 6 || first.IndexOf('号') < 0 && first.IndexOf('序') < 0) return false;
        if (TableColumns.RoleOf(first) != ColumnRole.Seq) return false;
        table = new TaskTable();
        var header = new List<string> { TableColumns.Normalise(paragraphs[start].Text) };
        var i = start + 1;
        while (i < paragraphs.Count)
        {
            var t = TableColumns.Normalise(paragraphs[i].Text);
            if (SeqCell().IsMatch(t)) break;
            if (TableColumns.IsHeaderWord(t)) { header.Add(t); i++; continue; }
            if (i + 1 < paragraphs.Count && t.Length <= 6)
            {
                var merged = t + TableColumns.Normalise(paragraphs[i + 1].Text);
                if (TableColumns.IsHeaderWord(merged)) { header.Add(merged); i += 2; continue; }
            }
            break;
        }
        // The rows may start at any number (a table excerpted from a longer one: 80, 81 …) or with a section row 一、….
        if (header.Count < 3 || i >= paragraphs.Count || !SeqCell().IsMatch(TableColumns.Normalise(paragraphs[i].Text)) && SectionsBeforeRow(paragraphs, i, 0) < 0) return false;
        var roles = TableColumns.Roles(header);

        var last = 0;
        var rowLines = new List<Paragraph>();
        Paragraph? seqPara = null;
        string? seqLabel = null;
        ItemDraft? section = null;
        for (; i <= paragraphs.Count; i++)
        {
            var t = i < paragraphs.Count ? TableColumns.Normalise(paragraphs[i].Text) : null;
            var isNext = t is not null && SeqCell().IsMatch(t) && int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) is var n && n > last && n <= last + 300;
            var isSection = !isNext && t is not null && SectionsBeforeRow(paragraphs, i, last) >= 0;
            var isEnd = t is null || !isSection && (seqPara is not null && LabelParser.TryMatch(paragraphs[i].Text, out var lm)
                && lm.Kind is LabelKind.ChineseComma or LabelKind.Part) || (t is not null && NoiseFilter.IsChrome(paragraphs[i].Text));
            if (isNext || isEnd || isSection)
            {
                if (seqPara is not null)
                {
                    var row = BuildRow(seqPara, seqLabel!, rowLines, roles, parser, header.Exists(h => h.Contains("领导")));
                    if (section is null) table.Rows.Add(row); else { row.Parent = section; section.Children.Add(row); }
                    seqPara = null;
                }
                if (isEnd) break;
                if (isSection)
                {
                    // "一、…" between the rows: a section over the rows after it (a section with no rows stays childless).
                    LabelParser.TryMatch(paragraphs[i].Text, out var sm);
                    section = new ItemDraft
                    {
                        Kind = sm.Kind, Label = sm.Label, Number = sm.Number, Source = paragraphs[i], FirstOffset = paragraphs[i].Offset, Parser = parser,
                        Cells = new() { Heading = Cjk.RemoveSpacesBetweenHan(paragraphs[i].Text[sm.Length..].Trim()) },
                    };
                    table.Rows.Add(section);
                    continue;
                }
                seqPara = paragraphs[i];
                seqLabel = t;
                last = int.Parse(t!, System.Globalization.CultureInfo.InvariantCulture);
                rowLines.Clear();
                continue;
            }
            rowLines.Add(paragraphs[i]);
        }
        consumed = i - start;
        return table.Rows.Count > 0;
    }

    /// <summary>
    /// At <paramref name="i"/>, a run of section rows (一、…) followed by a row number above <paramref name="last"/>:
    /// the index of that number, else -1 (the body goes on after the table).
    /// </summary>
    private static int SectionsBeforeRow(IReadOnlyList<Paragraph> paragraphs, int i, int last)
    {
        var k = i;
        while (k < paragraphs.Count && k - i < 12 && LabelParser.TryMatch(paragraphs[k].Text, out var m) && m.Kind is LabelKind.ChineseComma or LabelKind.Part && paragraphs[k].Text.Length <= 60) k++;
        if (k == i || k >= paragraphs.Count) return -1;
        var t = TableColumns.Normalise(paragraphs[k].Text);
        return SeqCell().IsMatch(t) && int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) > last ? k : -1;
    }

    /// <summary>A unit cell: names split, its final 。 dropped, generic collectives (县各有关单位, 区政府有关部门) out.</summary>
    private static List<string> UnitCell(string cell) =>
        UnitNames.Split(cell.Trim().TrimEnd('。')).Select(n => n.TrimEnd('。')).Where(n => n.Length > 0 && !UnitNames.IsGeneric(n)).ToList();

    private static ItemDraft BuildRow(Paragraph seq, string label, List<Paragraph> lines, List<ColumnRole> roles, Blocks.BlockParser parser, bool leaderColumn = false)
    {
        var row = new ItemDraft { Kind = LabelKind.TableRow, Label = label, Number = int.Parse(label, System.Globalization.CultureInfo.InvariantCulture), Source = seq, FirstOffset = seq.Offset, Parser = parser };
        var hasHeading = roles.Contains(ColumnRole.Heading);
        var hasMeasures = roles.Contains(ColumnRole.Measures);
        var hasExtra = roles.Contains(ColumnRole.ExtraTask);
        string heading = "", text = "";
        string? extra = null, deadline = null;
        var units = new List<string>();
        var unitCells = new List<List<string>>();
        ItemDraft? measure = null;
        var phase = 0; // 0 heading, 1 text, 2 measures, 3 units (after the deadline cell)
        for (var k = 0; k < lines.Count; k++)
        {
            var p = lines[k];
            var t = Cjk.RemoveSpacesBetweenHan(p.Text.Trim());
            if (phase < 3 && DeadlineCell().IsMatch(t))
            {
                deadline = t;
                phase = 3;
                continue;
            }
            if (phase == 3)
            {
                var names = UnitCell(p.Text);
                units.AddRange(names);
                unitCells.Add(names);
                continue;
            }
            // After the task: a 分管领导 cell holds a person's name ("俞 悦"), no field of plan@1.
            if (leaderColumn && text.Length > 0 && PersonName().IsMatch(t) && !UnitNames.LooksLikeOrg(t)) continue;
            // Without a deadline column, the unit cells follow the task: "县教育局", "县卫健委、县财政局".
            if (phase == 1 && !hasMeasures && text.Length > 0 && !LabelParser.TryMatch(t, out _, lenientArabic: true) && t.Length <= 120 && !t.EndsWith('。') && UnitNames.LooksLikeOrg(t))
            {
                var names = UnitCell(p.Text);
                units.AddRange(names);
                unitCells.Add(names);
                phase = 3;
                continue;
            }
            var numbered = LabelParser.TryMatch(t, out var lm, lenientArabic: true) && lm.Kind is LabelKind.Arabic or LabelKind.ArabicParen or LabelKind.Circled;
            var shortLine = t.Length <= 20 && !Cjk.HasSentencePunctuation(t);
            if (phase == 0 && hasHeading && shortLine && !numbered)
            {
                heading += t;
                continue;
            }
            if (phase <= 1 && !numbered)
            {
                if (text.Length == 0) { text = t; phase = 1; continue; }
                if (hasExtra && extra is null && k + 1 < lines.Count && LabelParser.TryMatch(lines[k + 1].Text.Trim(), out var nm, true) && nm.Kind == LabelKind.Arabic)
                {
                    extra = t;
                    continue;
                }
                if (!hasMeasures) { text += t; continue; }
            }
            if (!hasMeasures && !numbered)
            {
                if (UnitNames.LooksLikeOrg(t)) { units.AddRange(UnitNames.Split(t)); continue; }
                text += t;
                continue;
            }
            phase = 2;
            if (numbered || measure is null)
            {
                measure = new ItemDraft
                {
                    Kind = LabelKind.Measure,
                    Label = numbered ? lm.Label : "",
                    Number = numbered ? lm.Number : 0,
                    Parent = row,
                    First = numbered ? t[lm.Length..].Trim() : t,
                    Source = p,
                    FirstOffset = p.Offset + (numbered ? lm.Length : 0),
                    NoHeading = true,
                };
                row.Children.Add(measure);
            }
            else
            {
                measure.First += t;
            }
        }
        if (!hasHeading && heading.Length == 0 && text.Length <= 30 && !text.Contains('。'))
        {
            heading = text;
            text = "";
        }
        // One unit line per unit column (牵头 then 配合/责任): the lines say which is which when the body gives no cue.
        var unitRoles = roles.Where(r => r is ColumnRole.Lead or ColumnRole.Support).ToList();
        List<bool>? guess = null;
        if (unitRoles.Count >= 2 && unitCells.Count == unitRoles.Count)
        {
            guess = [];
            for (var k = 0; k < unitCells.Count; k++) guess.AddRange(unitCells[k].Select(_ => unitRoles[k] == ColumnRole.Support));
        }
        row.Cells = new() { Heading = heading, Text = text, Deadline = deadline, UnplacedUnits = units, UnplacedSupport = guess };
        if (hasExtra) (row.Fields ??= [])["provincialTask"] = extra ?? "";
        return row;
    }
}
