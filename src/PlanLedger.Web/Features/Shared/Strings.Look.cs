namespace PlanLedger.Web.Features.Shared;

/// <summary>English for the shared page frame: the compact menu, the confirmation dialog and its messages.</summary>
internal static partial class Strings
{
    private static readonly Dictionary<string, string> Look = new()
    {
        ["菜单"] = "Menu", ["请确认"] = "Please confirm", ["取消"] = "Cancel", ["确定"] = "OK", ["操作日志"] = "Activity log", ["每月"] = "monthly", ["操作人"] = "By",
        ["发布后各单位即可填报，确定发布为台账？"] = "Once published, units can report on it. Publish as the ledger?",
        ["确定销号？销号后该任务计为已完成。"] = "Close this task out? It then counts as done.",
        ["确定撤销销号？任务将恢复为未完成。"] = "Undo the close-out? The task is open again.",
        ["确定合并？被合并单位的任务、用户和别名将移到所选单位，此操作不能撤销。"] = "Merge? The unit's tasks, users and aliases move to the chosen unit; this cannot be undone.",
        ["确定合并？此项及其下级将并入目标项。"] = "Merge? This item and its children are merged into the target item.",
        ["确定删除此目标？"] = "Remove this target?",
        ["确定删除此草稿？其任务、目标和单位对应将一并删除。"] = "Delete this draft with its tasks, targets and unit links?",
        ["确定撤回此次填报？"] = "Withdraw this report?",
    };
}
