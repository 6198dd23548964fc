using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Tests.Rules;

/// <summary>
/// The table of one unit's part of a 督办单 (docs/supervision.md, "每个单位的部分"), cell by cell, and the rule that makes the
/// notice's state from its parts, on a notice to two units (7 and 8).
/// </summary>
public sealed class NoticePartTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 8, 0, 0, TimeSpan.Zero);
    private const SupervisionState I = SupervisionState.Issued, A = SupervisionState.Acknowledged, R = SupervisionState.Replied,
        C = SupervisionState.Closed, S = SupervisionState.Stopped;
    private static readonly SupervisionStep[] Steps = [SupervisionStep.Acknowledge, SupervisionStep.Reply, SupervisionStep.Close, SupervisionStep.Return, SupervisionStep.Stop];

    public static TheoryData<SupervisionState, SupervisionStep, SupervisionState?> PartTable()
    {
        var table = new Dictionary<(SupervisionState, SupervisionStep), SupervisionState?>
        {
            [(I, SupervisionStep.Acknowledge)] = A, [(I, SupervisionStep.Reply)] = R, [(I, SupervisionStep.Close)] = null,
            [(I, SupervisionStep.Return)] = null, [(I, SupervisionStep.Stop)] = S,
            [(A, SupervisionStep.Acknowledge)] = null, [(A, SupervisionStep.Reply)] = R, [(A, SupervisionStep.Close)] = null,
            [(A, SupervisionStep.Return)] = null, [(A, SupervisionStep.Stop)] = S,
            [(R, SupervisionStep.Acknowledge)] = null, [(R, SupervisionStep.Reply)] = null, [(R, SupervisionStep.Close)] = C,
            [(R, SupervisionStep.Return)] = I, [(R, SupervisionStep.Stop)] = S,
        };
        foreach (var from in new[] { C, S })
            foreach (var step in Steps) table[(from, step)] = null;
        var d = new TheoryData<SupervisionState, SupervisionStep, SupervisionState?>();
        foreach (var ((from, step), to) in table) d.Add(from, step, to);
        return d;
    }

    /// <summary>A notice to units 7 and 8 whose part of unit 7 is in <paramref name="s"/> (unit 8 has replied).</summary>
    private static SupervisionNotice With7In(SupervisionState s)
    {
        var n = SupervisionNotice.Issue(1, 2026, 4, SupervisionLevel.Blue, "滞后", new DateOnly(2026, 5, 20), [1], [7, 8], "office", Now);
        n.Reply(8, "乙已办", "rep8", Now);
        if (s == A) n.Acknowledge(7, "rep7", Now);
        if (s is R or C) n.Reply(7, "甲已办", "rep7", Now);
        if (s == C) n.CloseUnit(7, "office", null, Now);
        if (s == S) n.Stop("office", "调整", Now);
        return n;
    }

    [Theory, MemberData(nameof(PartTable))]
    public void Part_cell(SupervisionState from, SupervisionStep step, SupervisionState? to)
    {
        Assert.Equal(to, SupervisionUnit.Next(from, step));
        var n = With7In(from);
        var part = n.Part(7);
        Assert.Equal(from, part.State);
        var events = n.History.Count;
        void Do()
        {
            switch (step)
            {
                case SupervisionStep.Acknowledge: n.Acknowledge(7, "rep7", Now); break;
                case SupervisionStep.Reply: n.Reply(7, "甲再办", "rep7", Now); break;
                case SupervisionStep.Close: n.CloseUnit(7, "office", null, Now); break;
                case SupervisionStep.Return: n.ReturnUnit(7, "office", "重办", null, Now); break;
                default: n.Stop("office", "调整", Now); break;
            }
        }
        if (step == SupervisionStep.Stop && from == C)
        {
            // 中止 is the notice's step: the notice (still open for unit 8) stops, and the part already closed stays closed
            Do();
            Assert.Equal(C, part.State);
            Assert.Equal(S, n.Part(8).State);
            return;
        }
        if (to is null) { Assert.Throws<RuleException>(Do); Assert.Equal(from, part.State); Assert.Equal(events, n.History.Count); return; }
        Do();
        Assert.Equal(to, part.State);
        Assert.Equal(events + 1, n.History.Count);
        // the other unit's part is untouched unless the whole notice was stopped
        Assert.Equal(step == SupervisionStep.Stop ? S : R, n.Part(8).State);
    }

    public static TheoryData<SupervisionState[], SupervisionState> Aggregates() => new()
    {
        { [I, I], I }, { [A, I], A }, { [R, I], A }, { [R, A], A }, { [R, R], R }, { [C, R], R }, { [C, I], A },
        { [C, A], A }, { [C, C], C }, { [I], I }, { [R], R }, { [C], C },
    };

    [Theory, MemberData(nameof(Aggregates))]
    public void The_notice_state_follows_its_parts(SupervisionState[] parts, SupervisionState expected) =>
        Assert.Equal(expected, SupervisionNotice.Aggregate(parts));

    [Fact]
    public void A_unit_not_addressed_has_no_part_and_closing_the_last_part_closes_the_notice()
    {
        var n = SupervisionNotice.Issue(1, 2026, 5, SupervisionLevel.Yellow, "滞后", new DateOnly(2026, 5, 20), [1], [7, 8], "office", Now);
        Assert.Throws<RuleException>(() => n.Acknowledge(9, "rep9", Now));
        n.Reply(7, "甲", "rep7", Now);
        Assert.True(n.ReplyOverdue(new DateOnly(2026, 5, 21))); // unit 8 still owes its reply
        n.Reply(8, "乙", "rep8", Now);
        Assert.False(n.ReplyOverdue(new DateOnly(2026, 5, 21)));
        n.CloseUnit(7, "office", null, Now);
        Assert.Equal(R, n.State);
        Assert.Null(n.ClosedAt);
        n.CloseUnit(8, "office", "好", Now);
        Assert.Equal(C, n.State);
        Assert.Equal(Now, n.ClosedAt);
        Assert.Throws<RuleException>(() => n.Close("office", null, Now));
    }
}
