using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Tests.Rules;

/// <summary>ReadRollup (下级汇总) × every role, on the own organisation, one below, two below, the parent and a sibling.</summary>
public sealed class RollupAccessTests
{
    private static readonly Resource Own = new(2, "/1/2/"), Below = new(3, "/1/2/3/"), TwoBelow = new(5, "/1/2/3/5/"),
        Parent = new(1, "/1/"), Sibling = new(4, "/1/4/"), SiblingsChild = new(6, "/1/4/6/");
    private static CurrentUser User(UserRole role) => new(1, role.ToString(), role, 2, "/1/2/", role == UserRole.Reporter ? 10 : null);

    [Theory]
    [InlineData(UserRole.Admin, "Allow")] [InlineData(UserRole.Office, "Allow")] [InlineData(UserRole.Leader, "Allow")]
    [InlineData(UserRole.Viewer, "Allow")] [InlineData(UserRole.Reporter, "Forbidden")]
    public void Own_organisation_and_below_never_the_parent_or_a_sibling(UserRole role, string inScope)
    {
        foreach (var r in new[] { Own, Below, TwoBelow })
            Assert.Equal(inScope, Access.Decide(User(role), LedgerAction.ReadRollup, r).ToString());
        foreach (var r in new[] { Parent, Sibling, SiblingsChild })
            Assert.Equal(Decision.NotFound, Access.Decide(User(role), LedgerAction.ReadRollup, r));
    }

    [Fact]
    public void A_path_that_merely_starts_with_the_same_digits_is_not_below()
    {
        // "/1/2/" must not see "/1/23/": paths end with a slash
        Assert.Equal(Decision.NotFound, Access.Decide(User(UserRole.Leader), LedgerAction.ReadRollup, new Resource(23, "/1/23/")));
    }
}
