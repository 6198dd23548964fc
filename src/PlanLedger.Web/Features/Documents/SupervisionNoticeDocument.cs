namespace PlanLedger.Web.Features.Documents;

/// <summary>A task named in a 督办单: its number or path, heading, deadline and progress as the ledger has them.</summary>
public sealed record SupervisedTask(string Number, string Heading, string? Deadline, int Progress, string? LastReport);

/// <summary>
/// What a 督办单 says, as a plain record so that any source (the supervision feature's notice entity) can fill it:
/// 编号, 督办等级 (一般/重点/特急 …), the units it goes to, the tasks, 督办事由, 反馈时限, issuer and date.
/// </summary>
public sealed record SupervisionNoticeInput(string Number, string Level, IReadOnlyList<string> Units, IReadOnlyList<SupervisedTask> Tasks,
    string Reason, DateOnly ReplyBy, string Issuer, DateOnly Date, string? Requirements = null);

/// <summary>督办单 with its 反馈单 (the form the unit sends back) on a page of its own.</summary>
public static class SupervisionNoticeDocument
{
    public static OfficialDocument Build(SupervisionNoticeInput n)
    {
        var units = string.Join("、", n.Units);
        var body = new List<DocBlock>
        {
            new DocParagraph($"督办编号：{n.Number}　　督办等级：{n.Level}", Indent: false, Align: DocAlign.Left),
            new DocParagraph($"{units}：", Indent: false, Align: DocAlign.Left),
            new DocParagraph($"根据工作任务推进情况，现对以下{n.Tasks.Count}项任务予以督办。督办事由：{Sentence(n.Reason)}"),
            new DocTable(["序号", "工作任务", "完成时限", "当前进度", "最近进展"], [8, 30, 14, 12, 30],
                n.Tasks.Select(t => new DocRow([t.Number, t.Heading, t.Deadline ?? "", $"{t.Progress}%", t.LastReport ?? "未报送"])).ToList(),
                Landscape: false),
            new DocParagraph(n.Requirements is { Length: > 0 } req ? Sentence(req)
                : "请接此督办单后，认真分析原因，制定整改措施，明确完成时间，抓紧推进落实。"),
            new DocParagraph($"请于{GongwenWriter.DateText(n.ReplyBy)}前将办理情况填写附后的督办事项反馈单报送{n.Issuer}。"),
        };
        var feedback = new List<DocBlock>
        {
            new DocPageBreak(),
            new DocTitle("督办事项反馈单"),
            new DocTable(["项目", "内容"], [20, 80],
            [
                new DocRow(["督办编号", n.Number]),
                new DocRow(["督办等级", n.Level]),
                new DocRow(["承办单位", units]),
                new DocRow(["督办事项", string.Join("\n", n.Tasks.Select(t => $"{t.Number} {t.Heading}"))]),
                new DocRow(["反馈时限", GongwenWriter.DateText(n.ReplyBy)]),
                new DocRow(["办理情况", "\n\n\n\n"]),
                new DocRow(["整改措施及完成时间", "\n\n\n"]),
                new DocRow(["单位负责人（签字）", "\n"]),
                new DocRow(["填报人及联系电话", ""]),
            ], Landscape: false),
        };
        return new OfficialDocument("督办单")
        {
            Subtitle = n.Issuer,
            Body = body,
            Attachments = ["督办事项反馈单"],
            Signature = n.Issuer,
            Date = n.Date,
            Appendix = feedback,
        };
    }

    private static string Sentence(string s)
    {
        var c = s.Trim().TrimEnd('。', '；', '，');
        return c.Length == 0 ? "" : c + "。";
    }
}
