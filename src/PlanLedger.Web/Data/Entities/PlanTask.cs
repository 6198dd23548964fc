namespace PlanLedger.Web.Data.Entities;

/// <summary>任务: one numbered part of a plan, with its units, deadline, targets and progress.</summary>
public sealed class PlanTask : IVersioned
{
    /// <summary>Grows with every edit; sent back by pages and API to detect a stale write (409).</summary>
    public int Version { get; set; }
    /// <summary>Computed from reports and children: their changes are not edits and do not change <see cref="Version"/>.</summary>
    public static readonly string[] Derived = [nameof(Progress), nameof(Status), nameof(LastReportPeriod)];
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? ParentId { get; set; }
    public PlanTask? Parent { get; set; }
    /// <summary>Labels from the top, e.g. "三/7".</summary>
    public string Path { get; set; } = "";
    /// <summary>Document order within the plan (0-based).</summary>
    public int Order { get; set; }
    public int Level { get; set; }
    public string Label { get; set; } = "";
    public string Heading { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>The longest task text accepted on the review page (the column itself is unbounded text).</summary>
    public const int MaxTextLength = 100_000;
    /// <summary>完成时限 as written.</summary>
    public string? Deadline { get; set; }
    /// <summary>The computed due date (see <see cref="Features.Tasks.StatusRules"/>).</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>Top-level section label (一, 二 …) for filtering by section.</summary>
    public string Section { get; set; } = "";
    /// <summary>Lead unit names as written, joined with "、" (for display and export).</summary>
    public string LeadNames { get; set; } = "";
    public string SupportNames { get; set; } = "";
    public int Progress { get; set; }
    public PlanTaskStatus Status { get; set; }
    public string? LastReportPeriod { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int SpanOffset { get; set; }
    public int SpanLength { get; set; }
    /// <summary>
    /// JSON (<see cref="Features.Plans.PairedRow"/>) when this body item absorbed the attachment-table row that restates it:
    /// both sides as written, so that the review page can show the pairing and undo it.
    /// </summary>
    public string? PairedRow { get; set; }
    public List<TaskUnit> Units { get; } = [];
    public List<TaskTarget> Targets { get; } = [];

    /// <summary>Replaces the task's lead and supporting units with these names as written, mapped onto the directory.</summary>
    public void SetUnits(IEnumerable<string> lead, IEnumerable<string> support, IReadOnlyList<Unit> directory)
    {
        Units.Clear();
        foreach (var name in lead)
            Units.Add(new TaskUnit { Role = UnitRole.Lead, Name = Clip(name, 200), UnitId = Features.Admin.UnitMatcher.Match(name, directory)?.Id });
        foreach (var name in support)
            Units.Add(new TaskUnit { Role = UnitRole.Support, Name = Clip(name, 200), UnitId = Features.Admin.UnitMatcher.Match(name, directory)?.Id });
        LeadNames = Clip(string.Join("、", lead), 1000);
        SupportNames = Clip(string.Join("、", support), 1000);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>The status light: not_started, on_track (绿), at_risk (黄), overdue (红), done (销号).</summary>
public enum PlanTaskStatus { NotStarted, OnTrack, AtRisk, Overdue, Done }
