namespace PlanLedger.Web.Data.Entities;

/// <summary>督导通报: the bulletin of a round, drafted by the system, edited by the office, then published (no edits after).</summary>
public sealed class InspectionBulletin
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public InspectionRound? Round { get; set; }
    public string Title { get; private set; } = "";
    /// <summary>督导基本情况: what was inspected.</summary>
    public string Overview { get; private set; } = "";
    /// <summary>好的做法: good practice.</summary>
    public string GoodPractice { get; private set; } = "";
    /// <summary>存在的问题: the findings by unit.</summary>
    public string Findings { get; private set; } = "";
    /// <summary>整改要求: requirements and deadlines.</summary>
    public string Requirements { get; private set; } = "";
    public DateTimeOffset DraftedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedByName { get; private set; }

    public bool Published => PublishedAt is not null;

    public string? Edit(string title, string overview, string goodPractice, string findings, string requirements)
    {
        if (Published) return "通报已印发，不能修改";
        if (string.IsNullOrWhiteSpace(title)) return "请填写通报标题";
        if (new[] { overview, goodPractice, findings, requirements }.Any(t => t.Length > 20000)) return "每部分不超过 20000 字";
        if (title.Length > 200) return "标题不超过 200 字";
        (Title, Overview, GoodPractice, Findings, Requirements) = (title.Trim(), overview.Trim(), goodPractice.Trim(), findings.Trim(), requirements.Trim());
        return null;
    }

    public string? Publish(string byName, DateTimeOffset now)
    {
        if (Published) return "通报已印发";
        PublishedAt = now;
        PublishedByName = byName;
        return null;
    }
}
