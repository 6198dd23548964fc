using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Tests.Rules;

/// <summary>Who sees an assessment: the owning office/admin always; once published, leaders/viewers all units, a reporter its own unit.</summary>
public sealed class AssessmentAccessTests
{
    private static readonly Resource Own = new(4, "/1/4/");

    private static CurrentUser U(UserRole role, string path = "/1/4/", int org = 4, int? unit = null) => new(1, "u", role, org, path, unit);

    [Theory]
    [InlineData(UserRole.Admin, false, AssessmentScope.All)]
    [InlineData(UserRole.Office, false, AssessmentScope.All)]
    [InlineData(UserRole.Leader, false, AssessmentScope.None)]
    [InlineData(UserRole.Viewer, false, AssessmentScope.None)]
    [InlineData(UserRole.Reporter, false, AssessmentScope.None)]
    [InlineData(UserRole.Leader, true, AssessmentScope.All)]
    [InlineData(UserRole.Viewer, true, AssessmentScope.All)]
    [InlineData(UserRole.Reporter, true, AssessmentScope.OwnUnit)]
    public void Visibility_in_the_own_organisation(UserRole role, bool published, AssessmentScope expected) =>
        Assert.Equal(expected, Access.AssessmentVisibility(U(role, unit: role == UserRole.Reporter ? 7 : null), Own, published));

    [Fact]
    public void Only_the_owning_office_and_admin_manage_an_assessment_and_a_sibling_sees_nothing()
    {
        Assert.True(Access.Can(U(UserRole.Office), LedgerAction.ManageAssessment, Own));
        Assert.False(Access.Can(U(UserRole.Leader), LedgerAction.ManageAssessment, Own));
        // the office above reads the published results but does not manage them
        var above = U(UserRole.Office, "/1/", 1);
        Assert.False(Access.Can(above, LedgerAction.ManageAssessment, Own));
        Assert.Equal(AssessmentScope.All, Access.AssessmentVisibility(above, Own, published: true));
        Assert.Equal(AssessmentScope.None, Access.AssessmentVisibility(U(UserRole.Office, "/1/5/", 5), Own, published: true));
    }
}
