namespace PlanLedger.Web.Features.Supervision;

/// <summary>The Chinese names of the API's notice states, levels and steps (the page translates them further).</summary>
public static class NoticeText
{
    public static string State(string s) => s switch
    {
        "issued" => "已下发", "acknowledged" => "已签收", "replied" => "已反馈", "closed" => "已办结", "stopped" => "已中止", _ => s,
    };

    public static string Level(string l) => l switch { "blue" => "蓝色", "yellow" => "黄色", "red" => "红色", _ => l };

    public static string Step(string s) => s switch
    {
        "issue" => "下发", "acknowledge" => "签收", "reply" => "反馈", "close" => "办结", "return" => "退回重办", "stop" => "中止",
        "propose_escalation" => "建议升级", "escalate" => "升级", _ => s,
    };
}
