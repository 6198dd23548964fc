using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Assessment;

namespace PlanLedger.Web.Features.Documents;

/// <summary>考核结果通报: the ranking table (位次, 单位, 得分, 等次, 位次升降) and the grades by name; a draft says so in its title.</summary>
public static class AssessmentNoticeDocument
{
    public static OfficialDocument Build(AssessmentView a, DateOnly today)
    {
        var byGrade = a.Units.GroupBy(u => u.Grade).ToDictionary(g => g.Key, g => g.Select(u => u.Unit).ToList());
        string Names(string grade) => byGrade.TryGetValue(grade, out var n) ? string.Join("、", n) : "无";
        var body = new List<DocBlock>
        {
            new DocParagraph($"根据{a.Year}年度目标管理责任制考核方案，{a.Organisation}对{a.Units.Count}个单位{a.Year}年度目标任务完成情况进行了考核。" +
                "考核依据工作任务台账中的任务完成、目标达成、进展报送和逾期情况，结合综合评价、加分和扣分事项评定。现将考核结果通报如下。"),
            new DocHeading(1, "一、考核等次"),
            new DocParagraph($"优秀等次（{Count(byGrade, Scoring.Excellent)}个）：{Names(Scoring.Excellent)}。"),
            new DocParagraph($"良好等次（{Count(byGrade, Scoring.Good)}个）：{Names(Scoring.Good)}。"),
            new DocParagraph($"合格等次（{Count(byGrade, Scoring.Pass)}个）：{Names(Scoring.Pass)}。"),
            new DocParagraph($"不合格等次（{Count(byGrade, Scoring.Fail)}个）：{Names(Scoring.Fail)}。"),
            new DocHeading(1, "二、有关要求"),
            new DocParagraph("希望受到通报的优秀单位再接再厉；其他单位要对照考核扣分情况认真查找差距，制定整改措施，推动各项工作任务落实落地。"),
        };
        var indicators = a.Scheme.Indicators.Select(i => i.Name).ToList();
        var headers = new List<string> { "位次", "单位" };
        headers.AddRange(indicators.Select((n, i) => $"{n}（{Figures.Number(a.Scheme.Indicators[i].Max)}分）"));
        headers.AddRange(["加分", "扣分", "总分", "等次", "位次升降"]);
        var widths = new List<double> { 6, 18 };
        widths.AddRange(indicators.Select(_ => 10.0));
        widths.AddRange([7, 7, 8, 8, 9]);
        var rows = a.Units.Select(u =>
        {
            var cells = new List<string> { u.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Unit };
            cells.AddRange(a.Scheme.Indicators.Select(i => u.Parts.FirstOrDefault(p => p.Indicator == i.Name) is { } p ? Figures.Number(p.Score) : ""));
            cells.AddRange([Figures.Number(u.Bonus), Figures.Number(u.Penalty), Figures.Number(u.Score), u.Grade + (u.Vetoes.Count > 0 ? "（一票否决）" : ""),
                u.RankChange switch { null => "—", > 0 and var c => $"上升{c}位", < 0 and var c => $"下降{-c}位", _ => "持平" }]);
            return new DocRow(cells);
        }).ToList();
        var draft = a.State == AssessmentState.Draft ? "（征求意见稿）" : "";
        return new OfficialDocument($"关于{a.Year}年度目标管理责任制考核结果的通报{draft}")
        {
            HeaderIssuer = a.Organisation + "文件",
            DocNumber = $"考核〔{a.Year}〕1号",
            MainRecipient = "各股室、各直属单位",
            Body = body,
            Attachments = [$"{a.Year}年度目标管理责任制考核结果排名表"],
            Signature = a.Organisation,
            Date = today,
            Appendix =
            [
                new DocTable(headers, widths, rows, Landscape: true, Caption: $"{a.Year}年度目标管理责任制考核结果排名表"),
            ],
        };
    }

    private static int Count(Dictionary<string, List<string>> byGrade, string grade) => byGrade.TryGetValue(grade, out var n) ? n.Count : 0;
}
