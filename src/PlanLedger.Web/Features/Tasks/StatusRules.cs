using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Tasks;

/// <summary>What the status of a task depends on.</summary>
/// <param name="DueDate">The computed due date, null for 长期坚持 and deadlines that name no time.</param>
/// <param name="Progress">Latest reported progress, 0–100.</param>
/// <param name="ClosedOut">The office accepted completion (销号).</param>
/// <param name="HasReports">At least one report that was not returned.</param>
/// <param name="ExpectedReportMissing">The last period whose report is already due has no report.</param>
/// <param name="PlanStart">1 January of the plan year.</param>
/// <param name="Today">Today (UTC).</param>
public readonly record struct StatusInput(DateOnly? DueDate, int Progress, bool ClosedOut, bool HasReports,
    bool ExpectedReportMissing, DateOnly PlanStart, DateOnly Today);

/// <summary>
/// The status rules, computed here and nowhere else (see README "Status rules").
/// <list type="number">
/// <item><c>done</c> — the office closed the task out (销号).</item>
/// <item><c>overdue</c> — the due date has passed and the task is not done.</item>
/// <item><c>at_risk</c> — the report for the last period that is already due is missing, or progress lags the
/// elapsed share of the time from plan start to due date by more than <see cref="LagMargin"/> points.</item>
/// <item><c>not_started</c> — no report yet and progress 0.</item>
/// <item><c>on_track</c> — otherwise.</item>
/// </list>
/// A <b>section</b> (a task that has children: 一、二、… or any item with sub-items) is nobody's to report on; its
/// state is rolled up from its direct children by <see cref="RollUp"/>:
/// <list type="bullet">
/// <item>progress — the average progress of its direct children, rounded (half away from zero);</item>
/// <item><c>done</c> when the office closed the section itself out, or when all of its children are done;</item>
/// <item>otherwise <c>overdue</c> when the section's own due date has passed;</item>
/// <item>otherwise the most urgent status among its children in the order
/// <c>overdue</c> &gt; <c>at_risk</c> &gt; <c>on_track</c> &gt; <c>not_started</c>, where a done child counts as
/// <c>on_track</c> (some children done and the others not started → <c>on_track</c>).</item>
/// </list>
/// Children are computed before their parents: <see cref="TaskStatusExtensions.RefreshStatuses"/> for a whole
/// plan (deepest tasks first), <see cref="TaskStatusExtensions.RefreshWithAncestorsAsync"/> for one changed task.
/// </summary>
public static partial class StatusRules
{
    /// <summary>Percentage points progress may lag the elapsed share of time before a task is at risk.</summary>
    public const int LagMargin = 20;

    public static PlanTaskStatus Compute(StatusInput i)
    {
        if (i.ClosedOut) return PlanTaskStatus.Done;
        if (i.DueDate is { } due && due < i.Today) return PlanTaskStatus.Overdue;
        if (i.ExpectedReportMissing) return PlanTaskStatus.AtRisk;
        if (i.DueDate is { } d && ElapsedPercent(i.PlanStart, d, i.Today) - i.Progress > LagMargin) return PlanTaskStatus.AtRisk;
        if (i.Progress == 0 && !i.HasReports) return PlanTaskStatus.NotStarted;
        return PlanTaskStatus.OnTrack;
    }

    /// <summary>
    /// The rolled-up progress and status of a section from its direct children (see the class remarks).
    /// </summary>
    /// <param name="children">Status and progress of each direct child (at least one).</param>
    /// <param name="dueDate">The section's own due date, if any.</param>
    /// <param name="closedOut">The office closed the section itself out.</param>
    /// <param name="today">Today (UTC).</param>
    public static (int Progress, PlanTaskStatus Status) RollUp(IReadOnlyCollection<(PlanTaskStatus Status, int Progress)> children,
        DateOnly? dueDate, bool closedOut, DateOnly today)
    {
        if (children.Count == 0) throw new ArgumentException("A section has at least one child.", nameof(children));
        var progress = (int)Math.Round(children.Average(c => (double)c.Progress), MidpointRounding.AwayFromZero);
        if (closedOut || children.All(c => c.Status == PlanTaskStatus.Done)) return (progress, PlanTaskStatus.Done);
        if (dueDate is { } due && due < today) return (progress, PlanTaskStatus.Overdue);
        if (children.Any(c => c.Status == PlanTaskStatus.Overdue)) return (progress, PlanTaskStatus.Overdue);
        if (children.Any(c => c.Status == PlanTaskStatus.AtRisk)) return (progress, PlanTaskStatus.AtRisk);
        if (children.Any(c => c.Status is PlanTaskStatus.OnTrack or PlanTaskStatus.Done)) return (progress, PlanTaskStatus.OnTrack);
        return (progress, PlanTaskStatus.NotStarted);
    }

