namespace PlanLedger.Web.Features.Assessment;

/// <summary>What the ledger says about one unit's year (its lead leaf tasks in the organisation's published plans).</summary>
public sealed record UnitMeasures(int Due, int DoneOnTime, int ExpectedReports, int OnTimeReports,
    IReadOnlyList<decimal> TargetRatios, int Overdue, int BlueNotices = 0, int YellowNotices = 0, int RedNotices = 0,
    int FindingsDue = 0, int FindingsOnTime = 0)
{
    public static UnitMeasures None { get; } = new(0, 0, 0, 0, [], 0);
}

public sealed record UnitFacts(int UnitId, string Unit, UnitMeasures Measures);

public sealed record PartResult(string Code, string Group, string Indicator, decimal Score, decimal Max, string Note);

public sealed record AdjustmentResult(string Item, string Name, string Kind, decimal Points, string Basis);

public sealed record UnitResult(int UnitId, string Unit, decimal Score, int Rank, string Grade, IReadOnlyList<PartResult> Parts,
    decimal Bonus, decimal Penalty, IReadOnlyList<AdjustmentResult> Adjustments, IReadOnlyList<string> Vetoes,
    int? LastYearRank, int? RankChange);

/// <summary>
/// The scoring rules of 目标管理责任制考核, in one place (a pure function of the scheme, the ledger's figures, the office's
/// inputs and last year's ranks):
/// <list type="number">
/// <item>Indicators: <c>completion_rate</c> = 分值 × done on time ÷ due; <c>on_time_reporting</c> = 分值 × on time ÷ expected;
///   <c>target_achievement</c> = 分值 × mean of min(actual ÷ target, 1) over the targets; (nothing due / expected / no targets
///   → full marks); <c>overdue_tasks</c> = max(0, 分值 − per item × overdue tasks); manual = the office's score clamped to
///   0…分值 (none yet → 0, noted 待评分); <c>supervision_notices</c> = max(0, 分值 − per item × (蓝 + 2 × 黄 + 3 × 红)) over the
///   year's 督办单 addressed to the unit, at their present level; <c>rectification_on_time</c> = 分值 × findings rectified by
///   their 整改期限 ÷ findings due (none due → full marks). Each indicator is rounded to 0.01 (half away from zero).</item>
/// <item>加分/扣分: the points a unit got under each item are summed and capped by the item's cap; then all bonus is capped by
///   the total bonus cap and all penalty by the total penalty cap. Total = indicators + bonus − penalty, not below 0.</item>
/// <item>位次 (rank): by total, high to low. Tie rule: equal totals are ordered by the score of the first indicator group
///   (重点工作), then by less penalty; units equal on all three share a rank (1, 2, 2, 4), listed by name.</item>
/// <item>等次 (grade): 一票否决 → 不合格 whatever the score; otherwise ≥ 优秀 line → 优秀 candidate, ≥ 良好 line → 良好,
///   ≥ 合格 line → 合格, else 不合格. 优秀 is limited to ⌊units × quota⌋ (30 % by default): candidates get it in rank order;
///   units sharing a rank at the limit that would not all fit all become 良好.</item>
/// <item>位次升降 = last year's rank − this year's (positive: moved up), when the unit was ranked last year.</item>
/// </list>
/// </summary>
public static class Scoring
{
    public const string Excellent = "优秀", Good = "良好", Pass = "合格", Fail = "不合格";

