namespace PlanLedger.Web.Features.Shared;

/// <summary>English for 下级汇总, the province → city → county roll-up.</summary>
internal static partial class Strings
{
    private static readonly Dictionary<string, string> Rollup = new()
    {
        ["下级汇总"] = "Roll-up", ["层级"] = "Levels", ["合计"] = "Total", ["本级"] = "Own plans", ["计划数"] = "Plans",
        ["末级任务"] = "Leaf tasks", ["督办单未办结"] = "Open notices", ["各下级任务状态"] = "Tasks by status, per organisation below",
        ["各下级按时报送率"] = "On-time reporting, per organisation below", ["下级排名"] = "Organisations below, ranked",
        ["按按时报送率、办结率、逾期数排名"] = "ranked by on-time reporting, completion, then fewer overdue tasks",
        ["本组织没有下级组织"] = "This organisation has no organisation below it",
        ["每个下级组织的数字包括它的全部下级；本级为本组织自己的计划。按末级任务统计；按时报送率与年度看板相同。"] =
            "Each organisation's figures include everything below it; own plans are this organisation's own. Leaf tasks are counted; on-time reporting is computed as on the year dashboard.",
    };
}
