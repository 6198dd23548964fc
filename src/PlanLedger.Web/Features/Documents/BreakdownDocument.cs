namespace PlanLedger.Web.Features.Documents;

/// <summary>任务分解表: the ledger as a Word table on landscape pages (序号, 工作任务, 具体内容, 目标, 牵头单位, 配合单位, 完成时限).</summary>
public static class BreakdownDocument
{
    public static readonly string[] Headers = ["序号", "工作任务", "具体内容", "目标", "牵头单位", "配合单位", "完成时限"];
    private static readonly double[] Widths = [9, 22, 42, 24, 16, 16, 15];

    public static OfficialDocument Build(LedgerSnapshot s, DateOnly today)
    {
        var rows = new List<DocRow>();
        foreach (var r in LedgerNumbering.Rows(s.Tasks))
        {
            if (r.IsSection) { rows.Add(new DocRow([$"{r.Number}{r.Task.Heading}"], Emphasis: true)); continue; }
            var t = r.Task;
            rows.Add(new DocRow([r.Number, t.Heading, LedgerNumbering.Content(t), string.Join("；", t.Targets.Select(x => x.Text)),
                string.Join("、", t.Lead), string.Join("、", t.Support), t.Deadline ?? (t.DueDate is { } d ? GongwenWriter.DateText(d) : "")]));
        }
        return new OfficialDocument($"《{s.Plan.Title}》任务分解表")
        {
            Body =
            [
                new DocParagraph($"为抓好《{s.Plan.Title}》的贯彻落实，现将{s.Plan.Year}年度工作任务分解如下，请各牵头单位会同配合单位逐项抓好落实，并按月报送进展情况。"),
                new DocTable(Headers, Widths, rows, Landscape: true, Caption: "任务分解表"),
            ],
            Signature = s.Issuer,
            Date = today,
        };
    }
}
