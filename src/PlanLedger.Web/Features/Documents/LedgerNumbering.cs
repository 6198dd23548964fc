using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Documents;

/// <summary>A row of the ledger as offices number it: section rows (一、 （一）) set apart, tasks numbered 1..n through the plan.</summary>
public sealed record NumberedRow(TaskDto Task, string Number, bool IsSection, int Depth);

public static class LedgerNumbering
{
    /// <summary>
    /// Sections keep the label the document gave them (一、 for the first level, （一） for the second); the tasks that carry
    /// the work (leaves) are numbered 1, 2, … n in document order across all sections, as a 任务分解表 is written.
    /// </summary>
    public static List<NumberedRow> Rows(IReadOnlyList<TaskDto> tasks)
    {
        var parents = tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
        var depth = new Dictionary<int, int>();
        var rows = new List<NumberedRow>();
        var n = 0;
        foreach (var t in tasks.OrderBy(t => t.Order))
        {
            var d = t.ParentId is { } p && depth.TryGetValue(p, out var pd) ? pd + 1 : 0;
            depth[t.Id] = d;
            if (parents.Contains(t.Id))
                rows.Add(new NumberedRow(t, SectionLabel(t.Label, d), true, d));
            else
                rows.Add(new NumberedRow(t, (++n).ToString(System.Globalization.CultureInfo.InvariantCulture), false, d));
        }
        return rows;
    }

    private static string SectionLabel(string label, int depth)
    {
        var l = label.Trim().TrimEnd('、', '.', '．');
        if (l.Length == 0) return "";
        if (l.StartsWith('（') || l.StartsWith('(')) return l;
        return depth == 0 ? l + "、" : depth == 1 ? "（" + l + "）" : l + ".";
    }

    /// <summary>The task's text for a table cell: the heading alone, or the heading and the text when they differ.</summary>
    public static string Content(TaskDto t) => string.IsNullOrWhiteSpace(t.Text) || t.Text == t.Heading ? "" : t.Text;
}
