using PlanLedger.Documents.Syntax;

namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// How the parsed tree becomes ledger tasks (the engine's output stays as it is):
/// <list type="bullet">
/// <item>an attachment table that restates the body is paired with it (<see cref="AttachmentPairing"/>);</item>
/// <item>a task-table row is one task; its numbered measures (具体措施) are its children and inherit the row's units and
/// deadline unless they state their own; a single unnumbered measures cell is the row's text, not a child;</item>
/// <item>no task has an empty name: one without a heading is named by the first clause of its text;</item>
/// <item>every leaf task has a lead unit when an ancestor names one (the nearest), so it has an owner.</item>
/// </list>
/// </summary>
public static class LedgerShaper
{
    public const int NameLength = 40;

    public static List<ImportedTask> Shape(IReadOnlyList<PlanItem> items)
    {
        var roots = items.Select(ImportedTask.From).ToList();
        AttachmentPairing.Pair(roots);
        foreach (var row in roots.SelectMany(r => r.SelfAndDescendants()).Where(t => t.IsTableRow).ToList())
            ShapeRow(row);
        foreach (var t in roots.SelectMany(r => r.SelfAndDescendants()))
            if (t.Heading.Length == 0) t.Heading = Name(t);
        InheritLead(roots, []);
        return roots;
    }

    private static void ShapeRow(ImportedTask row)
    {
        if (row.Children is [{ Label: "", Children.Count: 0 } only])
        {
            row.Text = row.Text.Length == 0 ? only.Text : row.Text + "\n" + only.Text;
            row.Targets.AddRange(only.Targets);
            if (only.Lead.Count > 0 && row.Lead.Count == 0) row.Lead = only.Lead;
            row.Deadline ??= only.Deadline;
            row.Children = [];
            return;
        }
        foreach (var measure in row.Children.SelectMany(c => c.SelfAndDescendants()))
        {
            if (measure.Lead.Count == 0 && measure.Support.Count == 0)
            {
                measure.Lead = [.. row.Lead];
                measure.Support = [.. row.Support];
            }
            measure.Deadline ??= row.Deadline;
        }
    }

    /// <summary>The first clause of the text (up to 。；，：！？ or a line break), shortened to <see cref="NameLength"/> characters.</summary>
    public static string Name(ImportedTask t) => Name(t.Text, t.Label);

    /// <summary>The name of a task without a heading: the first clause of <paramref name="text"/>, else its label.</summary>
    public static string Name(string text, string label)
    {
        text = text.Trim();
        var end = text.IndexOfAny(['。', '；', ';', '，', ',', '：', ':', '！', '？', '\n']);
        var clause = (end < 0 ? text : text[..end]).Trim();
        if (clause.Length == 0) clause = text;
        if (clause.Length > NameLength) clause = clause[..(NameLength - 1)] + "…";
        return clause.Length > 0 ? clause : label.Length > 0 ? label : "未命名任务";
    }

    private static void InheritLead(List<ImportedTask> tasks, List<string> lead)
    {
        foreach (var t in tasks)
        {
            if (t.Children.Count == 0)
            {
                if (t.Lead.Count == 0 && lead.Count > 0) t.Lead = [.. lead];
            }
            else InheritLead(t.Children, t.Lead.Count > 0 ? t.Lead : lead);
        }
    }
}
