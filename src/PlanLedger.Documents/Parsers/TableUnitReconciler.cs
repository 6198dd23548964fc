using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// A flattened task table loses its empty cells, so the unit names after a row's deadline cannot be
/// placed in 牵头 or 配合 by position. They are placed by the body's own parenthetical for the same task
/// (matched by heading): a name the body lists as lead is lead, as support is support (abbreviations such
/// as 文广旅局 match 市文化广播电视和旅游局); names with no match take the table's prevailing role.
/// </summary>
internal static class TableUnitReconciler
{
    public static void Reconcile(List<ItemDraft> roots, PlanDocument doc)
    {
        var items = doc.Descendants().ToList();
        var bodyTasks = items.Where(i => i.Kind != LabelKind.TableRow && (i.Lead.Count > 0 || i.Support.Count > 0)).ToList();
        var rows = items.Where(i => i.Kind == LabelKind.TableRow).ToList();
        var drafts = new List<ItemDraft>();
        CollectRows(roots, drafts);
        if (rows.Count != drafts.Count) return;

        // The first body task of each heading, looked up per row (a scan of every body task per row grew with the square of a long document).
        var byHeading = new Dictionary<string, PlanItem>(StringComparer.Ordinal);
        foreach (var b in bodyTasks) if (b.Heading.Length > 0) byHeading.TryAdd(b.Heading, b);
        var placed = new List<(PlanItem Row, string Name, bool? Support)>();
        var guesses = new Dictionary<PlanItem, List<bool>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var names = drafts[i].Cells?.UnplacedUnits;
            if (names is null || names.Count == 0) continue;
            if (drafts[i].Cells?.UnplacedSupport is { } g && g.Count == names.Count) guesses[rows[i]] = g;
            var body = byHeading.GetValueOrDefault(rows[i].Heading);
            foreach (var n in names)
            {
                bool? support = null;
                if (body is not null)
                {
                    if (body.Support.Any(s => UnitNames.Same(s, n))) support = true;
                    else if (body.Lead.Any(s => UnitNames.Same(s, n))) support = false;
                }
                placed.Add((rows[i], n, support));
            }
        }
        var supportVotes = placed.Count(p => p.Support == true);
        var leadVotes = placed.Count(p => p.Support == false);
        foreach (var group in placed.GroupBy(p => p.Row))
        {
            var list = group.ToList();
            var rowSupport = list.Count(p => p.Support == true);
            var rowLead = list.Count(p => p.Support == false);
            for (var k = 0; k < list.Count; k++)
            {
                var (row, name, support) = list[k];
                var isSupport = support ?? (rowSupport + rowLead > 0
                    ? rowSupport >= rowLead
                    : supportVotes + leadVotes > 0 ? supportVotes >= leadVotes : guesses.TryGetValue(row, out var g) ? g[k] : k > 0);
                (isSupport ? row.Support : row.Lead).Add(name);
            }
        }
    }

    /// <summary>The table rows among the drafts, depth first in document order (a nested iterator per item cost a
    /// tenth of a long document's reconciliation).</summary>
    private static void CollectRows(List<ItemDraft> items, List<ItemDraft> rows)
    {
        foreach (var i in items)
        {
            if (i.Kind == LabelKind.TableRow) rows.Add(i);
            CollectRows(i.Children, rows);
        }
    }
}
