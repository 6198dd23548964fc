namespace PlanLedger.Web.Features.Assessment;

/// <summary>
/// The scheme used when the office has not configured one: 100 points, 85 of them from the ledger, so a bureau gets a
/// ranking on day one (the README's 考核 section lists it).
/// </summary>
public static class DefaultScheme
{
    public static SchemeDefinition Definition { get; } = new(
        [
            new("completion", "重点工作", "任务完成率", 40, "auto", "completion_rate",
                Criteria: "按期完成（到期前销号）的任务数 ÷ 到期任务数 × 40；无到期任务得满分"),
            new("targets", "重点工作", "目标达成率", 20, "auto", "target_achievement",
                Criteria: "各项目标 实际 ÷ 目标（每项不超过100%）的平均值 × 20；无量化目标得满分"),
            new("reporting", "日常工作", "按时报送率", 15, "auto", "on_time_reporting",
                Criteria: "在报送日前报送的月度进展 ÷ 应报送的月度进展 × 15"),
            new("overdue", "日常工作", "逾期任务", 10, "auto", "overdue_tasks", PerItem: 2,
                Criteria: "每有一项逾期任务扣2分，扣完为止"),
            new("leaders", "综合评价", "领导评价", 15, "manual",
                Criteria: "由分管领导评议打分（0–15），未评分时按0分计并标注待评分"),
        ],
        [
            new("commendation", "表彰加分", "bonus", 5, "受到县级以上表彰的，每项加1–3分"),
            new("innovation", "创新工作加分", "bonus", 5, "工作经验被上级推广的，每项加2分"),
            new("criticism", "通报批评扣分", "penalty", 10, "被上级通报批评的，每次扣2分"),
            new("complaint", "信访投诉扣分", "penalty", 5, "经查实的有效投诉，每件扣1分"),
        ],
        BonusCap: 8, PenaltyCap: 15,
        [
            new("safety", "发生重大安全责任事故"),
            new("discipline", "发生严重违纪违法问题"),
        ],
        new GradeRules(Excellent: 90, Good: 80, Pass: 60, ExcellentQuota: 0.3m));
}
