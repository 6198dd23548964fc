using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Tests.Rules;

/// <summary>LinkYears (上年对照 confirm, 结转) × every role, on the own organisation, one below and a sibling.</summary>
public sealed class YearLinksAccessTests
{
    private static readonly Resource Own = new(2, "/1/2/"), Below = new(3, "/1/2/3/"), Sibling = new(4, "/1/4/");
    private static CurrentUser User(UserRole role) => new(1, role.ToString(), role, 2, "/1/2/", role == UserRole.Reporter ? 10 : null);

    [Theory]
    [InlineData(UserRole.Admin, "Allow", "Forbidden")] [InlineData(UserRole.Office, "Allow", "Forbidden")]
    [InlineData(UserRole.Reporter, "Forbidden", "Forbidden")] [InlineData(UserRole.Leader, "Forbidden", "Forbidden")]
    [InlineData(UserRole.Viewer, "Forbidden", "Forbidden")]
    public void Only_the_plans_own_office_links_years(UserRole role, string own, string below)
    {
        Assert.Equal(own, Access.Decide(User(role), LedgerAction.LinkYears, Own).ToString());
        Assert.Equal(below, Access.Decide(User(role), LedgerAction.LinkYears, Below).ToString());
        Assert.Equal(Decision.NotFound, Access.Decide(User(role), LedgerAction.LinkYears, Sibling));
    }
}
