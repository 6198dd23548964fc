namespace PlanLedger.Web.Features.Shared;

internal static partial class Strings
{
    private static readonly Dictionary<string, string> Assessment = new()
    {
        ["目标管理责任制考核"] = "Target-responsibility assessment", ["考核"] = "Assessment", ["查看"] = "Show", ["版本"] = "Version",
        ["默认考核方案"] = "default scheme", ["确认"] = "Confirmed", ["考核结果通报"] = "Assessment notice", ["考核方案"] = "Scheme",
        ["确认考核结果"] = "Confirm results", ["公布"] = "Publish", ["另起新版本"] = "Start a new version", ["考核结果"] = "Results",
        ["位次"] = "Rank", ["分"] = " pts", ["加分"] = "Bonus", ["扣分"] = "Penalty", ["总分"] = "Total", ["等次"] = "Grade",
        ["位次升降"] = "Rank change", ["一票否决"] = "Veto", ["人工评分"] = "Manual score", ["考核项目"] = "Indicator", ["得分"] = "Score",
        ["说明"] = "Note", ["项目"] = "Item", ["上限"] = "cap", ["分数"] = "Points", ["依据（文件）"] = "Basis (document)", ["记录"] = "Record",
        ["事项"] = "Condition", ["撤销"] = "Withdraw", ["分组"] = "Group", ["分值"] = "Points", ["评分方式"] = "Scoring", ["评分标准"] = "Criteria",
        ["自动（台账）"] = "Automatic (ledger)", ["加分总上限"] = "Total bonus cap", ["扣分总上限"] = "Total penalty cap", ["不超过"] = "at most",
        ["优秀"] = "Excellent", ["良好"] = "Good", ["合格"] = "Pass", ["不合格"] = "Fail", ["草稿"] = "Draft", ["已确认"] = "Confirmed", ["已公布"] = "Published",
        ["自动指标"] = "Measure", ["每项扣分"] = "Per item", ["任务完成率"] = "Completion rate", ["按时报送率"] = "On-time reporting",
        ["目标达成率"] = "Target achievement", ["逾期任务数"] = "Overdue tasks", ["类别"] = "Kind", ["依据"] = "Basis", ["优秀比例不超过"] = "Excellent at most",
        ["尚未配置，以下为默认考核方案；保存后即为本年度方案。"] = "Not configured: this is the default scheme; saving makes it this year's scheme.",
        ["位次规则：按总分从高到低；总分相同时比较第一组考核项目（重点工作）得分，再比较扣分（少者在前）；仍相同的并列同一位次。优秀名额为参评单位数乘以比例后向下取整，并列单位不拆分。"] =
            "Ranking: by total, high to low; equal totals by the first indicator group's score, then by fewer penalty points; still equal → the same rank. The number of Excellent grades is the number of units × the quota, rounded down; tied units are not split.",
        ["文书"] = "Documents", ["任务分解表"] = "Task breakdown", ["进展情况汇总"] = "Progress summary", ["工作总结"] = "Year-end summary",
        ["工作总结（草稿）"] = "Year-end summary (draft)", ["重新起草"] = "Redraft from the ledger", ["下载 Word"] = "Download Word",
        ["政务公开"] = "Public view", ["公开地址"] = "Public address", ["取消公开"] = "Unpublish", ["尚未公开"] = "Not public", ["公开"] = "Make public",
        ["公开页面只显示任务、单位、完成时限、状态和进度，不显示进展情况原文和佐证材料；无需登录即可访问。"] =
            "The public page shows tasks, units, deadlines, status and progress only — no report text or evidence — and needs no sign-in.",
        ["上年对照"] = "Last year's tasks", ["没有上一年度已发布的计划"] = "No published plan of the year before", ["上年计划"] = "Last year's plan",
        ["本年任务"] = "This year's task", ["上年任务"] = "Last year's task", ["相似度"] = "Similarity", ["同一牵头单位"] = "Same lead unit", ["上年状态"] = "Last year's status",
        ["相似度为两项任务文字（去掉单位、时限和数字）的相邻字对重合比例；同一牵头单位另加 0.1；每项任务只配对一次。"] =
            "Similarity is the overlap of adjacent character pairs of the two tasks' text without units, deadlines and digits; a shared lead unit adds 0.1; each task is paired once.",
        ["来源"] = "Sources", ["已保存"] = "Saved", ["依据的填报"] = "Reports cited",
    };
}
