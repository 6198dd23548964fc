using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Tests.Rules;

/// <summary>The state machines of docs/supervision.md, cell by cell: every state × every action.</summary>
public sealed class WorkflowTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 8, 0, 0, TimeSpan.Zero);

    // 报送 (report): state × action → allowed (the resulting state is the action's).
    public static TheoryData<ReportStatus, ReportAction, bool> ReportTable => new()
    {
        { ReportStatus.Submitted, ReportAction.Approve, true }, { ReportStatus.Submitted, ReportAction.Return, true },
        { ReportStatus.Submitted, ReportAction.Withdraw, true }, { ReportStatus.Submitted, ReportAction.Edit, true },
        { ReportStatus.Approved, ReportAction.Approve, false }, { ReportStatus.Approved, ReportAction.Return, false },
        { ReportStatus.Approved, ReportAction.Withdraw, false }, { ReportStatus.Approved, ReportAction.Edit, false },
        { ReportStatus.Returned, ReportAction.Approve, false }, { ReportStatus.Returned, ReportAction.Return, false },
        { ReportStatus.Returned, ReportAction.Withdraw, false }, { ReportStatus.Returned, ReportAction.Edit, false },
        { ReportStatus.Withdrawn, ReportAction.Approve, false }, { ReportStatus.Withdrawn, ReportAction.Return, false },
        { ReportStatus.Withdrawn, ReportAction.Withdraw, false }, { ReportStatus.Withdrawn, ReportAction.Edit, false },
    };

    [Theory, MemberData(nameof(ReportTable))]
    public void Report_cell(ReportStatus from, ReportAction action, bool allowed)
    {
        Assert.Equal(allowed, ProgressReport.Allows(from, action));
        var r = ReportIn(from);
        void Do()
        {
            switch (action)
            {
                case ReportAction.Approve: r.Approve("office", null, Now); break;
                case ReportAction.Return: r.Return("office", "请补充", Now); break;
                case ReportAction.Withdraw: r.Withdraw(Now); break;
                default: r.Edit(55, "更正", Now); break;
            }
        }
        if (!allowed) { Assert.Throws<RuleException>(Do); Assert.Equal(from, r.Status); return; }
        Do();
        var expected = action switch
        {
            ReportAction.Approve => ReportStatus.Approved, ReportAction.Return => ReportStatus.Returned,
            ReportAction.Withdraw => ReportStatus.Withdrawn, _ => ReportStatus.Submitted,
        };
        Assert.Equal(expected, r.Status);
        // Live (holds the one-per-period key) exactly while submitted or approved.
        Assert.Equal(expected is ReportStatus.Submitted or ReportStatus.Approved, r.LiveKey is not null);
    }

    private static ProgressReport ReportIn(ReportStatus s)
    {
        var r = ProgressReport.Submit(1, 2, "2026-04", 40, "进展", true, 1, "rep", Now);
        if (s == ReportStatus.Approved) r.Approve("office", null, Now);
        if (s == ReportStatus.Returned) r.Return("office", "x", Now);
        if (s == ReportStatus.Withdrawn) r.Withdraw(Now);
        return r;
    }

    // 督办单 (notice): state × step → next state, or null = refused.
    public static TheoryData<SupervisionState, SupervisionStep, SupervisionState?> NoticeTable()
    {
        var d = new TheoryData<SupervisionState, SupervisionStep, SupervisionState?>();
        var I = SupervisionState.Issued; var A = SupervisionState.Acknowledged; var R = SupervisionState.Replied;
        var C = SupervisionState.Closed; var S = SupervisionState.Stopped;
        var table = new Dictionary<(SupervisionState, SupervisionStep), SupervisionState?>
        {
            [(I, SupervisionStep.Acknowledge)] = A, [(I, SupervisionStep.Reply)] = R, [(I, SupervisionStep.Close)] = null,
            [(I, SupervisionStep.Return)] = null, [(I, SupervisionStep.Stop)] = S, [(I, SupervisionStep.Escalate)] = I,
            [(A, SupervisionStep.Acknowledge)] = null, [(A, SupervisionStep.Reply)] = R, [(A, SupervisionStep.Close)] = null,
            [(A, SupervisionStep.Return)] = null, [(A, SupervisionStep.Stop)] = S, [(A, SupervisionStep.Escalate)] = A,
            [(R, SupervisionStep.Acknowledge)] = null, [(R, SupervisionStep.Reply)] = null, [(R, SupervisionStep.Close)] = C,
            [(R, SupervisionStep.Return)] = I, [(R, SupervisionStep.Stop)] = S, [(R, SupervisionStep.Escalate)] = null,
        };
        foreach (var from in new[] { C, S })
            foreach (var step in new[] { SupervisionStep.Acknowledge, SupervisionStep.Reply, SupervisionStep.Close, SupervisionStep.Return, SupervisionStep.Stop, SupervisionStep.Escalate })
                table[(from, step)] = null;
        foreach (var ((from, step), to) in table) d.Add(from, step, to);
        return d;
    }

    [Theory, MemberData(nameof(NoticeTable))]
    public void Notice_cell(SupervisionState from, SupervisionStep step, SupervisionState? to)
    {
        Assert.Equal(to, SupervisionNotice.Next(from, step));
        var n = NoticeIn(from);
        var events = n.History.Count;
        void Do()
        {
            switch (step)
            {
                case SupervisionStep.Acknowledge: n.Acknowledge(7, "rep", Now); break;
                case SupervisionStep.Reply: n.Reply(7, "已办", "rep", Now); break;
                case SupervisionStep.Close: n.Close("office", null, Now); break;
                case SupervisionStep.Return: n.Return("office", "重办", null, Now); break;
                case SupervisionStep.Stop: n.Stop("office", "调整", Now); break;
                default: n.Escalate(new DateOnly(2026, 6, 1), "office", Now); break;
            }
        }
        if (to is null) { Assert.Throws<RuleException>(Do); Assert.Equal(from, n.State); Assert.Equal(events, n.History.Count); return; }
        Do();
        Assert.Equal(to, n.State);
        Assert.Equal(events + 1, n.History.Count);
        Assert.Equal(step, n.History[^1].Step);
    }

    private static SupervisionNotice NoticeIn(SupervisionState s)
    {
        var n = SupervisionNotice.Issue(1, 2026, 3, SupervisionLevel.Blue, "滞后", new DateOnly(2026, 5, 20), [1], [7], "office", Now);
        if (s == SupervisionState.Acknowledged) n.Acknowledge(7, "rep", Now);
        if (s is SupervisionState.Replied or SupervisionState.Closed) n.Reply(7, "已办", "rep", Now);
        if (s == SupervisionState.Closed) n.Close("office", null, Now);
        if (s == SupervisionState.Stopped) n.Stop("office", "调整", Now);
        return n;
    }

    [Fact]
    public void Levels_climb_blue_yellow_red_and_stop_there()
    {
        var n = NoticeIn(SupervisionState.Issued);
        Assert.Equal("督办〔2026〕3号", n.Number);
        n.Escalate(new DateOnly(2026, 6, 1), "office", Now);
        Assert.Equal(SupervisionLevel.Yellow, n.Level);
        Assert.Equal(new DateOnly(2026, 6, 1), n.ReplyBy);
        n.Escalate(new DateOnly(2026, 6, 8), "office", Now);
        Assert.Equal(SupervisionLevel.Red, n.Level);
        Assert.Throws<RuleException>(() => n.Escalate(new DateOnly(2026, 6, 9), "office", Now));
    }

    [Fact]
    public void Escalation_is_proposed_once_per_missed_deadline_and_not_after_a_reply()
    {
        var n = NoticeIn(SupervisionState.Issued);
        Assert.False(n.ProposeEscalation(new DateOnly(2026, 5, 20), Now)); // the deadline day itself is still in time
        Assert.True(n.ProposeEscalation(new DateOnly(2026, 5, 21), Now));
        Assert.False(n.ProposeEscalation(new DateOnly(2026, 5, 22), Now));
        var replied = NoticeIn(SupervisionState.Replied);
        Assert.False(replied.ProposeEscalation(new DateOnly(2026, 6, 30), Now));
    }

    // 申请 (request): state × step.
    public static TheoryData<TaskRequestState, RequestStep, bool> RequestTable()
    {
        var d = new TheoryData<TaskRequestState, RequestStep, bool>();
        foreach (var s in Enum.GetValues<TaskRequestState>())
            foreach (var step in Enum.GetValues<RequestStep>())
                d.Add(s, step, s == TaskRequestState.Pending);
        return d;
    }

    [Theory, MemberData(nameof(RequestTable))]
    public void Request_cell(TaskRequestState from, RequestStep step, bool allowed)
    {
        Assert.Equal(allowed, TaskRequest.Allows(from, step));
        var task = new PlanTask { Id = 1, DueDate = new DateOnly(2026, 6, 30) };
        var r = RequestIn(from, task);
        void Do()
        {
            switch (step)
            {
                case RequestStep.Approve: r.Approve(task, "office", null, Now); break;
                case RequestStep.Refuse: r.Refuse("office", "不同意", Now); break;
                default: r.Withdraw("rep", Now); break;
            }
        }
        if (!allowed) { Assert.Throws<RuleException>(Do); Assert.Equal(from, r.State); return; }
        Do();
        Assert.Equal(step switch { RequestStep.Approve => TaskRequestState.Approved, RequestStep.Refuse => TaskRequestState.Refused, _ => TaskRequestState.Withdrawn }, r.State);
        Assert.Equal(step == RequestStep.Approve ? new DateOnly(2026, 9, 30) : new DateOnly(2026, 6, 30), task.DueDate);
    }

    private static TaskRequest RequestIn(TaskRequestState s, PlanTask task)
    {
        var r = new TaskRequest { TaskId = 1, UnitId = 7, Kind = TaskRequestKind.Extension, Reason = "雨季", RequestedDueDate = new DateOnly(2026, 9, 30), PreviousDueDate = task.DueDate };
        var other = new PlanTask { Id = 2, DueDate = task.DueDate };
        if (s == TaskRequestState.Approved) r.Approve(other, "office", null, Now);
        if (s == TaskRequestState.Refused) r.Refuse("office", "x", Now);
        if (s == TaskRequestState.Withdrawn) r.Withdraw("rep", Now);
        return r;
    }

    // 任务 (task): 销号, 撤销销号, 延期, 常态落实.
    [Fact]
    public void A_task_closes_out_once_with_a_reason_and_the_undo_restores_the_reported_progress()
    {
        var t = new PlanTask { Progress = 40, LastReportPeriod = "2026-04", DueDate = new DateOnly(2026, 12, 31) };
        t.CloseOut("验收合格", "office", Now);
        Assert.Equal(100, t.Progress);
        Assert.Equal("验收合格", t.CloseReason);
        Assert.Throws<RuleException>(() => t.CloseOut("again", "office", Now));
        Assert.Throws<RuleException>(() => t.Extend(new DateOnly(2027, 1, 1)));
        Assert.Throws<RuleException>(() => t.ApplyReport(ProgressReport.Submit(1, 2, "2026-05", 50, "x", true, 1, "r", Now)));
        t.UndoCloseOut("2026-04", 40);
        Assert.Null(t.ClosedAt);
        Assert.Equal(40, t.Progress);
        Assert.Throws<RuleException>(() => t.UndoCloseOut(null, null));
    }

    [Fact]
    public void A_standing_duty_is_never_closed_out_nor_extended()
    {
        var t = new PlanTask { Deadline = "长期坚持" };
        Assert.True(PlanTask.IsStandingDeadline(t.Deadline));
        Assert.False(PlanTask.IsStandingDeadline("6月底前"));
        t.SetOngoing(true);
        Assert.Throws<RuleException>(() => t.CloseOut("完成", "office", Now));
        Assert.Throws<RuleException>(() => t.Extend(new DateOnly(2026, 9, 30)));
        var closed = new PlanTask();
        closed.CloseOut("完成", "office", Now);
        Assert.Throws<RuleException>(() => closed.SetOngoing(true));
    }

    [Fact]
    public void Only_a_driving_report_for_the_latest_period_moves_the_progress()
    {
        var t = new PlanTask { Progress = 30, LastReportPeriod = "2026-04" };
        t.ApplyReport(ProgressReport.Submit(1, 3, "2026-05", 90, "配合", drives: false, 1, "r", Now));
        Assert.Equal(30, t.Progress);
        t.ApplyReport(ProgressReport.Submit(1, 2, "2026-03", 10, "补报", drives: true, 1, "r", Now));
        Assert.Equal(30, t.Progress);
        t.ApplyReport(ProgressReport.Submit(1, 2, "2026-05", 50, "本月", drives: true, 1, "r", Now));
        Assert.Equal((50, "2026-05"), (t.Progress, t.LastReportPeriod));
    }
}