    public static List<UnitResult> Score(SchemeDefinition scheme, IReadOnlyList<UnitFacts> units, AssessmentInputs inputs,
        IReadOnlyDictionary<int, int>? lastYearRanks = null)
    {
        var firstGroup = scheme.Indicators.Count > 0 ? scheme.Indicators[0].Group : "";
        var scored = units.Select(u =>
        {
            var parts = scheme.Indicators.Select(i => Part(i, u, inputs)).ToList();
            var adjustments = new List<AdjustmentResult>();
            decimal bonus = 0, penalty = 0;
            foreach (var a in scheme.Adjustments)
            {
                var entries = inputs.Adjustments.Where(e => e.UnitId == u.UnitId && e.Item == a.Code).ToList();
                if (entries.Count == 0) continue;
                var points = Math.Min(entries.Sum(e => Math.Abs(e.Points)), a.Cap);
                adjustments.Add(new AdjustmentResult(a.Code, a.Name, a.Kind, points, string.Join("；", entries.Select(e => e.Basis).Where(b => b.Length > 0))));
                if (a.Kind == "bonus") bonus += points; else penalty += points;
            }
            bonus = Math.Min(bonus, scheme.BonusCap);
            penalty = Math.Min(penalty, scheme.PenaltyCap);
            var total = Math.Max(0, Round(parts.Sum(p => p.Score) + bonus - penalty));
            var vetoes = inputs.Vetoes.Where(v => v.UnitId == u.UnitId)
                .Select(v => scheme.Vetoes.FirstOrDefault(d => d.Code == v.Veto)?.Name ?? v.Veto).Distinct().ToList();
            var key = parts.Where(p => p.Group == firstGroup).Sum(p => p.Score);
            return (Unit: u, Parts: parts, Bonus: bonus, Penalty: penalty, Adjustments: adjustments, Total: total, Key: key, Vetoes: vetoes);
        }).ToList();

        var ordered = scored.OrderByDescending(s => s.Total).ThenByDescending(s => s.Key).ThenBy(s => s.Penalty)
            .ThenBy(s => s.Unit.Unit, StringComparer.Ordinal).ToList();
        var ranks = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
            ranks[i] = i > 0 && ordered[i].Total == ordered[i - 1].Total && ordered[i].Key == ordered[i - 1].Key
                && ordered[i].Penalty == ordered[i - 1].Penalty ? ranks[i - 1] : i + 1;

        var quota = (int)Math.Floor(ordered.Count * scheme.Grades.ExcellentQuota);
        var grades = new string[ordered.Count];
        var granted = 0;
        var closed = false;
        var decided = new Dictionary<int, bool>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            if (s.Vetoes.Count > 0) { grades[i] = Fail; continue; }
            if (s.Total >= scheme.Grades.Excellent)
            {
                if (!decided.TryGetValue(ranks[i], out var ok))
                {
                    // the candidates sharing this rank get 优秀 together or not at all; once a group misses, lower ranks do too
                    var group = Enumerable.Range(0, ordered.Count).Count(j => ranks[j] == ranks[i] && ordered[j].Vetoes.Count == 0);
                    ok = !closed && granted + group <= quota;
                    if (ok) granted += group; else closed = true;
                    decided[ranks[i]] = ok;
                }
                grades[i] = ok ? Excellent : Good;
                continue;
            }
            grades[i] = s.Total >= scheme.Grades.Good ? Good : s.Total >= scheme.Grades.Pass ? Pass : Fail;
        }
        return ordered.Select((s, i) =>
        {
            int? last = lastYearRanks is not null && lastYearRanks.TryGetValue(s.Unit.UnitId, out var r) ? r : null;
            return new UnitResult(s.Unit.UnitId, s.Unit.Unit, s.Total, ranks[i], grades[i], s.Parts, s.Bonus, s.Penalty, s.Adjustments,
                s.Vetoes, last, last is { } l ? l - ranks[i] : null);
        }).ToList();
    }

    private static PartResult Part(IndicatorDef i, UnitFacts u, AssessmentInputs inputs)
    {
        var m = u.Measures;
        if (i.Method == "manual")
        {
            var entry = inputs.Scores.LastOrDefault(s => s.UnitId == u.UnitId && s.Indicator == i.Code);
            return entry is null
                ? new PartResult(i.Code, i.Group, i.Name, 0, i.Max, "待评分")
                : new PartResult(i.Code, i.Group, i.Name, Round(Math.Clamp(entry.Score, 0, i.Max)), i.Max, entry.Note);
        }
        var (score, note) = i.Measure switch
        {
            "completion_rate" => m.Due == 0 ? (i.Max, "无到期任务") : (i.Max * m.DoneOnTime / m.Due, $"按期完成{m.DoneOnTime}/{m.Due}项"),
            "on_time_reporting" => m.ExpectedReports == 0 ? (i.Max, "无应报送进展")
                : (i.Max * m.OnTimeReports / m.ExpectedReports, $"按时报送{m.OnTimeReports}/{m.ExpectedReports}次"),
            "target_achievement" => m.TargetRatios.Count == 0 ? (i.Max, "无量化目标")
                : (i.Max * m.TargetRatios.Sum(r => Math.Clamp(r, 0, 1)) / m.TargetRatios.Count, $"{m.TargetRatios.Count}项目标平均达成{Percent(m.TargetRatios.Average(r => Math.Clamp(r, 0, 1)))}"),
            "overdue_tasks" => (Math.Max(0, i.Max - i.PerItem * m.Overdue), $"逾期{m.Overdue}项"),
            "supervision_notices" => (Math.Max(0, i.Max - i.PerItem * (m.BlueNotices + 2 * m.YellowNotices + 3 * m.RedNotices)),
                $"蓝色{m.BlueNotices}件、黄色{m.YellowNotices}件、红色{m.RedNotices}件"),
            "rectification_on_time" => m.FindingsDue == 0 ? (i.Max, "无到期整改问题")
                : (i.Max * m.FindingsOnTime / m.FindingsDue, $"按期整改{m.FindingsOnTime}/{m.FindingsDue}个"),
            _ => (0m, "未知指标"),
        };
        return new PartResult(i.Code, i.Group, i.Name, Round(score), i.Max, note);
    }

    private static string Percent(decimal r) => (r * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);
}
