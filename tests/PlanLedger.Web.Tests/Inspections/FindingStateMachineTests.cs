using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Tests.Inspections;

/// <summary>The finding's state machine on the entity: every state × every step (the table in docs/inspections.md).</summary>
public sealed class FindingStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 5, 10);

    private static Finding In(FindingStatus status)
    {
        var f = Finding.Record(1, 1, 7, FindingSeverity.Major, "台账不全", "补齐台账", Today.AddDays(30), [3], 1, "张三", Now);
        if (status == FindingStatus.Open) return f;
        Assert.Null(f.Rectify("已补齐", [], "单位", Now));
        if (status == FindingStatus.Rectified) return f;
        if (status == FindingStatus.Closed) { Assert.Null(f.Close("复查通过", "督查室", Now)); return f; }
        Assert.Null(f.Reopen("仍不完整", null, Today, "督查室", Now));
        return f;
    }

    public static TheoryData<FindingStatus, string, FindingStatus?> Cells => new()
    {
        // state, step, resulting state (null = refused, state unchanged)
        { FindingStatus.Open, "rectify", FindingStatus.Rectified },
        { FindingStatus.Open, "close", null },
        { FindingStatus.Open, "reopen", null },
        { FindingStatus.Rectified, "rectify", null },
        { FindingStatus.Rectified, "close", FindingStatus.Closed },
        { FindingStatus.Rectified, "reopen", FindingStatus.Reopened },
        { FindingStatus.Reopened, "rectify", FindingStatus.Rectified },
        { FindingStatus.Reopened, "close", null },
        { FindingStatus.Reopened, "reopen", null },
        { FindingStatus.Closed, "rectify", null },
        { FindingStatus.Closed, "close", null },
        { FindingStatus.Closed, "reopen", FindingStatus.Reopened },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_step_from_each_state(FindingStatus from, string step, FindingStatus? to)
    {
        var f = In(from);
        var events = f.Events.Count;
        var error = step switch
        {
            "rectify" => f.Rectify("整改情况", [], "单位", Now),
            "close" => f.Close("复查意见", "督查室", Now),
            _ => f.Reopen("原因", null, Today, "督查室", Now),
        };
        if (to is null)
        {
            Assert.NotNull(error);
            Assert.Equal(from, f.Status);
            Assert.Equal(events, f.Events.Count);
        }
        else
        {
            Assert.Null(error);
            Assert.Equal(to, f.Status);
            var e = f.Events[^1];
            Assert.Equal((from, to.Value), (e.FromStatus!.Value, e.ToStatus));
        }
    }

    [Fact]
    public void Steps_need_their_text_and_a_new_deadline_cannot_be_past()
    {
        var f = In(FindingStatus.Open);
        Assert.NotNull(f.Rectify("  ", [], "单位", Now));
        Assert.Equal(FindingStatus.Open, f.Status);
        f = In(FindingStatus.Rectified);
        Assert.NotNull(f.Close("", "督查室", Now));
        Assert.NotNull(f.Reopen("", null, Today, "督查室", Now));
        Assert.NotNull(f.Reopen("原因", Today.AddDays(-1), Today, "督查室", Now));
        Assert.Equal(FindingStatus.Rectified, f.Status);
        Assert.Null(f.Reopen("原因", Today.AddDays(5), Today, "督查室", Now));
        Assert.Equal(Today.AddDays(5), f.Deadline);
    }

    [Fact]
    public void Only_findings_awaiting_rectification_turn_red_after_their_deadline()
    {
        var late = Today.AddDays(31);
        Assert.False(In(FindingStatus.Open).IsOverdue(Today.AddDays(30)));
        Assert.True(In(FindingStatus.Open).IsOverdue(late));
        Assert.True(In(FindingStatus.Reopened).IsOverdue(late));
        Assert.False(In(FindingStatus.Rectified).IsOverdue(late));
        Assert.False(In(FindingStatus.Closed).IsOverdue(late));
    }

    [Fact]
    public void A_drawn_round_cannot_be_reconfigured_or_drawn_again()
    {
        var round = new InspectionRound { Title = "春季督导" };
        Assert.Null(round.Configure(2, 1, 0));
        Assert.Null(round.SetScope([1, 2, 3], [(9, null)]));
        Assert.Null(round.RecordDraw("0000000000000001", new HashSet<int>(), [new InspectionVisit { UnitId = 2, Order = 1 }], "督查室", Now));
        Assert.NotNull(round.Configure(3, 1, 0));
        Assert.NotNull(round.SetScope([1], [(9, null)]));
        Assert.NotNull(round.RecordDraw("0000000000000002", new HashSet<int>(), [new InspectionVisit { UnitId = 1, Order = 1 }], "督查室", Now));
        Assert.Equal("0000000000000001", round.Seed);
        Assert.Equal(2, round.Visits);
        Assert.Equal([2], round.DrawnVisits.Select(v => v.UnitId));
    }
}
