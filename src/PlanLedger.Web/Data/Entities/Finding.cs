using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 问题: what an inspection found at a unit, to be rectified (整改) by a date. Its state machine (docs/inspections.md):
/// 待整改 --整改--> 已整改（待复查） --销号--> 已销号; 已整改 --重新整改--> 重新整改 --整改--> 已整改;
/// 已销号 --回头看重新整改--> 重新整改. Every step is kept as a <see cref="FindingEvent"/>.
/// </summary>
public sealed class Finding
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public InspectionRound? Round { get; set; }
    /// <summary>Number within its round (1, 2, …), shown as 问题 3.</summary>
    public int Number { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public FindingSeverity Severity { get; set; }
    public string Description { get; set; } = "";
    public string Requirement { get; set; } = "";
    public DateOnly Deadline { get; private set; }
    public FindingStatus Status { get; private set; }
    public int RecordedById { get; set; }
    public string RecordedByName { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Concurrency token: two decisions at once → the second gets 409.</summary>
    public int Version { get; private set; }
    public List<FindingTask> Tasks { get; } = [];
    public List<FindingEvent> Events { get; } = [];

    public static Finding Record(int roundId, int number, int unitId, FindingSeverity severity, string description,
        string requirement, DateOnly deadline, IEnumerable<int> taskIds, int byId, string byName, DateTimeOffset now)
    {
        var f = new Finding
        {
            RoundId = roundId, Number = number, UnitId = unitId, Severity = severity, Description = description,
            Requirement = requirement, Deadline = deadline, Status = FindingStatus.Open,
            RecordedById = byId, RecordedByName = byName, RecordedAt = now,
        };
        f.Tasks.AddRange(taskIds.Distinct().Select(t => new FindingTask { TaskId = t }));
        f.Events.Add(new FindingEvent { Action = FindingAction.Recorded, Text = requirement, ByName = byName, At = now, ToStatus = FindingStatus.Open });
        return f;
    }

    /// <summary>Still to be rectified (待整改 or 重新整改).</summary>
    public bool AwaitsRectification => Status is FindingStatus.Open or FindingStatus.Reopened;

    /// <summary>红: past its 整改期限 and not rectified.</summary>
    public bool IsOverdue(DateOnly today) => AwaitsRectification && Deadline < today;

    /// <summary>The unit files its rectification (整改情况, with evidence).</summary>
    public string? Rectify(string text, IEnumerable<FindingEvidence> evidence, string byName, DateTimeOffset now)
    {
        if (!AwaitsRectification) return $"问题当前为「{StatusName(Status)}」，不能提交整改";
        if (string.IsNullOrWhiteSpace(text)) return "请填写整改情况";
        var e = Step(FindingAction.Rectified, text, byName, now, FindingStatus.Rectified);
        e.Evidence.AddRange(evidence);
        return null;
    }

    /// <summary>复查 passed: the office closes the finding (销号).</summary>
    public string? Close(string comment, string byName, DateTimeOffset now)
    {
        if (Status != FindingStatus.Rectified) return $"问题当前为「{StatusName(Status)}」，只有已整改待复查的问题可以销号";
        if (string.IsNullOrWhiteSpace(comment)) return "请填写复查意见";
        Step(FindingAction.Closed, comment, byName, now, FindingStatus.Closed);
        ClosedAt = now;
        return null;
    }

    /// <summary>复查 failed, or 回头看 found the problem back: the unit must rectify again, optionally by a new date.</summary>
    public string? Reopen(string reason, DateOnly? newDeadline, DateOnly today, string byName, DateTimeOffset now)
    {
        if (Status is not (FindingStatus.Rectified or FindingStatus.Closed))
            return $"问题当前为「{StatusName(Status)}」，不能要求重新整改";
        if (string.IsNullOrWhiteSpace(reason)) return "请填写重新整改的原因";
        if (newDeadline is { } d && d < today) return "整改期限不能早于今天";
        if (newDeadline is { } nd) Deadline = nd;
        Step(FindingAction.Reopened, reason, byName, now, FindingStatus.Reopened);
        ClosedAt = null;
        return null;
    }

    private FindingEvent Step(FindingAction action, string text, string byName, DateTimeOffset now, FindingStatus to)
    {
        var e = new FindingEvent { Action = action, Text = text.Trim(), ByName = byName, At = now, FromStatus = Status, ToStatus = to };
        Events.Add(e);
        Status = to;
        Version++;
        return e;
    }

    public static string StatusName(FindingStatus s) => EnumLabels.Zh(s);

    public static string SeverityName(FindingSeverity s) => EnumLabels.Zh(s);
}

/// <summary>待整改 open, 已整改（待复查） rectified, 已销号 closed, 重新整改 reopened.</summary>
public enum FindingStatus { [Display(Name = "待整改")] Open, [Display(Name = "已整改（待复查）")] Rectified, [Display(Name = "已销号")] Closed, [Display(Name = "重新整改")] Reopened }

/// <summary>一般, 较重, 严重.</summary>
public enum FindingSeverity { [Display(Name = "一般")] Minor, [Display(Name = "较重")] Major, [Display(Name = "严重")] Severe }

public enum FindingAction { [Display(Name = "已记录")] Recorded, [Display(Name = "已整改")] Rectified, [Display(Name = "已销号")] Closed, [Display(Name = "重新整改")] Reopened }

/// <summary>A ledger task a finding relates to.</summary>
public sealed class FindingTask
{
    public int Id { get; set; }
    public int FindingId { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
}

/// <summary>One step of a finding: recorded, rectified (with evidence), closed or reopened — who, when, what.</summary>
public sealed class FindingEvent
{
    public int Id { get; set; }
    public int FindingId { get; set; }
    public FindingAction Action { get; set; }
    public FindingStatus? FromStatus { get; set; }
    public FindingStatus ToStatus { get; set; }
    public string Text { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public List<FindingEvidence> Evidence { get; } = [];
}

/// <summary>An evidence file of a rectification; the bytes live under the data folder (EvidenceStore), not in the database.</summary>
public sealed class FindingEvidence
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StoredName { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