    /// <summary>Share of the time from plan start to due date that has passed, 0–100.</summary>
    public static double ElapsedPercent(DateOnly start, DateOnly due, DateOnly today)
    {
        var total = due.DayNumber - start.DayNumber;
        if (total <= 0) return today >= due ? 100 : 0;
        return Math.Clamp((today.DayNumber - start.DayNumber) * 100.0 / total, 0, 100);
    }

    /// <summary>The reporting period ("yyyy-MM") of a date.</summary>
    public static string PeriodOf(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The last period whose report is already due on <paramref name="today"/>: last month's report is due on
    /// <paramref name="reportDay"/> of this month. Null when that period ended before the plan was published
    /// (nobody could have reported on it) or lies outside the plan year.
    /// </summary>
    public static string? ExpectedPeriod(DateOnly today, int reportDay, DateOnly? publishedOn, int planYear)
    {
        if (publishedOn is not { } published) return null;
        var dueThisMonth = new DateOnly(today.Year, today.Month, Math.Clamp(reportDay, 1, DateTime.DaysInMonth(today.Year, today.Month)));
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var period = today > dueThisMonth ? lastMonth : lastMonth.AddMonths(-1);
        var periodEnd = period.AddMonths(1).AddDays(-1);
        if (published > periodEnd || period.Year != planYear) return null;
        return PeriodOf(period);
    }

    /// <summary>Whether the report for <paramref name="expected"/> is missing given the latest reported period.</summary>
    public static bool IsReportMissing(string? expected, string? lastReported) =>
        expected is not null && (lastReported is null || string.CompareOrdinal(lastReported, expected) < 0);

    /// <summary>
    /// The due date a deadline as written means: 年内/年底/年末/下半年/全年 → 12-31 of the plan year; 上半年 → 06-30;
    /// 一季度…四季度 → the quarter's last day; "6月"/"6月底前" → 06-30; "6月15日" → 06-15; 上旬/中旬 → the 10th/20th;
    /// "2025年" → 2025-12-31 (a year in the text overrides the plan year); 长期坚持/常态化/持续 → none.
    /// </summary>
    public static DateOnly? DueDate(string? deadline, int planYear) => PlanLedger.Documents.DueDates.Resolve(deadline, planYear);

    private static int Month(string s)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        return s switch
        {
            "一" => 1, "二" => 2, "三" => 3, "四" => 4, "五" => 5, "六" => 6, "七" => 7, "八" => 8,
            "九" => 9, "十" => 10, "十一" => 11, "十二" => 12, _ => 0,
        };
    }

    [GeneratedRegex(@"((?:19|20|21)\d{2})\s*年")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?(?:\s*(?<d>[0-3]?\d)\s*日)?")]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"第?([一二三四1-4])\s*季度")]
    private static partial Regex QuarterRegex();
}

/// <summary>Applies <see cref="StatusRules"/> to stored tasks: leaves by the rules, sections rolled up from their children.</summary>
public static class TaskStatusExtensions
{
    /// <summary>The status of a leaf task (one without children) by the rules.</summary>
    public static PlanTaskStatus ComputeStatus(this PlanTask task, Plan plan, DateOnly today)
    {
        var expected = plan.Status == PlanStatus.Published
            ? StatusRules.ExpectedPeriod(today, plan.ReportDay, plan.PublishedAt is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null, plan.Year)
            : null;
        // A task whose due date came before the expected period needs no report for it.
        if (expected is not null && task.DueDate is { } due && string.CompareOrdinal(StatusRules.PeriodOf(due), expected) < 0) expected = null;
        return StatusRules.Compute(new StatusInput(task.DueDate, task.Progress, task.ClosedAt is not null,
            task.LastReportPeriod is not null, StatusRules.IsReportMissing(expected, task.LastReportPeriod),
            new DateOnly(plan.Year, 1, 1), today));
    }

