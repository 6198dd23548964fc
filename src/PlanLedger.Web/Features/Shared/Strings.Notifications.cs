namespace PlanLedger.Web.Features.Shared;

/// <summary>English of the notification texts (in-app list and e-mails of people who chose English).</summary>
internal static partial class Strings
{
    private static readonly Dictionary<string, string> Notifications = new()
    {
        ["{0} 进展未报送：{1}"] = "{0} progress not reported: {1}",
        ["{0} 进展请于 {1} 前报送：{2}"] = "{0} progress due by {1}: {2}",
        ["任务已逾期（时限 {0}）：{1}"] = "Task overdue (deadline {0}): {1}",
        ["催办：{0} {1} 进展尚未报送（{2} 项任务），请尽快报送：{3} 等 {4} 项"] = "Reminder: {0} {1} progress not yet reported ({2} tasks), please report: {3} and {4} in all",
        ["催办：{0} {1} 进展尚未报送（{2} 项任务），请尽快报送：{3}"] = "Reminder: {0} {1} progress not yet reported ({2} tasks), please report: {3}",
        ["{0}督办：{1}（请于 {2} 前反馈）"] = "{0} supervision notice: {1} (reply by {2})",
        ["{0} 已办结：{1}"] = "{0} closed: {1}",
        ["{0} 已办结"] = "{0} closed",
        ["{0} 本单位督办事项已办结：{1}"] = "{0} closed for your unit: {1}",
        ["{0} 本单位督办事项已办结"] = "{0} closed for your unit",
        ["{0} 逾期未反馈，已升级为{1}督办，请于 {2} 前反馈：{3}"] = "{0} not replied in time, escalated to {1}; reply by {2}: {3}",
        ["{0}（红色督办）答复期限 {1} 已过仍未反馈"] = "{0} (red) reply due {1} has passed without a reply",
        ["{0} 答复期限 {1} 已过仍未反馈，建议升级为{2}督办"] = "{0} reply due {1} has passed without a reply; escalation to {2} proposed",
        ["{0}待审批：{1}（{2}）"] = "{0} awaiting decision: {1} ({2})",
        ["{0}已批准：{1}。意见：{2}"] = "{0} approved: {1}. Comment: {2}",
        ["{0}已批准：{1}"] = "{0} approved: {1}",
        ["{0}未获批准：{1}。意见：{2}"] = "{0} not approved: {1}. Comment: {2}",
        ["{0}未获批准：{1}"] = "{0} not approved: {1}",
        ["督导发现问题（{0} 问题{1}），请于 {2} 前整改：{3}"] = "Inspection finding ({0}, finding {1}): rectify by {2}: {3}",
        ["问题需重新整改（期限 {0}）：{1}"] = "Finding to be rectified again (due {0}): {1}",
        // Words of stored values (EnumLabels) not used elsewhere on the pages.
        ["已记录"] = "Recorded",
        ["已整改"] = "Rectified",
        ["工作要点"] = "Work plan",
    };
}
