using System.ComponentModel.DataAnnotations;
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
    /// <summary>销号: when the office accepted completion. A concurrency token: two close-outs, or a close-out and a
    /// report, cannot both commit on the same version of the task.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public string? CloseReason { get; private set; }
    public string? ClosedByName { get; private set; }
    /// <summary>常态落实: a standing duty (长期坚持/常态化) — reported on, never done.</summary>
    public bool Ongoing { get; set; }
    /// <summary>Where the task comes from: the plan document, or a matter the office registered (领导批示件 …).</summary>
    public TaskSource Source { get; set; }
    public int SpanOffset { get; set; }
    public int SpanLength { get; set; }
    /// <summary>
    /// JSON (<see cref="Features.Plans.PairedRow"/>) when this body item absorbed the attachment-table row that restates it:
    /// both sides as written, so that the review page can show the pairing and undo it.
    /// </summary>
    public string? PairedRow { get; set; }
    /// <summary>Room for the JSON of <see cref="PairedRow"/>: both sides' texts (each at most a task text) and the row's targets.</summary>
    public const int MaxPairedRowLength = 2 * MaxTextLength + 50_000;
    /// <summary>上年任务: the task of last year's plan this one continues — a pair the office confirmed on 上年对照, or the
    /// task it was carried over from (<see cref="CarriedOver"/>). The chain of these links is the task's history across years.</summary>
    public int? PreviousTaskId { get; private set; }
    /// <summary>结转: created in this year's plan from last year's unfinished task.</summary>
    public bool CarriedOver { get; private set; }

    /// <summary>Confirms (or, with null, clears) the pair with last year's task; a task cannot continue itself or one of its own plan.</summary>
    public void ContinueFrom(PlanTask? previous, bool carriedOver = false)
    {
        if (previous is not null && (previous.Id == Id || previous.PlanId == PlanId))
            throw new RuleException("上年任务应为其他年度计划中的任务");
        PreviousTaskId = previous?.Id;
        CarriedOver = previous is not null && carriedOver;
    }

    public List<TaskUnit> Units { get; } = [];
    public List<TaskTarget> Targets { get; } = [];

    /// <summary>Replaces the task's lead and supporting units with these names as written, mapped onto the directory.</summary>
    public void SetUnits(IEnumerable<string> lead, IEnumerable<string> support, IReadOnlyList<Unit> directory)
    {
        Units.Clear();
        // "人事科、人事科", or one unit named as lead and again as support: linked once (lead first), so that no
        // count sees the unit twice. Two different names of one directory unit keep the first mapped.
        var names = new HashSet<string>(StringComparer.Ordinal);
        var leadNames = new List<string>();
        var supportNames = new List<string>();
        foreach (var (name, role) in lead.Select(n => (n, UnitRole.Lead)).Concat(support.Select(n => (n, UnitRole.Support))))
        {
            var written = Clip(name.Trim(), 200);
            if (written.Length == 0 || !names.Add(written)) continue;
            var unitId = Features.Admin.UnitMatcher.Match(written, directory)?.Id;
            if (unitId is not null && Units.Any(u => u.UnitId == unitId)) continue;
            Units.Add(new TaskUnit { Role = role, Name = written, UnitId = unitId });
            (role == UnitRole.Lead ? leadNames : supportNames).Add(written);
        }
        LeadNames = Clip(string.Join("、", leadNames), 1000);
        SupportNames = Clip(string.Join("、", supportNames), 1000);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
    /// <summary>A report was filed or corrected: a driving report for the latest period sets the progress.</summary>
    public void ApplyReport(ProgressReport report)
    {
        if (ClosedAt is not null) throw new RuleException("任务已销号");
        if (!report.Drives) return;
        if (LastReportPeriod is null || string.CompareOrdinal(report.Period, LastReportPeriod) >= 0)
        {
            Progress = report.Progress;
            LastReportPeriod = report.Period;
        }
    }

    /// <summary>A report left (returned or withdrawn): progress falls back to the latest live driving report, if any.</summary>
    public void FallBackTo(string? period, int? progress)
    {
        if (ClosedAt is not null) return;
        Progress = progress ?? 0;
        LastReportPeriod = period;
    }

    /// <summary>销号: the office accepts completion, with a reason. A standing duty is never done.</summary>
    public void CloseOut(string reason, string byName, DateTimeOffset now)
    {
        if (Ongoing) throw new RuleException("常态落实任务不销号");
        if (ClosedAt is not null) throw new RuleException("任务已销号");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("reason");
        ClosedAt = now;
        CloseReason = reason.Trim();
        ClosedByName = byName;
        Progress = 100;
    }

    /// <summary>撤销销号: the close-out is undone (with a reason, kept in the task's history); progress returns to the reports'.</summary>
    public void UndoCloseOut(string? lastPeriod, int? lastProgress)
    {
        if (ClosedAt is null) throw new RuleException("任务未销号");
        ClosedAt = null;
        CloseReason = null;
        ClosedByName = null;
        Progress = lastProgress ?? 0;
        LastReportPeriod = lastPeriod;
    }

    /// <summary>延期: an approved extension moves the due date (the old one stays in the request's history).</summary>
    public void Extend(DateOnly newDue)
    {
        if (ClosedAt is not null) throw new RuleException("任务已销号");
        if (Ongoing) throw new RuleException("常态落实任务没有完成时限");
        DueDate = newDue;
    }

    /// <summary>A deadline that names a standing duty rather than a date: 长期坚持, 常态化, 持续推进.</summary>
    public static bool IsStandingDeadline(string? deadline) =>
        deadline is not null && (deadline.Contains("长期") || deadline.Contains("常态") || deadline.Contains("持续"));

    /// <summary>Marks or unmarks the task as a standing duty (常态落实).</summary>
    public void SetOngoing(bool ongoing)
    {
        if (ongoing && ClosedAt is not null) throw new RuleException("任务已销号");
        Ongoing = ongoing;
        if (ongoing) DueDate = null;
    }
}

/// <summary>The status light: not_started, on_track (绿), at_risk (黄), overdue (红), done (销号).</summary>
public enum PlanTaskStatus { [Display(Name = "未开始")] NotStarted, [Display(Name = "正常推进")] OnTrack, [Display(Name = "进度滞后")] AtRisk, [Display(Name = "逾期")] Overdue, [Display(Name = "已完成")] Done }

/// <summary>工作要点 (from the plan document), 领导批示件, 会议议定事项, 上级交办.</summary>
public enum TaskSource { [Display(Name = "工作要点")] Plan, [Display(Name = "领导批示件")] LeaderInstruction, [Display(Name = "会议议定事项")] MeetingDecision, [Display(Name = "上级交办")] HigherAssignment }
