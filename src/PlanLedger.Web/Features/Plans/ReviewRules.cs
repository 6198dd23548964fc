using System.Globalization;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// The checks of the review step's edits, in one place for the review page and the API alike: each problem is a
/// Chinese message keyed by the form field it belongs to, so the page shows it next to that field and the API returns
/// them as <c>errors</c> in its 400 problem details. Nothing is saved while any is left.
/// </summary>
public static class ReviewRules
{
    /// <summary>The longest heading the review accepts (a heading is a line, not a paragraph).</summary>
    public const int MaxHeadingLength = 500;
    public const int MaxDeadlineLength = 100;
    public const int MaxTargetTextLength = 500;
    public const int MaxTargetUnitLength = 50;
    public static readonly string[] Ops = ["=", ">=", "<=", "~"];

    public static Dictionary<string, string> Task(string? heading, string? text, string? deadline)
    {
        var errors = new Dictionary<string, string>();
        var h = heading?.Trim() ?? "";
        if (h.Length == 0) errors["heading"] = "标题不能为空";
        else if (h.Length > MaxHeadingLength) errors["heading"] = $"标题过长：{h.Length} 字，不能超过 {MaxHeadingLength} 字";
        if ((text?.Length ?? 0) > PlanTask.MaxTextLength) errors["text"] = $"内容不能超过 {PlanTask.MaxTextLength} 字";
        var d = deadline?.Trim() ?? "";
        if (d.Length > MaxDeadlineLength) errors["deadline"] = $"完成时限过长：{d.Length} 字，不能超过 {MaxDeadlineLength} 字";
        return errors;
    }

    /// <summary>A target as typed: the value is text until it parses as a number (never "abc" → 0).</summary>
    public static Dictionary<string, string> Target(string? text, string? value, string? unit, string? op, out decimal parsed)
    {
        var errors = new Dictionary<string, string>();
        parsed = 0;
        var t = text?.Trim() ?? "";
        if (t.Length == 0) errors["targetText"] = "目标内容不能为空";
        else if (t.Length > MaxTargetTextLength) errors["targetText"] = $"目标内容不能超过 {MaxTargetTextLength} 字";
        var v = (value ?? "").Trim().Replace("，", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (v.Length == 0) errors["targetValue"] = "请填写目标值";
        else if (!decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out parsed))
            errors["targetValue"] = $"目标值应为数字（“{Short(value!)}”不是数字）";
        else if (parsed < 0) errors["targetValue"] = "目标值不能为负数";
        else if (parsed >= 100_000_000_000_000m) errors["targetValue"] = "目标值过大";
        if ((unit?.Trim().Length ?? 0) > MaxTargetUnitLength) errors["targetUnit"] = $"计量单位不能超过 {MaxTargetUnitLength} 字";
        if (!Ops.Contains(op ?? "=")) errors["op"] = "比较方式无效";
        return errors;
    }

    /// <summary>400 with the first message as the title and every message under <c>errors</c> (null when none).</summary>
    public static Failure? Refuse(Dictionary<string, string> errors) => errors.Count == 0 ? null
        : new Failure(400, errors.Values.First(), null, new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>The field messages of a refusal made by <see cref="Refuse"/> (empty for any other failure).</summary>
    public static IReadOnlyDictionary<string, string> Errors(Failure? f) =>
        f?.Extensions?.TryGetValue("errors", out var e) == true && e is Dictionary<string, string> d ? d : new Dictionary<string, string>();

    private static string Short(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
