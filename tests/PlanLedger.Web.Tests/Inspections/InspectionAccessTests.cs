using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Tests.Inspections;

/// <summary>Every role × every inspection action: own round, a finding of the reporter's unit and of another unit, drafts, below, sibling.</summary>
public sealed class InspectionAccessTests
{
    private const int Own = 2, Below = 3, Sibling = 4, UnitA = 10, UnitB = 11, InspectorId = 50;
    private static readonly Resource Round = new(Own, "/1/2/", TaskUnitIds: [UnitA], InspectorIds: [InspectorId]);
    private static readonly Resource FindingA = new(Own, "/1/2/", TaskUnitIds: [UnitA], InspectorIds: [InspectorId]);
    private static readonly Resource FindingB = new(Own, "/1/2/", TaskUnitIds: [UnitB], InspectorIds: [InspectorId]);
    private static readonly Resource DraftBulletin = Round with { Draft = true };
    private static readonly Resource BelowRound = new(Below, "/1/2/3/", TaskUnitIds: [UnitA], InspectorIds: [InspectorId]);
    private static readonly Resource SiblingRound = new(Sibling, "/1/4/", TaskUnitIds: [UnitA], InspectorIds: [1]);

    private static CurrentUser User(UserRole role, int id = 1) => new(id, role.ToString(), role, Own, "/1/2/", role == UserRole.Reporter ? UnitA : null);

    private static readonly UserRole[] Roles = [UserRole.Admin, UserRole.Office, UserRole.Reporter, UserRole.Leader, UserRole.Viewer];

    public static TheoryData<string, LedgerAction, string> Cells()
    {
        var data = new TheoryData<string, LedgerAction, string>();
        void Row(string resource, LedgerAction action, params string[] byRole)
        {
            for (var i = 0; i < Roles.Length; i++) data.Add(resource, action, Roles[i] + ":" + byRole[i]);
        }
        //                                                       Admin     Office     Reporter    Leader      Viewer
        Row("round", LedgerAction.ReadInspection,               "Allow", "Allow", "Forbidden", "Allow", "Allow");
        Row("round", LedgerAction.ManageInspection,             "Allow", "Allow", "Forbidden", "Forbidden", "Forbidden");
        Row("round", LedgerAction.RecordFinding,                "Allow", "Allow", "Forbidden", "Forbidden", "Forbidden");
        Row("findingA", LedgerAction.ReadFinding,               "Allow", "Allow", "Allow", "Allow", "Allow");
        Row("findingA", LedgerAction.RectifyFinding,            "Allow", "Allow", "Allow", "Forbidden", "Forbidden");
        Row("findingA", LedgerAction.RecheckFinding,            "Allow", "Allow", "Forbidden", "Forbidden", "Forbidden");
        Row("findingB", LedgerAction.ReadFinding,               "Allow", "Allow", "NotFound", "Allow", "Allow");
        Row("findingB", LedgerAction.RectifyFinding,            "Allow", "Allow", "NotFound", "Forbidden", "Forbidden");
        Row("findingB", LedgerAction.RecheckFinding,            "Allow", "Allow", "Forbidden", "Forbidden", "Forbidden");
        Row("round", LedgerAction.ReadBulletin,                 "Allow", "Allow", "Allow", "Allow", "Allow");
        Row("draftBulletin", LedgerAction.ReadBulletin,         "Allow", "Allow", "NotFound", "NotFound", "NotFound");
        Row("draftBulletin", LedgerAction.ManageInspection,     "Allow", "Allow", "NotFound", "NotFound", "NotFound");
        Row("belowRound", LedgerAction.ReadInspection,          "Allow", "Allow", "Forbidden", "Allow", "Allow");
        Row("belowRound", LedgerAction.ManageInspection,        "Forbidden", "Forbidden", "Forbidden", "Forbidden", "Forbidden");
        Row("belowRound", LedgerAction.RecheckFinding,          "Forbidden", "Forbidden", "Forbidden", "Forbidden", "Forbidden");
        return data;
    }

    private static Resource Of(string name) => name switch
    {
        "round" => Round, "findingA" => FindingA, "findingB" => FindingB, "draftBulletin" => DraftBulletin, _ => BelowRound,
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Role_action_cell(string resource, LedgerAction action, string expected)
    {
        var role = Enum.Parse<UserRole>(expected[..expected.IndexOf(':')]);
        Assert.Equal(expected, role + ":" + Access.Decide(User(role), action, Of(resource)));
    }

    public static TheoryData<UserRole> AllRoles => new(Roles);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void A_drawn_inspector_of_any_role_reads_the_round_and_records_findings(UserRole role)
    {
        var inspector = User(role, InspectorId) with { UnitId = role == UserRole.Reporter ? UnitB : null };
        Assert.Equal(Decision.Allow, Access.Decide(inspector, LedgerAction.ReadInspection, Round));
        Assert.Equal(Decision.Allow, Access.Decide(inspector, LedgerAction.RecordFinding, Round));
        Assert.Equal(Decision.Allow, Access.Decide(inspector, LedgerAction.ReadFinding, FindingA));
        var manager = role is UserRole.Admin or UserRole.Office;
        Assert.Equal(manager ? Decision.Allow : Decision.Forbidden, Access.Decide(inspector, LedgerAction.RecheckFinding, FindingA));
        Assert.Equal(manager ? Decision.Allow : Decision.Forbidden, Access.Decide(inspector, LedgerAction.RectifyFinding, FindingA));
    }

    [Fact]
    public void A_reporter_whose_unit_was_not_visited_does_not_see_the_published_bulletin() =>
        Assert.Equal(Decision.NotFound, Access.Decide(User(UserRole.Reporter) with { UnitId = UnitB }, LedgerAction.ReadBulletin, Round));

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void A_sibling_organisations_round_findings_and_bulletin_are_invisible(UserRole role)
    {
        foreach (var action in new[] { LedgerAction.ReadInspection, LedgerAction.ManageInspection, LedgerAction.RecordFinding,
                     LedgerAction.ReadFinding, LedgerAction.RectifyFinding, LedgerAction.RecheckFinding, LedgerAction.ReadBulletin })
        {
            Assert.Equal(Decision.NotFound, Access.Decide(User(role), action, SiblingRound));
            // even someone listed as an inspector there
            Assert.Equal(Decision.NotFound, Access.Decide(User(role, 1), action, SiblingRound));
        }
    }
}
