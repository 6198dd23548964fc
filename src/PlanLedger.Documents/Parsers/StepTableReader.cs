using System.Text.RegularExpressions;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// A task table without 序号 whose columns are 工作任务 | 任务分解/时序进度 | 考核要点 (often inside a web form):
/// each task cell, spanning its step rows, is an item (label "", heading "", text = the task); each step row is
/// its child (label "", heading = the step without its leading time, deadline = that time, text = the 考核要点
/// cell). Radio buttons, score boxes, ${…} placeholders and empty cells are noise.
/// </summary>
internal static partial class StepTableReader
{
    /// <summary>The time a step cell opens with: 3月, 4月初, 3~6月, 7月-11月, 4月、9月 (first), 全年 (none).</summary>
    [GeneratedRegex(@"^(?<t>(?:\d{1,2}\s*月?\s*[~～\-—至到]\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:初|中旬|上旬|下旬|底|末|份)?(?:前)?|全年|年内|年底前?|上半年|下半年|[一二三四]季度)(?<more>(?:\s*[、和]\s*\d{1,2}\s*月(?:初|中旬|上旬|下旬|底|末|份)?)*)\s*(?:[：:，,]\s*|\s+|(?=[\p{IsCJKUnifiedIdeographs}]))")]
    private static partial Regex LeadingTime();

    [GeneratedRegex(@"^\$\{[^}]*\}$|^[○●◯□■☐☑√×\s]*$")]
    private static partial Regex NoiseCell();

    public static bool Applies(List<ColumnRole> roles) =>
        roles.Contains(ColumnRole.Step) && (roles.Contains(ColumnRole.Text) || roles.Contains(ColumnRole.Heading)) && !roles.Contains(ColumnRole.Seq);

    public static TaskTable Read(IReadOnlyList<IReadOnlyList<string>> rows, int line, int headerIndex, List<ColumnRole> roles, int offset, Blocks.BlockParser parser)
    {
        var table = new TaskTable();
        var taskCol = roles.IndexOf(ColumnRole.Text) >= 0 ? roles.IndexOf(ColumnRole.Text) : roles.IndexOf(ColumnRole.Heading);
        var stepCol = roles.IndexOf(ColumnRole.Step);
        var checkCol = roles.IndexOf(ColumnRole.Check);
        ItemDraft? task = null;
        string? taskText = null;
        var next = offset + RealTableReader.RowLine(rows[headerIndex]).Length + 1;
        foreach (var row in rows.Skip(headerIndex + 1))
        {
            // Each row is a line of the clean source text: the row's item sits there.
            var source = new Paragraph(RealTableReader.RowLine(row), line, next);
            next += source.Text.Length + 1;
            string Cell(int c) => c >= 0 && c < row.Count ? Clean(row[c]) : "";
            var t = Cell(taskCol);
            var step = Cell(stepCol);
            var check = Cell(checkCol);
            if (t.Length == 0 && step.Length == 0 && check.Length == 0) continue;
            if (t.Length > 0 && t != taskText)
            {
                taskText = t;
                task = new ItemDraft { Kind = LabelKind.TableRow, Label = "", Source = source, FirstOffset = source.Offset, Parser = parser, Cells = new() { Text = t } };
                table.Rows.Add(task);
            }
            if (task is null || step.Length == 0 && check.Length == 0) continue;
            string? deadline = null;
            var m = LeadingTime().Match(step);
            if (m.Success && m.Length < step.Length)
            {
                var time = m.Groups["t"].Value.Replace(" ", "", StringComparison.Ordinal);
                deadline = time == "全年" ? null : time;
                step = step[m.Length..].Trim();
            }
            var lead = new List<string>();
            var support = new List<string>();
            for (var c = 0; c < row.Count && c < roles.Count; c++)
            {
                if (roles[c] == ColumnRole.Lead) UnitNames.AddWithMarkers(UnitNames.SplitNote(Clean(row[c])), false, lead, support);
                else if (roles[c] == ColumnRole.Support) UnitNames.AddWithMarkers(UnitNames.SplitNote(Clean(row[c])), true, lead, support);
                else if (roles[c] == ColumnRole.Deadline && deadline is null && Clean(row[c]).Length > 0) deadline = Clean(row[c]);
            }
            var child = new ItemDraft
            {
                Kind = LabelKind.TableRow, Label = "", Parent = task, Source = source, FirstOffset = source.Offset, Parser = parser,
                Cells = new() { Heading = step, Text = check, Deadline = deadline, Lead = lead, Support = support },
            };
            task.Children.Add(child);
        }
        return table;
    }

    private static string Clean(string cell)
    {
        var c = NoiseFilter.CleanInline(cell.Trim());
        var lines = c.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !NoiseCell().IsMatch(l));
        return Cjk.RemoveSpacesBetweenHan(string.Concat(lines)).Trim();
    }
}