    /// <summary>
    /// Recomputes and stores the status (and, for a section, the rolled-up progress); true when either changed.
    /// <paramref name="children"/> are the task's direct children, already refreshed; none means a leaf.
    /// </summary>
    public static bool RefreshStatus(this PlanTask task, Plan plan, DateOnly today, IReadOnlyCollection<PlanTask>? children = null)
    {
        if (children is { Count: > 0 })
        {
            var (progress, status) = StatusRules.RollUp(children.Select(c => (c.Status, c.Progress)).ToList(), task.DueDate,
                task.ClosedAt is not null, today);
            if (task.ClosedAt is not null) progress = task.Progress;
            if (progress == task.Progress && status == task.Status) return false;
            task.Progress = progress;
            task.Status = status;
            return true;
        }
        var s = task.ComputeStatus(plan, today);
        if (s == task.Status) return false;
        task.Status = s;
        return true;
    }

    /// <summary>
    /// Refreshes every given task of one plan: leaves first, then sections bottom-up (deepest first). The list must
    /// hold every task of the plan (a section's children are found in it, by <see cref="PlanTask.ParentId"/> or
    /// the <see cref="PlanTask.Parent"/> reference for tasks not yet saved). Returns the number of tasks that changed.
    /// </summary>
    public static int RefreshStatuses(this IReadOnlyCollection<PlanTask> tasks, Plan plan, DateOnly today)
    {
        var byId = tasks.Where(t => t.Id != 0).ToDictionary(t => t.Id);
        PlanTask? ParentOf(PlanTask t) => t.Parent ?? (t.ParentId is { } p ? byId.GetValueOrDefault(p) : null);
        var children = new Dictionary<PlanTask, List<PlanTask>>(ReferenceEqualityComparer.Instance);
        foreach (var t in tasks)
            if (ParentOf(t) is { } parent)
            {
                if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
                list.Add(t);
            }
        var depth = new Dictionary<PlanTask, int>(ReferenceEqualityComparer.Instance);
        int Depth(PlanTask t)
        {
            if (depth.TryGetValue(t, out var d)) return d;
            depth[t] = 0; // guards against a cycle
            return depth[t] = ParentOf(t) is { } parent ? Depth(parent) + 1 : 0;
        }
        var changed = 0;
        foreach (var t in tasks.OrderByDescending(Depth))
            if (t.RefreshStatus(plan, today, children.GetValueOrDefault(t))) changed++;
        return changed;
    }

    /// <summary>
    /// After one task changed (a report filed or returned, a close-out, an edit): refreshes the task and then its
    /// ancestors bottom-up. One query whatever the depth: the chain of ancestors (recursive, the same SQL on SQLite and
    /// PostgreSQL) with the direct children of each task in it, tracked, so the caller's <paramref name="task"/> is the
    /// same instance. It runs under the plan's lock, where every round trip is time the plan's other writers wait. Written
    /// so that each step is an index lookup (the primary key, <c>IX_PlanTasks_ParentId</c>): an <c>OR</c> of the two
    /// sets made PostgreSQL scan the whole table (150 ms at province scale).
    /// </summary>
    public static async Task RefreshWithAncestorsAsync(this PlanTask task, LedgerDbContext db, Plan plan, DateOnly today,
        CancellationToken ct = default)
    {
        var loaded = await db.Tasks.FromSql($"""
            WITH RECURSIVE "Chain"("Id") AS (
                SELECT {task.Id}
                UNION
                SELECT t."ParentId" FROM "PlanTasks" t JOIN "Chain" c ON t."Id" = c."Id" WHERE t."ParentId" IS NOT NULL),
            "Rows"("Id") AS (
                SELECT "Id" FROM "Chain"
                UNION
                SELECT t."Id" FROM "PlanTasks" t JOIN "Chain" c ON t."ParentId" = c."Id")
            SELECT * FROM "PlanTasks" WHERE "Id" IN (SELECT "Id" FROM "Rows")
            """).ToListAsync(ct);
        var byId = loaded.ToDictionary(t => t.Id);
        var children = loaded.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var chain = new List<int> { task.Id };
        for (var p = task.ParentId; p is { } id && byId.ContainsKey(id) && !chain.Contains(id); p = byId[id].ParentId) chain.Add(id);
        foreach (var id in chain)
        {
            var t = id == task.Id ? task : byId[id];
            t.RefreshStatus(plan, today, children[id].ToList());
        }
    }
}
