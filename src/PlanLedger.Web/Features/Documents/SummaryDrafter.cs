using System.Text;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Documents;

/// <summary>A paragraph of the drafted 工作总结 and where its facts come from (task ids, report ids).</summary>
public sealed record SummaryPart(string Kind, string Text, string? Lead = null, IReadOnlyList<int>? TaskIds = null, IReadOnlyList<int>? ReportIds = null);

public sealed record SummaryDraft(string Title, IReadOnlyList<SummaryPart> Parts)
{
    /// <summary>The draft as editable plain text: one paragraph a line; headings keep their 一、/（一） labels.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var p in Parts) sb.Append(p.Lead).Append(p.Text).Append('\n');
        return sb.ToString();
    }
}

/// <summary>
/// Drafts the year-end 工作总结 of a plan from its ledger, by fixed templates — no fact that is not in the ledger:
/// <list type="number">
/// <item>an opening paragraph with the counts of tasks by status and of targets met;</item>
/// <item>一、主要工作完成情况: per section of the plan a （一） heading, then 一是…二是… one per task that has a standing report
///   or was closed out: its heading, its latest report text, the achieved figures beside their targets (each from the
///   report that gave it);</item>
/// <item>二、存在的问题: the tasks with a due date that are not done, their progress and their last report (or that none came);</item>
/// <item>三、下一步工作: the unfinished tasks to carry on, with their lead units.</item>
/// </list>
/// </summary>
public static class SummaryDrafter
{
    public static SummaryDraft Draft(LedgerSnapshot s, DateOnly asOf)
    {
        var parts = new List<SummaryPart>();
        var leaves = s.Leaves.ToList();
        int Count(string status) => leaves.Count(t => t.Status == status);
        var targets = leaves.SelectMany(t => t.Targets.Select(x => (Task: t, Target: x))).ToList();
        var met = targets.Count(x => s.Actual(x.Task.Id, x.Target.Id) is { } a && Figures.Met(x.Target, a.Value));
        var sections = s.Sections.Count();
        parts.Add(new SummaryPart("paragraph",
            $"{s.Plan.Year}年，{s.Issuer}围绕《{s.Plan.Title}》确定的{sections}个方面{leaves.Count}项工作任务，逐项明确牵头单位、配合单位和完成时限，" +
            $"按月调度推进。截至{GongwenWriter.DateText(asOf)}，{leaves.Count}项任务中已完成{Count("done")}项，正常推进{Count("on_track")}项，" +
            $"进度滞后{Count("at_risk")}项，逾期{Count("overdue")}项，尚未开始{Count("not_started")}项" +
            (targets.Count > 0 ? $"；{targets.Count}项量化目标中已达到目标值{met}项" : "") + "。现将有关情况总结如下。"));

        parts.Add(new SummaryPart("heading1", "一、主要工作完成情况"));
        var sectionNo = 0;
        foreach (var section in s.Sections)
        {
            var items = s.LeavesUnder(section).Where(t => s.Latest(t.Id) is not null || t.Status == "done").ToList();
            if (items.Count == 0) continue;
            parts.Add(new SummaryPart("heading2", $"（{ChineseNumbers.Of(++sectionNo)}）{section.Heading}", TaskIds: [section.Id]));
            var i = 0;
            foreach (var t in items)
            {
                var latest = s.Latest(t.Id);
                var sources = new List<int>();
                if (latest is not null) sources.Add(latest.Id);
                // the task's heading, then its latest report (once, when the report already starts with the heading)
                var sentence = new StringBuilder();
                if (latest is null || !latest.Text.TrimStart().StartsWith(Clause(t.Heading), StringComparison.Ordinal)) sentence.Append(Sentence(t.Heading));
                if (latest is not null && latest.Text.Length > 0) sentence.Append(Sentence(latest.Text));
                var figures = new List<string>();
                foreach (var x in t.Targets)
                    if (s.Actual(t.Id, x.Id) is { } a)
                    {
                        figures.Add(Figures.Achieved(x, a.Value));
                        if (!sources.Contains(a.Report.Id)) sources.Add(a.Report.Id);
                    }
                if (figures.Count > 0) sentence.Append(string.Join("，", figures)).Append('。');
                if (t.Status == "done") sentence.Append("该项任务已完成。");
                parts.Add(new SummaryPart("paragraph", sentence.ToString(), $"{ChineseNumbers.Of(++i)}是", [t.Id], sources));
            }
        }

        parts.Add(new SummaryPart("heading1", "二、存在的问题"));
        var open = leaves.Where(t => t.Status != "done" && t.DueDate is not null).ToList();
        if (open.Count == 0)
            parts.Add(new SummaryPart("paragraph", "列入台账并明确完成时限的任务均已完成。"));
        var k = 0;
        foreach (var t in open)
        {
            var latest = s.Latest(t.Id);
            var why = latest is null ? "全年未报送进展情况。"
                : latest.Text.Length > 0 ? $"{PeriodText(latest.Period)}报送：{Sentence(latest.Text)}" : $"{PeriodText(latest.Period)}报送进度{latest.Progress}%，未说明原因。";
            parts.Add(new SummaryPart("paragraph",
                $"{Clause(t.Heading)}（牵头单位：{Units(t)}，完成时限：{Deadline(t)}）未按期完成，目前进度{t.Progress}%。{why}",
                $"{ChineseNumbers.Of(++k)}是", [t.Id], latest is null ? [] : [latest.Id]));
        }

        parts.Add(new SummaryPart("heading1", "三、下一步工作"));
        var carry = leaves.Where(t => t.Status != "done").ToList();
        parts.Add(new SummaryPart("paragraph",
            carry.Count == 0 ? $"{s.Plan.Year + 1}年，将在巩固{s.Plan.Year}年工作成果的基础上，结合新一年工作要点抓好各项任务落实。"
                : $"{s.Plan.Year + 1}年，对{carry.Count}项尚未完成的任务继续跟踪推进，逐项明确时间节点，按月调度、跟踪督办，确保落实到位。"));
        var j = 0;
        foreach (var t in carry)
            parts.Add(new SummaryPart("paragraph", $"继续推进{Clause(t.Heading)}，由{Units(t)}牵头落实（目前进度{t.Progress}%）。",
                $"{ChineseNumbers.Of(++j)}是", [t.Id]));
        return new SummaryDraft($"{s.Issuer}{s.Plan.Year}年工作总结", parts);
    }

