namespace PlanLedger.Web.Features.Shared;

/// <summary>The 红黄绿 light of a task status: its Chinese label (the <c>_StatusLight</c> partial and the ledger's rows use it).</summary>
public static class StatusLight
{
    public static string Label(string status) => status switch
    {
        "not_started" => "未开始", "on_track" => "正常推进", "at_risk" => "进度滞后", "overdue" => "逾期", _ => "已完成",
    };
}
