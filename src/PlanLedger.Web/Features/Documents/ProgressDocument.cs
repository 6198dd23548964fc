using PlanLedger.Web.Features.Export;

namespace PlanLedger.Web.Features.Documents;

/// <summary>进展情况汇总 for one reporting period: per section, every task with its units, progress and the period's report text.</summary>
public static class ProgressDocument
{
    public static OfficialDocument Build(LedgerSnapshot s, string period, DateOnly today)
    {
        var (year, month) = (int.Parse(period[..4]), int.Parse(period[5..]));
        var leaves = s.Leaves.ToList();
        var reported = leaves.Count(t => s.ForPeriod(t.Id, period) is not null);
        var done = leaves.Count(t => t.Status == "done");
        var overdue = leaves.Count(t => t.Status == "overdue");
        var body = new List<DocBlock>
        {
            new DocParagraph($"现将《{s.Plan.Title}》{year}年{month}月工作任务推进情况汇总如下。本期应报送{leaves.Count}项任务，" +
                $"已报送{reported}项，未报送{leaves.Count - reported}项；截至目前已完成{done}项，逾期{overdue}项。"),
        };
        var sectionNo = 0;
        var n = 0;
        foreach (var section in s.Sections)
        {
            sectionNo++;
            body.Add(new DocHeading(1, $"{ChineseNumbers.Of(sectionNo)}、{section.Heading}"));
            foreach (var t in s.LeavesUnder(section))
            {
                n++;
                var r = s.ForPeriod(t.Id, period);
                var units = t.Lead.Count > 0 ? $"牵头单位：{string.Join("、", t.Lead)}" : "牵头单位：未明确";
                if (t.Support.Count > 0) units += $"；配合单位：{string.Join("、", t.Support)}";
                body.Add(new DocHeading(3, $"{n}.{t.Heading}"));
                body.Add(new DocParagraph($"（{units}；进度{t.Progress}%；{LedgerExport.StatusText(t.Status)}）"));
                body.Add(new DocParagraph(r is null ? "本期未报送进展情况。" : r.Text.Length == 0 ? $"本期报送进度{r.Progress}%，未填写进展说明。" : r.Text));
            }
        }
        return new OfficialDocument($"《{s.Plan.Title}》{year}年{month}月工作任务进展情况汇总")
        {
            HeaderIssuer = s.Issuer + "督查室", DocNumber = $"督查〔{year}〕{month}号", MainRecipient = "各股室、各直属单位",
            Body = body, Signature = s.Issuer, Date = today,
        };
    }
}