    /// <summary>The draft (or its edited text) as a 公文: headings by their labels, every other line a paragraph.</summary>
    public static OfficialDocument ToDocument(string title, string text, string issuer, DateOnly date)
    {
        var body = new List<DocBlock>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            body.Add(HeadingLevel(line) is { } level ? new DocHeading(level, line) : new DocParagraph(line));
        }
        return new OfficialDocument(title) { Body = body, Signature = issuer, Date = date };
    }

    /// <summary>一、 → 1, （一） → 2 (a short line only: a heading, not a sentence that starts with a number).</summary>
    public static int? HeadingLevel(string line)
    {
        if (line.Length > 40) return null;
        var m = System.Text.RegularExpressions.Regex.Match(line, @"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)");
        if (!m.Success) return null;
        return m.Value.StartsWith('（') ? 2 : 1;
    }

    private static string Units(TaskDto t) => t.Lead.Count > 0 ? string.Join("、", t.Lead) : "未明确单位";
    private static string Deadline(TaskDto t) => t.Deadline ?? (t.DueDate is { } d ? GongwenWriter.DateText(d) : "未明确");
    private static string PeriodText(string period) => $"{period[..4]}年{int.Parse(period[5..])}月";

    /// <summary>Text as a clause: trailing punctuation removed.</summary>
    private static string Clause(string s) => s.Trim().TrimEnd('。', '；', ';', '，', ',', '：', ':');

    /// <summary>Text as a sentence ending with 。.</summary>
    private static string Sentence(string s)
    {
        var c = Clause(s.Replace("\r", "").Replace("\n", ""));
        return c.Length == 0 ? "" : c.EndsWith('！') || c.EndsWith('？') ? c : c + "。";
    }
}
