namespace PlanLedger.Web.Features.Shared;

internal static partial class Strings
{
    private static readonly Dictionary<string, string> Loop = new()
    {
        ["年度看板"] = "Year dashboard", ["年度"] = "Year", ["本年度计划"] = "Plans of the year", ["项"] = "tasks",
        ["年度各单位红黄绿"] = " — units red / yellow / green", ["全年所有计划，按按时报送率、办结率排名"] = "all plans of the year, ranked by on-time reporting and completion",
        ["本年度暂无已发布的计划"] = "No published plan this year", ["位次"] = "Rank", ["红黄绿"] = "Light", ["红"] = "Red", ["黄"] = "Yellow", ["绿"] = "Green",
        ["整改未销号"] = "Open findings", ["逾期"] = "overdue",
        ["红：有逾期任务、逾期未整改问题或红色督办单；黄：按时报送率低于80%、有黄色督办单或整改未销号的问题；绿：其余。"] =
            "Red: an overdue task, a finding past its deadline or a red notice; yellow: on-time reporting below 80 %, a yellow notice or an open finding; green: the rest.",
        ["年度对比"] = "Compared with last year", ["连续年度任务的目标与实际"] = "targets and actuals of recurring tasks",
        ["暂无与上年确认对照的任务（在计划的“上年对照”中确认）"] = "No task is paired with last year's yet (confirm pairs on the plan's \"last year\" page)",
        ["本年进度"] = "Progress this year", ["上年进度"] = "Progress last year", ["本年目标/实际"] = "Target / actual this year",
        ["上年目标/实际"] = "Target / actual last year", ["结转"] = "Carry over", ["确认"] = "Confirm", ["已确认"] = "Confirmed",
        ["确认勾选的对照"] = "Confirm the ticked pairs", ["已确认的对照"] = "Confirmed pairs", ["取消对照"] = "Unlink",
        ["上年未完成任务"] = "Last year's unfinished tasks", ["可结转到本年度计划"] = "can be carried over into this year's plan",
        ["上年任务均已完成或已有对照"] = "Every task of last year is done or paired", ["结转勾选的任务"] = "Carry the ticked tasks over",
        ["历年情况"] = "Across years", ["目标/实际"] = "Target / actual", ["最新进展"] = "Latest progress",
        ["该任务没有与其他年度对照的记录"] = "This task is not linked to any other year",
        ["各单位办理情况"] = "Each unit's part", ["操作"] = "Actions", ["办结本单位"] = "Close this unit's part", ["办结意见"] = "Closing comment",
        ["通报公文"] = "Bulletin (official document)",
        ["督办单（按等级）"] = "Supervision notices (by level)", ["整改按期率"] = "Findings rectified on time",
    };
}
