using System.Text;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Renderers;

/// <summary>A readable indented outline of a plan, with targets, units and deadlines marked.</summary>
public static class OutlineRenderer
{
    public static string Render(PlanDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("标题 Title: ").AppendLine(doc.Title ?? "—");
        sb.Append("发文机关 Issuer: ").AppendLine(doc.Issuer ?? "—");
        sb.Append("年度 Year: ").AppendLine(doc.Year?.ToString() ?? "—");
        sb.Append("日期 Date: ").AppendLine(doc.Date ?? "—");
        sb.Append("文号 No.: ").AppendLine(doc.DocNumber ?? "—");
        sb.AppendLine();
        foreach (var item in doc.Items) RenderItem(sb, item, 0);
        var all = doc.Descendants().ToList();
        sb.AppendLine();
        sb.Append("条目 items: ").Append(all.Count)
          .Append("  目标 targets: ").Append(all.Sum(i => i.Targets.Count))
          .Append("  有责任单位 with units: ").Append(all.Count(i => i.Lead.Count + i.Support.Count > 0))
          .Append("  有时限 with deadline: ").Append(all.Count(i => i.Deadline is not null))
          .AppendLine();
        return sb.ToString();
    }

    private static void RenderItem(StringBuilder sb, PlanItem item, int depth)
    {
        var indent = new string(' ', depth * 2);
        sb.Append(indent).Append(item.Label.Length > 0 ? item.Label : "·").Append(' ');
        var heading = item.Heading.Length > 0 ? item.Heading : Shorten(item.Text, 40);
        sb.AppendLine(heading);
        if (item.Lead.Count > 0) sb.Append(indent).Append("    [牵头] ").AppendLine(string.Join("、", item.Lead));
        if (item.Support.Count > 0) sb.Append(indent).Append("    [配合] ").AppendLine(string.Join("、", item.Support));
        if (item.Deadline is not null) sb.Append(indent).Append("    [时限] ").AppendLine(item.Deadline);
        foreach (var t in item.Targets)
            sb.Append(indent).Append("    [目标] ").Append(t.Text).Append("  → ").Append(t.Op).Append(' ')
              .Append(t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).AppendLine(t.Unit);
        foreach (var c in item.Children) RenderItem(sb, c, depth + 1);
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
