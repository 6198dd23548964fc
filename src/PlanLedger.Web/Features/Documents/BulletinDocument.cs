namespace PlanLedger.Web.Features.Documents;

/// <summary>One row of a bulletin's 问题清单.</summary>
public sealed record BulletinFinding(int Number, string Unit, string Severity, string Description, string Tasks, string Requirement,
    DateOnly Deadline, string Status);

/// <summary>What a 督导通报 says (as the office edited it): title, the four parts, the 问题清单, issuer and date.</summary>
public sealed record BulletinInputDoc(string Title, string Overview, string GoodPractice, string Findings, string Requirements,
    IReadOnlyList<string> Recipients, IReadOnlyList<BulletinFinding> List, string Issuer, DateOnly Date, bool Draft);

/// <summary>
/// 督导通报 in 公文 layout: 主送 the visited units, 一、督导基本情况 / 二、好的做法 / 三、存在的问题 / 四、整改要求 (each line of the
/// edited text one paragraph; a line the text numbers "一、某校" inside a part becomes the second level "（一）某校"), 附件说明, 落款, 成文日期, then
/// 附件 问题清单 as a landscape table.
/// </summary>
public static class BulletinDocument
{
    public static OfficialDocument Build(BulletinInputDoc b)
    {
        var body = new List<DocBlock>();
        void Part(string heading, string text)
        {
            var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length == 0) return;
            body.Add(new DocHeading(1, heading));
            foreach (var line in lines)
                body.Add(IsSubheading(line) ? new DocHeading(2, $"（{line[..line.IndexOf('、')]}）{line[(line.IndexOf('、') + 1)..]}") : new DocParagraph(line));
        }
        Part("一、督导基本情况", b.Overview);
        Part("二、好的做法", b.GoodPractice);
        Part("三、存在的问题", b.Findings.Length > 0 ? b.Findings : "本次督导未发现问题。");
        Part("四、整改要求", b.Requirements);
        // the landscape table starts its own page; its caption is the attachment's title (as the 考核结果通报 does)
        var appendix = new List<DocBlock>
        {
            new DocTable(["序号", "单位", "问题等级", "问题描述", "关联任务", "整改要求", "整改期限", "状态"],
                [5, 12, 7, 26, 14, 22, 10, 9],
                b.List.Select(f => new DocRow([f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Unit, f.Severity,
                    f.Description, f.Tasks, f.Requirement, GongwenWriter.DateText(f.Deadline), f.Status])).ToList(),
                Landscape: true, Caption: "问题清单"),
        };
        return new OfficialDocument(b.Title)
        {
            Subtitle = b.Draft ? "（草稿）" : null,
            MainRecipient = b.Recipients.Count > 0 ? string.Join("、", b.Recipients) : null,
            Body = body,
            Attachments = ["问题清单"],
            Signature = b.Issuer,
            Date = b.Date,
            Appendix = appendix,
        };
    }

    /// <summary>"一、某校（2 个）" — a line the drafted 存在的问题 uses to head a unit's findings.</summary>
    private static bool IsSubheading(string line) =>
        line.Length < 60 && line.IndexOf('、') is > 0 and <= 3 && line[..line.IndexOf('、')].All(c => "一二三四五六七八九十".Contains(c));
}
