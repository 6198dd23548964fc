namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// A 任务分工方案 often restates its body's tasks in an attachment table (附件 分工表): the same tasks in the same order,
/// with the table's units, deadlines and measures. The ledger keeps one task per body item / table row pair — the body's
/// place, heading and text; the table's units (where it names them), deadline and measures — instead of both copies.
/// The pairing is made only when the table really restates the body: at least half of its rows (and two) match a body
/// item, in order, by heading; a row left between two pairs is paired by position when the gaps on both sides agree.
/// </summary>
public static class AttachmentPairing
{
    public static void Pair(List<ImportedTask> roots)
    {
        foreach (var attachment in roots.Where(IsAttachment).ToList())
        {
            var rows = new List<(ImportedTask Row, ImportedTask Parent)>();
            CollectRows(attachment, rows);
            var body = roots.Where(r => !IsAttachment(r)).SelectMany(r => r.SelfAndDescendants())
                .Where(t => t.Children.Count == 0 && !t.IsTableRow && t.Heading.Length > 0).ToList();
            var (match, byHeading) = Align(rows.Select(r => r.Row.Heading).ToList(), body.Select(b => b.Heading).ToList());
            if (byHeading < Math.Max(2, (rows.Count + 1) / 2)) continue;
            for (var i = 0; i < rows.Count; i++)
            {
                if (match[i] < 0) continue;
                var (row, parent) = rows[i];
                Merge(body[match[i]], row, attachment, i);
                parent.Children.Remove(row);
            }
            if (!attachment.SelfAndDescendants().Any(t => t.IsTableRow)) roots.Remove(attachment);
        }
    }

    private static bool IsAttachment(ImportedTask t) =>
        t.Label.StartsWith("附件", StringComparison.Ordinal) && t.SelfAndDescendants().Any(d => d.IsTableRow);

    private static void CollectRows(ImportedTask t, List<(ImportedTask, ImportedTask)> rows)
    {
        foreach (var c in t.Children)
        {
            if (c.IsTableRow) rows.Add((c, t));
            else CollectRows(c, rows);
        }
    }

    /// <summary>For each row, the index of the body item it restates, or -1; and how many pairs the headings made.</summary>
    internal static (int[] Match, int ByHeading) Align(IReadOnlyList<string> rows, IReadOnlyList<string> body)
    {
        var match = Enumerable.Repeat(-1, rows.Count).ToArray();
        var anchors = new List<(int Row, int Body)> { (-1, -1) };
        var next = 0;
        for (var i = 0; i < rows.Count; i++)
            for (var k = next; k < body.Count && k <= next + 3; k++)
                if (Similar(rows[i], body[k])) { match[i] = k; next = k + 1; anchors.Add((i, k)); break; }
        var byHeading = anchors.Count - 1;
        anchors.Add((rows.Count, body.Count));
        // Rows between two pairs whose gap equals the body's gap there restate those body items: paired by position.
        for (var a = 1; a < anchors.Count; a++)
        {
            var (r0, b0) = anchors[a - 1];
            var (r1, b1) = anchors[a];
            if (r1 - r0 > 1 && r1 - r0 == b1 - b0)
                for (var g = 1; g < r1 - r0; g++) match[r0 + g] = b0 + g;
        }
        return (match, byHeading);
    }

    /// <summary>Two headings name the same task: equal or one inside the other once punctuation is gone, or most of their character pairs shared.</summary>
    internal static bool Similar(string a, string b)
    {
        a = Normal(a); b = Normal(b);
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b || (Math.Min(a.Length, b.Length) >= 4 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)))) return true;
        var pa = Pairs(a); var pb = Pairs(b);
        if (pa.Count == 0 || pb.Count == 0) return false;
        var shared = pa.Count(pb.Contains);
        return 2.0 * shared / (pa.Count + pb.Count) >= 0.5;
    }

    private static string Normal(string s) => new(s.Where(char.IsLetterOrDigit).ToArray());

    private static HashSet<string> Pairs(string s) => Enumerable.Range(0, Math.Max(0, s.Length - 1)).Select(i => s.Substring(i, 2)).ToHashSet();

    private static void Merge(ImportedTask body, ImportedTask row, ImportedTask attachment, int rowIndex)
    {
        body.Paired = new PairedRow(attachment.Label, attachment.Heading, attachment.Span.Offset, attachment.Span.Length, rowIndex,
            Side(row), row.Targets.Select(t => new PairedTarget(t.Text, t.Value, t.Unit, t.Op, t.Span.Offset, t.Span.Length)).ToList(),
            Side(body));
        if (row.Lead.Count > 0) body.Lead = [.. row.Lead];
        if (row.Support.Count > 0) body.Support = [.. row.Support];
        body.Deadline = row.Deadline ?? body.Deadline;
        if (body.Heading.Length == 0) body.Heading = row.Heading;
        if (body.Text.Length == 0) body.Text = row.Text;
        body.Children = row.Children;
        body.IsTableRow = true;
    }

    private static PairedSide Side(ImportedTask t) =>
        new(t.Label, t.Heading, t.Text, [.. t.Lead], [.. t.Support], t.Deadline, t.Span.Offset, t.Span.Length);
}
