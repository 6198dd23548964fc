using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Tests.Rules;

/// <summary>
/// The supervision actions × every role, on the own organisation's resource whose units include the reporter's unit
/// ("mine"), one whose units do not ("other unit's"), and a sibling organisation's (never visible).
/// </summary>
public sealed class SupervisionAccessTests
{
    private const int Own = 2, Sibling = 4, UnitA = 10, UnitB = 11;
    private static readonly Resource Mine = new(Own, "/1/2/", TaskUnitIds: [UnitA]);
    private static readonly Resource OtherUnits = new(Own, "/1/2/", TaskUnitIds: [UnitB]);
    private static readonly Resource SiblingOrg = new(Sibling, "/1/4/", TaskUnitIds: [UnitA]);

    private static CurrentUser User(UserRole role) => new(1, role.ToString(), role, Own, "/1/2/", role == UserRole.Reporter ? UnitA : null);

    private static readonly LedgerAction[] OfficeDecides =
    [
        LedgerAction.ApproveReport, LedgerAction.ReturnReport, LedgerAction.UrgeUnits, LedgerAction.CloseOutTask, LedgerAction.UndoCloseOut,
        LedgerAction.SetOngoing, LedgerAction.DecideRequest, LedgerAction.IssueSupervision, LedgerAction.CloseSupervision,
        LedgerAction.ReturnSupervision, LedgerAction.StopSupervision, LedgerAction.EscalateSupervision,
    ];

    private static readonly LedgerAction[] UnitActs =
    [
        LedgerAction.WithdrawReport, LedgerAction.EditReport, LedgerAction.WithdrawRequest, LedgerAction.RequestExtension,
        LedgerAction.RequestCloseOut, LedgerAction.AcknowledgeSupervision, LedgerAction.ReplySupervision,
    ];

    private static readonly LedgerAction[] NoticeOnly = [LedgerAction.ReadSupervision, LedgerAction.AcknowledgeSupervision, LedgerAction.ReplySupervision];

    /// <summary>Expected decision per (role, action) on "mine" and on "other unit's".</summary>
    private static (Decision Mine, Decision Other) Expected(UserRole role, LedgerAction action)
    {
        var manager = role is UserRole.Admin or UserRole.Office;
        if (OfficeDecides.Contains(action)) return manager ? (Decision.Allow, Decision.Allow) : (Decision.Forbidden, NoticeOnly.Contains(action) ? Decision.NotFound : Decision.Forbidden);
        if (action == LedgerAction.ReadSupervision)
            return role == UserRole.Reporter ? (Decision.Allow, Decision.NotFound) : (Decision.Allow, Decision.Allow);
        if (action == LedgerAction.CommentAsLeader)
            return role is UserRole.Leader or UserRole.Admin ? (Decision.Allow, Decision.Allow) : (Decision.Forbidden, Decision.Forbidden);
        if (UnitActs.Contains(action))
        {
            if (role == UserRole.Reporter) return (Decision.Allow, NoticeOnly.Contains(action) ? Decision.NotFound : Decision.Forbidden);
            return (Decision.Forbidden, Decision.Forbidden);
        }
        throw new InvalidOperationException(action.ToString());
    }

    public static TheoryData<UserRole, LedgerAction> Cells()
    {
        var d = new TheoryData<UserRole, LedgerAction>();
        foreach (var role in Enum.GetValues<UserRole>())
            foreach (var action in OfficeDecides.Concat(UnitActs).Append(LedgerAction.ReadSupervision).Append(LedgerAction.CommentAsLeader).Distinct())
                d.Add(role, action);
        return d;
    }

    [Theory, MemberData(nameof(Cells))]
    public void Cell(UserRole role, LedgerAction action)
    {
        var (mine, other) = Expected(role, action);
        Assert.Equal(mine, Access.Decide(User(role), action, Mine));
        Assert.Equal(other, Access.Decide(User(role), action, OtherUnits));
        Assert.Equal(Decision.NotFound, Access.Decide(User(role), action, SiblingOrg));
    }

    [Theory]
    [InlineData(UserRole.Admin)] [InlineData(UserRole.Office)]
    public void The_office_above_does_not_decide_for_the_organisation_below(UserRole role)
    {
        var below = new Resource(3, "/1/2/3/", TaskUnitIds: [UnitA]);
        foreach (var action in OfficeDecides) Assert.Equal(Decision.Forbidden, Access.Decide(User(role), action, below));
        Assert.Equal(Decision.Allow, Access.Decide(User(role), LedgerAction.ReadSupervision, below));
    }
}

/// <summary>The one period validator.</summary>
public sealed class PeriodsTests
{
    private static readonly Plan Plan2026 = new() { Year = 2026 };
    private static readonly DateOnly May10 = new(2026, 5, 10);

    [Theory]
    [InlineData("2026-01")] [InlineData("2026-05")]
    public void Accepted(string p) => Assert.Null(Periods.Check(p, Plan2026, May10));

    [Theory]
    [InlineData(null)] [InlineData("")] [InlineData("2026-06")] [InlineData("2025-12")] [InlineData("9999-01")] [InlineData("2026-5")]
    [InlineData("２０２６-０５")] [InlineData("2026-05\n")] [InlineData("2026-05 ")] [InlineData("2026-13")] [InlineData("2026-00")]
    [InlineData("2026/05")] [InlineData("٢٠٢٦-٠٥")]
    public void Refused(string? p) => Assert.Equal(400, Periods.Check(p, Plan2026, May10)?.Status);
}
