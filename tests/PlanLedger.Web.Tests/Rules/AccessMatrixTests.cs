using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Tests.Rules;

/// <summary>Every role × every action, on the own organisation, one below, and a sibling.</summary>
public sealed class AccessMatrixTests
{
    private const int Own = 2, Below = 3, Sibling = 4, UnitA = 10, UnitB = 11;
    private static readonly Resource OwnPlan = new(Own, "/1/2/", TaskUnitIds: [UnitA]);
    private static readonly Resource BelowPlan = new(Below, "/1/2/3/", TaskUnitIds: [UnitA]);
    private static readonly Resource SiblingPlan = new(Sibling, "/1/4/", TaskUnitIds: [UnitA]);
    private static readonly Resource OwnDraft = new(Own, "/1/2/", Draft: true, TaskUnitIds: [UnitA]);
    private static readonly Resource UnitBTask = new(Own, "/1/2/", TaskUnitIds: [UnitB]);

    private static CurrentUser User(UserRole role) => new(1, role.ToString(), role, Own, "/1/2/", role == UserRole.Reporter ? UnitA : null);

    public static TheoryData<UserRole, LedgerAction, string> OwnOrganisation => new()
    {
        // role, action, expected on the own organisation's published plan
        { UserRole.Admin, LedgerAction.ReadPlan, "Allow" }, { UserRole.Office, LedgerAction.ReadPlan, "Allow" },
        { UserRole.Reporter, LedgerAction.ReadPlan, "Allow" }, { UserRole.Leader, LedgerAction.ReadPlan, "Allow" },
        { UserRole.Viewer, LedgerAction.ReadPlan, "Allow" },
        { UserRole.Admin, LedgerAction.ImportPlan, "Allow" }, { UserRole.Office, LedgerAction.ImportPlan, "Allow" },
        { UserRole.Reporter, LedgerAction.ImportPlan, "Forbidden" }, { UserRole.Leader, LedgerAction.ImportPlan, "Forbidden" },
        { UserRole.Viewer, LedgerAction.ImportPlan, "Forbidden" },
        { UserRole.Admin, LedgerAction.EditPlan, "Allow" }, { UserRole.Office, LedgerAction.EditPlan, "Allow" },
        { UserRole.Reporter, LedgerAction.EditPlan, "Forbidden" }, { UserRole.Leader, LedgerAction.EditPlan, "Forbidden" },
        { UserRole.Viewer, LedgerAction.EditPlan, "Forbidden" },
        { UserRole.Admin, LedgerAction.DeletePlan, "Allow" }, { UserRole.Office, LedgerAction.DeletePlan, "Allow" },
        { UserRole.Reporter, LedgerAction.DeletePlan, "Forbidden" }, { UserRole.Leader, LedgerAction.DeletePlan, "Forbidden" },
        { UserRole.Viewer, LedgerAction.DeletePlan, "Forbidden" },
        { UserRole.Admin, LedgerAction.ReportOnTask, "Allow" }, { UserRole.Office, LedgerAction.ReportOnTask, "Allow" },
        { UserRole.Reporter, LedgerAction.ReportOnTask, "Allow" }, { UserRole.Leader, LedgerAction.ReportOnTask, "Forbidden" },
        { UserRole.Viewer, LedgerAction.ReportOnTask, "Forbidden" },
        { UserRole.Admin, LedgerAction.ReviewReport, "Allow" }, { UserRole.Office, LedgerAction.ReviewReport, "Allow" },
        { UserRole.Reporter, LedgerAction.ReviewReport, "Forbidden" }, { UserRole.Leader, LedgerAction.ReviewReport, "Forbidden" },
        { UserRole.Viewer, LedgerAction.ReviewReport, "Forbidden" },
        { UserRole.Admin, LedgerAction.ManageUnits, "Allow" }, { UserRole.Office, LedgerAction.ManageUnits, "Allow" },
        { UserRole.Reporter, LedgerAction.ManageUnits, "Forbidden" }, { UserRole.Leader, LedgerAction.ManageUnits, "Forbidden" },
        { UserRole.Viewer, LedgerAction.ManageUnits, "Forbidden" },
        { UserRole.Admin, LedgerAction.ManageUsers, "Allow" }, { UserRole.Office, LedgerAction.ManageUsers, "Forbidden" },
        { UserRole.Reporter, LedgerAction.ManageUsers, "Forbidden" }, { UserRole.Leader, LedgerAction.ManageUsers, "Forbidden" },
        { UserRole.Viewer, LedgerAction.ManageUsers, "Forbidden" },
        { UserRole.Admin, LedgerAction.ManageOrganisations, "Allow" }, { UserRole.Office, LedgerAction.ManageOrganisations, "Forbidden" },
        { UserRole.Reporter, LedgerAction.ManageOrganisations, "Forbidden" }, { UserRole.Leader, LedgerAction.ManageOrganisations, "Forbidden" },
        { UserRole.Viewer, LedgerAction.ManageOrganisations, "Forbidden" },
        { UserRole.Admin, LedgerAction.ReadAudit, "Allow" }, { UserRole.Office, LedgerAction.ReadAudit, "Allow" },
        { UserRole.Reporter, LedgerAction.ReadAudit, "Forbidden" }, { UserRole.Leader, LedgerAction.ReadAudit, "Forbidden" },
        { UserRole.Viewer, LedgerAction.ReadAudit, "Forbidden" },
    };

