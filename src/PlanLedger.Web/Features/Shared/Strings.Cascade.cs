namespace PlanLedger.Web.Features.Shared;

/// <summary>English for 对接上级计划 (a county plan linked to its city's) and 下级落实 (the city's view of the counties).</summary>
internal static partial class Strings
{
    private static readonly Dictionary<string, string> Cascade = new()
    {
        ["对接上级计划"] = "Link to the plan above", ["下级落实"] = "Carried out below", ["下级落实情况"] = "Carried out below",
        ["上级计划"] = "Plan above", ["上级任务"] = "Task above", ["本计划任务"] = "Task of this plan", ["下级单位"] = "Organisations below",
        ["对接"] = "Link", ["对接此项"] = "Link this", ["本计划的末级任务均已对接"] = "Every leaf task of this plan is linked", ["更换"] = "Change", ["已对接"] = "Linked", ["不对接"] = "Not linked (rejected)", ["未对接"] = "Not linked",
        ["取消对接"] = "Unlink", ["选择上级计划"] = "Choose the plan above", ["建议对接"] = "Proposed pairs", ["手工添加"] = "Added by hand",
        ["添加对接"] = "Add the pair", ["采纳建议"] = "Proposal accepted", ["方式"] = "How", ["对接勾选的任务"] = "Link the ticked tasks",
        ["勾选的不对接"] = "Reject the ticked pairs", ["对接计划"] = "Linked plan", ["落实任务"] = "Task carrying it",
        ["落实任务数"] = "Tasks carried", ["落实单位"] = "Carried by", ["最近填报"] = "Last report", ["未填报"] = "No report yet",
        ["本级任务落实情况"] = "How this plan's tasks are carried out", ["已有下级落实"] = "Carried below",
        ["没有下级单位"] = "No organisation below", ["没有待确认的建议"] = "No proposal left to decide", ["尚无已对接的任务"] = "No task linked yet",
        ["上级组织没有本年度已发布的计划"] = "The organisations above have no published plan of this year",
        ["将本计划的任务与上级同年度已发布计划的任务对应起来，上级即可看到每项任务由哪些单位落实、进展如何。"] =
            "Pair this plan's tasks with the tasks of the published plan of the same year above it; the organisation above then sees who carries each of its tasks and how far they are.",
        ["相似度为两项任务文字（去掉单位、时限和数字）的相邻字对重合比例；牵头单位按名称和别名对应为同一单位的另加 0.1；每项任务只建议一次。"] =
            "Similarity is the share of adjacent character pairs the two tasks' words have in common (units, deadlines and digits left out); a lead unit that is the same by name or alias adds 0.1; each task is proposed once.",
        ["下级单位将本级计划的任务对接到各自计划后，在此查看每项任务的落实情况；按末级任务统计，下级未发布的计划不计入。"] =
            "Once the organisations below link their plans to this one, each task shows here who carries it and how far they are; leaf tasks are counted, unpublished plans below are not.",
        ["确定取消对接？已确认的任务对应将一并删除。"] = "Unlink? The confirmed task pairs are removed too.",
        ["已选择上级计划"] = "Plan above chosen", ["已取消对接"] = "Unlinked", ["已添加对接"] = "Pair added", ["已撤销"] = "Undone",
        ["已对接 {0} 项任务"] = "{0} tasks linked", ["已将 {0} 对标记为不对接"] = "{0} pairs rejected",
        ["decision 应为 confirm（对接）或 reject（不对接）"] = "decision must be confirm or reject",
        ["一次最多处理 {0} 对"] = "At most {0} pairs at a time", ["一项任务只能对接一项上级任务"] = "A task carries one task above at most",
        ["上级任务应为所对接上级计划的末级任务"] = "The task above must be a leaf task of the linked plan above",
        ["上级计划应为上级组织已发布的同年度计划"] = "The plan above must be a published plan of the same year of an organisation above",
        ["不能对接本计划自身"] = "A plan cannot be linked to itself", ["任务应为本计划的末级任务"] = "The task must be a leaf task of this plan",
        ["同一任务对只能处理一次"] = "Each pair only once", ["对接情况已被他人修改，请重新加载后再操作"] = "Someone else changed the links; reload and try again",
        ["已有确认的对接任务，请先撤销后再更换上级计划"] = "Some pairs are confirmed; undo them before changing the plan above",
        ["本计划尚未对接上级计划"] = "This plan is not linked to a plan above", ["该任务不是末级任务，没有下级落实情况"] = "Not a leaf task: nothing is carried below",
        ["该任务对不存在或已撤销"] = "No such pair, or already undone", ["该任务对已标记为不对接"] = "This pair is already rejected",
        ["该任务对已确认"] = "This pair is already confirmed", ["该任务对已确认，请先撤销"] = "This pair is confirmed; undo it first",
        ["该任务已对接另一项上级任务，请先撤销"] = "This task already carries another task above; undo that first",
        ["请先选择要对接的上级计划"] = "Choose the plan above first", ["请选择上级计划"] = "Choose the plan above",
        ["请选择本计划任务和上级任务"] = "Choose a task of this plan and a task above", ["请选择要确认或不对接的任务对"] = "Choose the pairs to confirm or reject",
    };
}
