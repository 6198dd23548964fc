namespace PlanLedger.Web.Features.Shared;

/// <summary>English of the review tools', year links' and supervision refusals (written Chinese-only at their source).</summary>
internal static partial class Strings
{
    private static readonly Dictionary<string, string> Merge = new()
    {
        ["上年任务应为其他年度计划中的任务"] = "The previous task must be in another plan",
        ["本单位不是该督办单的督办单位"] = "This unit is not addressed by the notice",
        ["请选择要确认的任务对"] = "Choose the pairs to confirm",
        ["一次最多确认 2000 对"] = "At most 2000 pairs",
        ["该上年任务已与本计划的另一项任务配对"] = "That previous task is already paired",
        ["请选择要结转的上年任务"] = "Choose last year's tasks to carry over",
        ["一次最多结转 500 项"] = "At most 500 tasks",
        ["只能结转本单位上一年度已发布计划中的任务"] = "Only tasks of last year's published plans",
        ["只能结转末级任务"] = "Only leaf tasks can be carried over",
        ["发文机关不能超过 {0} 字"] = "The issuer may have at most {0} characters",
        ["只有已发布的计划可以归档"] = "Only a published plan can be archived",
        ["已归档的计划不能撤回发布"] = "An archived plan cannot be withdrawn",
        ["年份应在 2000–2100 之间"] = "The year must be between 2000 and 2100",
        ["标题不能为空"] = "The title cannot be empty",
        ["标题不能超过 {0} 字"] = "The title may have at most {0} characters",
        ["计划已归档"] = "The plan is already archived",
        ["计划未归档"] = "The plan is not archived",
        ["计划没有任何任务，不能发布"] = "The plan has no tasks and cannot be published",
        ["该计划已有填报，不能撤回发布"] = "The plan has reports and cannot be withdrawn",
        ["确定删除该单位？"] = "Delete this unit?",
        ["该计划已有申请、督办单或督导问题，不能撤回发布"] = "The plan has requests, supervision notices or findings and cannot be withdrawn",
        ["发布前检查发现问题：请查看并勾选“仍然发布”后再发布"] = "The pre-publish check found problems: review them and tick “publish anyway” first",
        ["上级条目不在本计划中"] = "The parent item is not in this plan",
        ["已发布计划的任务不能删除（可先撤回发布）"] = "Tasks of a published plan cannot be deleted (withdraw the plan first)",
        ["已有填报的任务不能删除"] = "A task with reports cannot be deleted",
        ["分工无效"] = "Invalid role",
        ["单位关联不存在"] = "The unit link does not exist",
        ["所选任务不在本计划中"] = "The selected tasks are not in this plan",
        ["该名称已对应到单位"] = "This name is already mapped to a unit",
        ["请先勾选任务"] = "Select tasks first",
        ["上年任务应为本单位上一年度已发布计划中的任务"] = "A previous task is not in last year's published plans",
        ["上年同一任务只能配对一次"] = "A previous task appears twice",
        ["任务应为本计划中的任务"] = "A task is not in this plan",
        ["同一任务只能配对一次"] = "A task appears twice",
        ["已完成的任务不需结转"] = "A finished task cannot be carried over",
        ["该上年任务已在本计划中有对应任务"] = "A task is already carried over or paired",
        ["答复期限格式应为 yyyy-MM-dd 且不早于今天"] = "replyBy must be a date from today on",
        ["请填写退回意见"] = "A comment is required",
        ["年度应在 2000–2100 之间"] = "The year must be between 2000 and 2100",
    };
}