    [Theory]
    [MemberData(nameof(OwnOrganisation))]
    public void Own_organisation(UserRole role, LedgerAction action, string expected) =>
        Assert.Equal(expected, Access.Decide(User(role), action, OwnPlan).ToString());

    [Theory]
    [InlineData(UserRole.Admin)] [InlineData(UserRole.Office)] [InlineData(UserRole.Reporter)]
    [InlineData(UserRole.Leader)] [InlineData(UserRole.Viewer)]
    public void Another_organisation_is_invisible_to_every_role(UserRole role)
    {
        foreach (var action in Enum.GetValues<LedgerAction>())
            Assert.Equal(Decision.NotFound, Access.Decide(User(role), action, SiblingPlan));
    }

    [Theory]
    [InlineData(UserRole.Admin, "Allow")] [InlineData(UserRole.Office, "Allow")] [InlineData(UserRole.Reporter, "Allow")]
    [InlineData(UserRole.Leader, "Allow")] [InlineData(UserRole.Viewer, "Allow")]
    public void An_organisation_above_reads_the_plans_below(UserRole role, string expected) =>
        Assert.Equal(expected, Access.Decide(User(role), LedgerAction.ReadPlan, BelowPlan).ToString());

    [Theory]
    [InlineData(UserRole.Admin)] [InlineData(UserRole.Office)]
    public void The_organisation_above_does_not_edit_the_plans_below(UserRole role) =>
        Assert.Equal(Decision.Forbidden, Access.Decide(User(role), LedgerAction.EditPlan, BelowPlan));

    [Theory]
    [InlineData(UserRole.Admin)] [InlineData(UserRole.Office)]
    public void The_organisation_above_does_not_delete_the_plans_below(UserRole role) =>
        Assert.Equal(Decision.Forbidden, Access.Decide(User(role), LedgerAction.DeletePlan, BelowPlan));

    [Theory]
    [InlineData(UserRole.Admin, "Allow")] [InlineData(UserRole.Office, "Forbidden")] [InlineData(UserRole.Reporter, "Forbidden")]
    [InlineData(UserRole.Leader, "Forbidden")] [InlineData(UserRole.Viewer, "Forbidden")]
    public void Only_an_admin_manages_the_users_of_the_organisations_below(UserRole role, string expected) =>
        Assert.Equal(expected, Access.Decide(User(role), LedgerAction.ManageUsers, BelowPlan).ToString());

    [Theory]
    [InlineData(UserRole.Admin, "Allow")] [InlineData(UserRole.Office, "Allow")] [InlineData(UserRole.Reporter, "NotFound")]
    public void Only_the_owning_admin_and_office_delete_a_draft(UserRole role, string expected) =>
        Assert.Equal(expected, Access.Decide(User(role), LedgerAction.DeletePlan, OwnDraft).ToString());

    [Fact]
    public void A_reporter_of_unit_A_cannot_report_on_unit_Bs_task() =>
        Assert.Equal(Decision.Forbidden, Access.Decide(User(UserRole.Reporter), LedgerAction.ReportOnTask, UnitBTask));

    [Theory]
    [InlineData(UserRole.Admin, "Allow")] [InlineData(UserRole.Office, "Allow")] [InlineData(UserRole.Reporter, "NotFound")]
    [InlineData(UserRole.Leader, "NotFound")] [InlineData(UserRole.Viewer, "NotFound")]
    public void Drafts_are_seen_only_by_the_owning_admin_and_office(UserRole role, string expected) =>
        Assert.Equal(expected, Access.Decide(User(role), LedgerAction.ReadPlan, OwnDraft).ToString());
}
