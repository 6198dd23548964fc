using System.Text.RegularExpressions;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Rebuilds a task table that a web page flattened into one cell per line: a header run
/// (序号 / 国家意见 / 工作任务 / 具体措施 / 完成时限 / 牵头单位 / 配合单位, a header cell may wrap over two
/// lines) followed by rows that each start with their 序号 (1, 2, 3 …). Empty cells are lost in such
/// pages, so cells are told apart by what they hold: short title lines, the task sentence, numbered
/// measures, the deadline cell, then unit names.
/// </summary>
internal static partial class FlatTableReader
{
    [GeneratedRegex(@"^(?:长期坚持|长期|持续推进|持续开展|常态化推进|常态化|年内|年底前?|年末|全年|上半年|下半年|[一二三四]季度(?:末|底)?|(?:\d{4}\s*年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|中旬|上旬|下旬)?(?:前|以前)?(?:完成)?|\d{4}\s*年(?:底|末|前|年底)?(?:前)?(?:完成)?|\d{4}\s*[-—至~]\s*\d{4}\s*年|\d{4}\s*年\s*\d{1,2}\s*月\s*[-—至~]\s*\d{1,2}\s*月)$")]
    public static partial Regex DeadlineCell();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex SeqCell();

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
        if (header.Count < 3 || i >= paragraphs.Count || TableColumns.Normalise(paragraphs[i].Text) != "1") return false;
        var roles = TableColumns.Roles(header);

        var expected = 1;
        var rowLines = new List<Paragraph>();
        Paragraph? seqPara = null;
        for (; i <= paragraphs.Count; i++)
        {
            var t = i < paragraphs.Count ? TableColumns.Normalise(paragraphs[i].Text) : null;
            var isNext = t is not null && t == expected.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var isEnd = t is null || (seqPara is not null && LabelParser.TryMatch(paragraphs[i].Text, out var lm)
                && lm.Kind is LabelKind.ChineseComma or LabelKind.Part) || (t is not null && NoiseFilter.IsChrome(paragraphs[i].Text));
            if (isNext || isEnd)
            {
                if (seqPara is not null) table.Rows.Add(BuildRow(seqPara, (expected - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), rowLines, roles, parser));
                if (isEnd) break;
                seqPara = paragraphs[i];
                rowLines.Clear();
                expected++;
                continue;
            }
            rowLines.Add(paragraphs[i]);
        }
        consumed = i - start;
        return table.Rows.Count > 0;
    }

    private static ItemDraft BuildRow(Paragraph seq, string label, List<Paragraph> lines, List<ColumnRole> roles, Blocks.BlockParser parser)
    {
        var row = new ItemDraft { Kind = LabelKind.TableRow, Label = label, Number = int.Parse(label, System.Globalization.CultureInfo.InvariantCulture), Source = seq, FirstOffset = seq.Offset, Parser = parser };
        var hasHeading = roles.Contains(ColumnRole.Heading);
        var hasMeasures = roles.Contains(ColumnRole.Measures);
        var hasExtra = roles.Contains(ColumnRole.ExtraTask);
        string heading = "", text = "";
        string? extra = null, deadline = null;
        var units = new List<string>();
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
                units.AddRange(UnitNames.Split(p.Text));
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
        row.Cells = new() { Heading = heading, Text = text, Deadline = deadline, UnplacedUnits = units };
        if (hasExtra) (row.Fields ??= [])["provincialTask"] = extra ?? "";
        return row;
    }
}
