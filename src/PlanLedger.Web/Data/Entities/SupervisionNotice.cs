using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 督办单: a numbered notice (督办〔2026〕12号, per organisation and year) to one or more units about lagging tasks, with a
/// reply deadline and a level (蓝 reminder, 黄 warning, 红 overdue). States (docs/supervision.md, "督办单"):
/// 已下发 issued → 已签收 acknowledged → 已反馈 replied → 已办结 closed, or 退回重办 back to issued; 中止 stopped with a
/// reason from any open state. Every step is an event in <see cref="History"/>. <see cref="State"/> is a concurrency
/// token: two decisions on the same notice cannot both commit.
/// </summary>
public sealed class SupervisionNotice
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number { get; set; } = "";
    public SupervisionLevel Level { get; private set; }
    public SupervisionState State { get; private set; }
    public string Reason { get; set; } = "";
    public DateOnly ReplyBy { get; private set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedByName { get; set; } = "";
    public string? ReplyText { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? StopReason { get; private set; }
    /// <summary>When the reminder job found the reply deadline passed without reply and proposed the next level.</summary>
    public DateTimeOffset? EscalationProposedAt { get; private set; }
    public List<SupervisionTask> Tasks { get; } = [];
    public List<SupervisionUnit> Units { get; } = [];
    public List<SupervisionEvent> History { get; } = [];

    public static string FormatNumber(int year, int sequence) => $"督办〔{year}〕{sequence}号";

    public static SupervisionNotice Issue(int organisationId, int year, int sequence, SupervisionLevel level, string reason,
        DateOnly replyBy, IEnumerable<int> taskIds, IEnumerable<int> unitIds, string byName, DateTimeOffset now)
    {
        var n = new SupervisionNotice
        {
            OrganisationId = organisationId, Year = year, Sequence = sequence, Number = FormatNumber(year, sequence),
            Level = level, State = SupervisionState.Issued, Reason = reason, ReplyBy = replyBy, IssuedAt = now, IssuedByName = byName,
        };
        foreach (var t in taskIds.Distinct()) n.Tasks.Add(new SupervisionTask { TaskId = t });
        foreach (var u in unitIds.Distinct()) n.Units.Add(new SupervisionUnit { UnitId = u });
        n.Record(SupervisionStep.Issue, null, SupervisionState.Issued, byName, null, reason, now);
        return n;
    }

    /// <summary>The transition table of a notice: the state an action leads to from a state, or null when not allowed.</summary>
    public static SupervisionState? Next(SupervisionState from, SupervisionStep step) => (from, step) switch
    {
        (SupervisionState.Issued, SupervisionStep.Acknowledge) => SupervisionState.Acknowledged,
        (SupervisionState.Issued or SupervisionState.Acknowledged, SupervisionStep.Reply) => SupervisionState.Replied,
        (SupervisionState.Replied, SupervisionStep.Close) => SupervisionState.Closed,
        (SupervisionState.Replied, SupervisionStep.Return) => SupervisionState.Issued,
        (SupervisionState.Issued or SupervisionState.Acknowledged, SupervisionStep.Escalate) => from,
        (SupervisionState.Issued or SupervisionState.Acknowledged or SupervisionState.Replied, SupervisionStep.Stop) => SupervisionState.Stopped,
        _ => null,
    };

    public bool Open => State is SupervisionState.Issued or SupervisionState.Acknowledged or SupervisionState.Replied;

    /// <summary>Waiting for the unit's reply and past the reply deadline.</summary>
    public bool ReplyOverdue(DateOnly today) => State is SupervisionState.Issued or SupervisionState.Acknowledged && ReplyBy < today;

    /// <summary>The part of the notice addressed to one unit (each unit signs, replies and is closed on its own).</summary>
    public SupervisionUnit Part(int unitId) => Units.FirstOrDefault(u => u.UnitId == unitId)
        ?? throw new RuleException("本单位不是该督办单的督办单位");

    /// <summary>签收 by one unit: its part → 已签收; the notice is 已签收 once any unit has signed.</summary>
    public void Acknowledge(int unitId, string byName, DateTimeOffset now)
    {
        var part = Part(unitId);
        part.Move(SupervisionStep.Acknowledge, null, now);
        Settle(SupervisionStep.Acknowledge, byName, unitId, null, now);
    }

    /// <summary>已反馈: one unit's reply (text, and evidence attached to the event); the notice is 已反馈 when every unit not yet
    /// closed has replied.</summary>
    public SupervisionEvent Reply(int unitId, string text, string byName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("text");
        var part = Part(unitId);
        part.Move(SupervisionStep.Reply, text.Trim(), now);
        ReplyText = text.Trim();
        RepliedAt = now;
        EscalationProposedAt = null;
        return Settle(SupervisionStep.Reply, byName, unitId, text.Trim(), now);
    }

    /// <summary>已办结 of the whole notice: every unit has replied; the office accepts all replies.</summary>
    public void Close(string byName, string? comment, DateTimeOffset now)
    {
        Move(SupervisionStep.Close, byName, null, comment, now);
        foreach (var u in Units.Where(u => u.State == SupervisionState.Replied)) u.Move(SupervisionStep.Close, null, now);
        ClosedAt = now;
    }

    /// <summary>办结 of one unit's part: its reply is accepted; the notice is 已办结 when every part is.</summary>
    public void CloseUnit(int unitId, string byName, string? comment, DateTimeOffset now)
    {
        Part(unitId).Move(SupervisionStep.Close, null, now);
        Settle(SupervisionStep.Close, byName, unitId, comment, now);
    }

    /// <summary>退回重办: the office sends the reply back; the notice is issued again, optionally with a new reply deadline.</summary>
    public void Return(string byName, string comment, DateOnly? newReplyBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new ArgumentException("comment");
        Move(SupervisionStep.Return, byName, null, comment.Trim(), now);
        foreach (var u in Units.Where(u => u.State == SupervisionState.Replied)) u.Move(SupervisionStep.Return, null, now);
        if (newReplyBy is { } d) ReplyBy = d;
        ReplyText = null;
        RepliedAt = null;
    }

    /// <summary>退回重办 of one unit's part: that unit must reply again (the others keep their state).</summary>
    public void ReturnUnit(int unitId, string byName, string comment, DateOnly? newReplyBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new ArgumentException("comment");
        Part(unitId).Move(SupervisionStep.Return, null, now);
        if (newReplyBy is { } d) ReplyBy = d;
        Settle(SupervisionStep.Return, byName, unitId, comment.Trim(), now);
    }

    /// <summary>中止: the office stops the notice, with a reason.</summary>
    public void Stop(string byName, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("reason");
        Move(SupervisionStep.Stop, byName, null, reason.Trim(), now);
        foreach (var u in Units.Where(u => SupervisionUnit.Next(u.State, SupervisionStep.Stop) is not null)) u.Move(SupervisionStep.Stop, null, now);
        StopReason = reason.Trim();
    }

    /// <summary>
    /// The notice's state from its parts: 已办结 when every part is closed; 已反馈 when every part not closed has replied;
    /// 已签收 when any part has been signed, replied or closed; else 已下发. Records the step (with the unit) as an event.
    /// </summary>
    public static SupervisionState Aggregate(IReadOnlyCollection<SupervisionState> parts) =>
        parts.Count > 0 && parts.All(p => p == SupervisionState.Closed) ? SupervisionState.Closed
        : parts.Where(p => p != SupervisionState.Closed).All(p => p == SupervisionState.Replied) && parts.Count > 0 ? SupervisionState.Replied
        : parts.Any(p => p is SupervisionState.Acknowledged or SupervisionState.Replied or SupervisionState.Closed) ? SupervisionState.Acknowledged
        : SupervisionState.Issued;

    private SupervisionEvent Settle(SupervisionStep step, string byName, int unitId, string? text, DateTimeOffset now)
    {
        var from = State;
        State = Aggregate(Units.Select(u => u.State).ToList());
        if (State == SupervisionState.Closed) ClosedAt = now;
        return Record(step, from, State, byName, unitId, text, now);
    }

    /// <summary>The reminder job saw the reply deadline pass: it proposes escalation (once per deadline).</summary>
    public bool ProposeEscalation(DateOnly today, DateTimeOffset now)
    {
        if (!ReplyOverdue(today) || EscalationProposedAt is not null) return false;
        EscalationProposedAt = now;
        Record(SupervisionStep.ProposeEscalation, State, State, "系统", null, $"答复期限 {ReplyBy:yyyy-MM-dd} 已过，建议升级", now);
        return true;
    }

    /// <summary>升级: 蓝 → 黄 → 红, with a new reply deadline. A red notice cannot go higher.</summary>
    public void Escalate(DateOnly newReplyBy, string byName, DateTimeOffset now)
    {
        if (Level == SupervisionLevel.Red) throw new RuleException("红色督办已是最高等级");
        var from = Level;
        Level = Level + 1;
        ReplyBy = newReplyBy;
        EscalationProposedAt = null;
        Move(SupervisionStep.Escalate, byName, null, $"{LevelNames.Zh(from)} → {LevelNames.Zh(Level)}，新答复期限 {newReplyBy:yyyy-MM-dd}", now);
    }

    private SupervisionEvent Move(SupervisionStep step, string byName, int? unitId, string? text, DateTimeOffset now)
    {
        var next = Next(State, step) ?? throw new RuleException(State switch
        {
            SupervisionState.Closed => "督办单已办结",
            SupervisionState.Stopped => "督办单已中止",
            SupervisionState.Replied => "督办单已反馈，等待督查室办结或退回",
            _ => "督办单当前状态不允许此操作",
        });
        var from = State;
        State = next;
        return Record(step, from, next, byName, unitId, text, now);
    }

    private SupervisionEvent Record(SupervisionStep step, SupervisionState? from, SupervisionState to, string byName, int? unitId, string? text, DateTimeOffset now)
    {
        var e = new SupervisionEvent { Step = step, FromState = from, ToState = to, Level = Level, ByName = byName, UnitId = unitId, Text = text, At = now };
        History.Add(e);
        return e;
    }
}

public sealed class SupervisionTask
{
    public int Id { get; set; }
    public int NoticeId { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
}

public sealed class SupervisionUnit
{
    public int Id { get; set; }
    public int NoticeId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    /// <summary>This unit's own state (a concurrency token): it signs, replies and is closed or returned on its own.</summary>
    public SupervisionState State { get; private set; } = SupervisionState.Issued;
    public string? ReplyText { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The transition table of one unit's part (docs/supervision.md, "每个单位的部分").</summary>
    public static SupervisionState? Next(SupervisionState from, SupervisionStep step) => (from, step) switch
    {
        (SupervisionState.Issued, SupervisionStep.Acknowledge) => SupervisionState.Acknowledged,
        (SupervisionState.Issued or SupervisionState.Acknowledged, SupervisionStep.Reply) => SupervisionState.Replied,
        (SupervisionState.Replied, SupervisionStep.Close) => SupervisionState.Closed,
        (SupervisionState.Replied, SupervisionStep.Return) => SupervisionState.Issued,
        (SupervisionState.Issued or SupervisionState.Acknowledged or SupervisionState.Replied, SupervisionStep.Stop) => SupervisionState.Stopped,
        _ => null,
    };

    internal void Move(SupervisionStep step, string? text, DateTimeOffset now)
    {
        State = Next(State, step) ?? throw new RuleException(State switch
        {
            SupervisionState.Closed => "本单位的督办事项已办结",
            SupervisionState.Stopped => "督办单已中止",
            SupervisionState.Replied => "本单位已反馈，等待督查室办结或退回",
            SupervisionState.Acknowledged => "本单位已签收",
            _ => "本单位尚未反馈",
        });
        switch (step)
        {
            case SupervisionStep.Acknowledge: AcknowledgedAt ??= now; break;
            case SupervisionStep.Reply: AcknowledgedAt ??= now; RepliedAt = now; ReplyText = text; break;
            case SupervisionStep.Close: ClosedAt = now; break;
            case SupervisionStep.Return: RepliedAt = null; ReplyText = null; break;
        }
    }
}

/// <summary>One step of a notice: who, when, what (the reply's text, the office's comment), the states before and after.</summary>
public sealed class SupervisionEvent
{
    public int Id { get; set; }
    public int NoticeId { get; set; }
    public SupervisionStep Step { get; set; }
    public SupervisionState? FromState { get; set; }
    public SupervisionState ToState { get; set; }
    public SupervisionLevel Level { get; set; }
    public string ByName { get; set; } = "";
    public int? UnitId { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset At { get; set; }
    public List<SupervisionAttachment> Attachments { get; } = [];
}

/// <summary>Evidence attached to a reply; the bytes live in the evidence store, like a report's.</summary>
public sealed class SupervisionAttachment
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StoredName { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>蓝 blue (reminder), 黄/橙 yellow (warning), 红 red (overdue).</summary>
public enum SupervisionLevel { [Display(Name = "蓝色")] Blue, [Display(Name = "黄色")] Yellow, [Display(Name = "红色")] Red }

/// <summary>已下发 issued, 已签收 acknowledged, 已反馈 replied, 已办结 closed, 已中止 stopped.</summary>
public enum SupervisionState { [Display(Name = "已下发")] Issued, [Display(Name = "已签收")] Acknowledged, [Display(Name = "已反馈")] Replied, [Display(Name = "已办结")] Closed, [Display(Name = "已中止")] Stopped }

public enum SupervisionStep { [Display(Name = "下发")] Issue, [Display(Name = "签收")] Acknowledge, [Display(Name = "反馈")] Reply, [Display(Name = "办结")] Close, [Display(Name = "退回重办")] Return, [Display(Name = "中止")] Stop, [Display(Name = "建议升级")] ProposeEscalation, [Display(Name = "升级")] Escalate }

public static class LevelNames
{
    public static string Zh(SupervisionLevel l) => EnumLabels.Zh(l);
    public static SupervisionLevel? Parse(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "blue" or "蓝" or "蓝色" => SupervisionLevel.Blue,
        "yellow" or "orange" or "黄" or "橙" or "黄色" or "橙色" => SupervisionLevel.Yellow,
        "red" or "红" or "红色" => SupervisionLevel.Red,
        _ => null,
    };
}
