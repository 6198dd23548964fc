using System.Globalization;
using System.Text;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Tests.Specs;

/// <summary>
/// The compact form the spec files write expected trees in: one line an item
/// (<c>label | heading | text</c>, indented two spaces a level) and one line a field below it
/// (<c>目标 24处 = 24 处</c>, <c>牵头 …</c>, <c>配合 …</c>, <c>时限 …</c>); document fields first (<c>title: …</c>).
/// </summary>
internal static class SpecRenderer
{
    public static string Render(PlanDocument doc, bool withMeta, bool positions = false)
    {
        var sb = new StringBuilder();
        if (withMeta)
        {
            if (doc.Title is not null) sb.Append("title: ").AppendLine(doc.Title);
            if (doc.Issuer is not null) sb.Append("issuer: ").AppendLine(doc.Issuer);
            if (doc.Year is not null) sb.Append("year: ").AppendLine(doc.Year.Value.ToString(CultureInfo.InvariantCulture));
            if (doc.Date is not null) sb.Append("date: ").AppendLine(doc.Date);
            if (doc.DocNumber is not null) sb.Append("docNumber: ").AppendLine(doc.DocNumber);
        }
        foreach (var item in doc.Items) Render(sb, item, 0, positions ? doc.SourceText : null);
        return sb.ToString().TrimEnd();
    }

    private static void Render(StringBuilder sb, PlanItem item, int depth, string? source)
    {
        var indent = new string(' ', depth * 2);
        sb.Append(indent).Append(item.Label).Append(" | ").Append(item.Heading).Append(" | ").Append(item.Text.Replace("\n", "⏎"));
        if (source is not null)
        {
            // Where the item sits: line, and the first characters of the source text at its offset.
            var s = item.Span;
            var at = s.Offset >= 0 && s.Offset < source.Length ? source.Substring(s.Offset, Math.Min(6, source.Length - s.Offset)).Replace("\n", "⏎") : "";
            sb.Append(" @").Append(s.Line.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s.Offset.ToString(CultureInfo.InvariantCulture)).Append(" «").Append(at).Append('»');
        }
        sb.AppendLine();
        foreach (var t in item.Targets)
            sb.Append(indent).Append("  目标 ").Append(t.Text).Append(' ').Append(t.Op).Append(' ')
              .Append(t.Value.ToString(CultureInfo.InvariantCulture)).Append(' ').AppendLine(t.Unit).Replace("  \n", "\n");
        if (item.Lead.Count > 0) sb.Append(indent).Append("  牵头 ").AppendLine(string.Join("、", item.Lead));
        if (item.Support.Count > 0) sb.Append(indent).Append("  配合 ").AppendLine(string.Join("、", item.Support));
        if (item.Deadline is not null) sb.Append(indent).Append("  时限 ").AppendLine(item.Deadline);
        foreach (var c in item.Children) Render(sb, c, depth + 1, source);
    }
}
