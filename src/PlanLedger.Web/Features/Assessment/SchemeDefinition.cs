using PlanLedger.Web.Features.Common;
namespace PlanLedger.Web.Features.Assessment;

/// <summary>
/// 考核项目: one indicator with its 分值 (<paramref name="Max"/>), its group (重点工作 / 日常工作 / 综合评价), 评分标准 and how
/// it is scored: <c>auto</c> from the ledger by <paramref name="Measure"/>, or <c>manual</c> (the office enters a score and a note).
/// Measures: <c>completion_rate</c> 任务完成率, <c>on_time_reporting</c> 按时报送率, <c>target_achievement</c> 目标达成率,
/// <c>overdue_tasks</c> 逾期任务数 (<paramref name="PerItem"/> points off for each), <c>supervision_notices</c> 督办单 by level
/// (<paramref name="PerItem"/> off for each blue notice, twice that for yellow, three times for red), <c>rectification_on_time</c>
/// 整改按期率 (findings rectified by their deadline ÷ findings due).
/// </summary>
public sealed record IndicatorDef([TextLimit(50)] string Code, [TextLimit(20)] string Group, [TextLimit(200)] string Name, decimal Max, [TextLimit(20)] string Method, [TextLimit(40)] string? Measure = null,
    decimal PerItem = 0, [TextLimit(2000)] string Criteria = "");

/// <summary>A 加分 (bonus) or 扣分 (penalty) item with its cap per unit and its basis (依据文件).</summary>
public sealed record AdjustmentDef([TextLimit(50)] string Code, [TextLimit(200)] string Name, [TextLimit(20)] string Kind, decimal Cap, [TextLimit(1000)] string Basis = "");

/// <summary>一票否决: a condition that makes a unit 不合格 whatever its score.</summary>
public sealed record VetoDef([TextLimit(50)] string Code, [TextLimit(200)] string Name);

/// <summary>Grade thresholds (total score at least …) and the share of units that may be 优秀.</summary>
public sealed record GradeRules(decimal Excellent = 90, decimal Good = 80, decimal Pass = 60, decimal ExcellentQuota = 0.3m);

/// <summary>A whole scheme (stored as JSON on <see cref="Data.Entities.AssessmentScheme"/>).</summary>
public sealed record SchemeDefinition(IReadOnlyList<IndicatorDef> Indicators, IReadOnlyList<AdjustmentDef> Adjustments,
    decimal BonusCap, decimal PenaltyCap, IReadOnlyList<VetoDef> Vetoes, GradeRules Grades)
{
    public static readonly string[] Measures = ["completion_rate", "on_time_reporting", "target_achievement", "overdue_tasks",
        "supervision_notices", "rectification_on_time"];

    /// <summary>What is wrong with the scheme (in Chinese), or null.</summary>
    public string? Problem()
    {
        if (Indicators.Count == 0) return "考核方案至少需要一个考核项目";
        var codes = Indicators.Select(i => i.Code).Concat(Adjustments.Select(a => a.Code)).Concat(Vetoes.Select(v => v.Code)).ToList();
        if (codes.Any(string.IsNullOrWhiteSpace) || codes.Distinct().Count() != codes.Count) return "项目编码不能为空且不能重复";
        foreach (var i in Indicators)
        {
            if (string.IsNullOrWhiteSpace(i.Name)) return "考核项目名称不能为空";
            if (i.Max <= 0 || i.Max > 1000) return $"“{i.Name}”的分值应在 0–1000 之间";
            if (i.Method is not ("auto" or "manual")) return $"“{i.Name}”的评分方式应为 auto 或 manual";
            if (i.Method == "auto" && !Measures.Contains(i.Measure)) return $"“{i.Name}”的自动指标无效";
            if (i.PerItem < 0) return $"“{i.Name}”的每项扣分不能为负";
        }
        foreach (var a in Adjustments)
        {
            if (a.Kind is not ("bonus" or "penalty")) return $"“{a.Name}”应为加分(bonus)或扣分(penalty)";
            if (a.Cap < 0) return $"“{a.Name}”的上限不能为负";
        }
        if (BonusCap < 0 || PenaltyCap < 0) return "加分、扣分总上限不能为负";
        if (Grades.ExcellentQuota is < 0 or > 1) return "优秀比例应在 0–1 之间";
        if (!(Grades.Excellent >= Grades.Good && Grades.Good >= Grades.Pass)) return "等次分数线应为 优秀 ≥ 良好 ≥ 合格";
        return null;
    }
}

/// <summary>A manual score the office entered for a unit on an indicator, with its note (and evidence reference).</summary>
public sealed record ManualScore(int UnitId, string Indicator, decimal Score, string Note = "");

/// <summary>Points given to a unit under a 加分/扣分 item, with the basis (文件).</summary>
public sealed record AdjustmentEntry(int UnitId, string Item, decimal Points, string Basis = "");

/// <summary>A 一票否决 condition found for a unit.</summary>
public sealed record VetoEntry(int UnitId, string Veto, string Note = "");

/// <summary>The office's inputs to an assessment version.</summary>
public sealed record AssessmentInputs(IReadOnlyList<ManualScore> Scores, IReadOnlyList<AdjustmentEntry> Adjustments, IReadOnlyList<VetoEntry> Vetoes)
{
    public static AssessmentInputs Empty { get; } = new([], [], []);
}
