using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Tests.Rules;

/// <summary>The rules of 对接上级计划, on the entity (no database) and in Access: who links, and to which plans.</summary>
public sealed class UpperLinkRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 2, 0, 0, TimeSpan.Zero);
    private static UpperLink Link() => UpperLink.Create(planId: 10, upperPlanId: 20, "李科长", Now);

    [Fact]
    public void A_county_task_carries_one_upper_task_and_an_upper_task_many_county_tasks()
    {
        var l = Link();
        var p = l.Confirm(1, 100, 0.8, manual: false, "李科长", Now);
        Assert.Equal(1, p.ConfirmedTaskId);
        Assert.Equal("该任务已对接另一项上级任务，请先撤销", Assert.Throws<RuleException>(() => l.Confirm(1, 101, 0.5, true, "李科长", Now)).Message);
        Assert.Throws<RuleException>(() => l.Confirm(1, 100, 0.8, false, "李科长", Now));
        l.Confirm(2, 100, 0.6, manual: true, "李科长", Now); // a second county task carrying the same upper task
        Assert.Equal(2, l.Pairs.Count(x => x.Decision == UpperPairDecision.Confirmed));
    }

    [Fact]
    public void A_rejected_pair_can_be_confirmed_later_a_confirmed_one_is_undone_not_rejected()
    {
        var l = Link();
        var r = l.Reject(1, 100, 0.7, "李科长", Now);
        Assert.Null(r.ConfirmedTaskId);
        Assert.Throws<RuleException>(() => l.Reject(1, 100, 0.7, "李科长", Now));
        var c = l.Confirm(1, 100, 0.7, manual: false, "李科长", Now);
        Assert.Same(r, c);
        Assert.Equal(UpperPairDecision.Confirmed, c.Decision);
        Assert.Equal(1, c.ConfirmedTaskId);
        Assert.Equal("该任务对已确认，请先撤销", Assert.Throws<RuleException>(() => l.Reject(1, 100, 0.7, "李科长", Now)).Message);
        c.Id = 5;
        l.Undo(5, "赵科长", Now.AddHours(1));
        Assert.Empty(l.Pairs);
        Assert.Equal("赵科长", l.UpdatedByName);
        Assert.Throws<RuleException>(() => l.Undo(5, "赵科长", Now));
    }

    [Fact]
    public void The_upper_plan_changes_only_while_nothing_is_confirmed()
    {
        var l = Link();
        l.Reject(1, 100, 0.4, "李科长", Now);
        l.ChangeUpperPlan(21, "李科长", Now);
        Assert.Equal(21, l.UpperPlanId);
        Assert.Empty(l.Pairs); // the old plan's rejections go with it
        l.Confirm(1, 200, 0.9, false, "李科长", Now);
        Assert.Throws<RuleException>(() => l.ChangeUpperPlan(22, "李科长", Now));
        Assert.Throws<RuleException>(() => UpperLink.Create(10, 10, "李科长", Now));
    }

    [Theory]
    // the county office links to its city's or province's published plan; never its own organisation's, a sibling's,
    // another city's, a draft, nor as a leader
    [InlineData(UserRole.Office, "/1/2/", true, true)]
    [InlineData(UserRole.Admin, "/1/", true, true)]
    [InlineData(UserRole.Office, "/1/2/3/", true, false)]
    [InlineData(UserRole.Office, "/1/2/4/", true, false)]
    [InlineData(UserRole.Office, "/1/5/", true, false)]
    [InlineData(UserRole.Office, "/1/2/", false, false)]
    [InlineData(UserRole.Leader, "/1/2/", true, false)]
    [InlineData(UserRole.Reporter, "/1/2/", true, false)]
    public void A_plan_is_linked_only_to_a_published_plan_above_by_its_own_office(UserRole role, string upperPath, bool published, bool allowed)
    {
        var county = new Resource(3, "/1/2/3/");
        var me = new CurrentUser(1, "u", role, 3, "/1/2/3/", role == UserRole.Reporter ? 10 : null);
        Assert.Equal(allowed, Access.CanLinkUpper(me, county, upperPath, published));
    }

    [Fact]
    public void A_city_office_may_not_link_a_countys_plan()
    {
        var city = new CurrentUser(1, "u", UserRole.Office, 2, "/1/2/", null);
        Assert.Equal(Decision.Forbidden, Access.Decide(city, LedgerAction.LinkUpperPlan, new Resource(3, "/1/2/3/")));
        Assert.False(Access.CanLinkUpper(city, new Resource(3, "/1/2/3/"), "/1/2/", true));
    }
}
