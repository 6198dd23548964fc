using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>The leaders' dashboard of one plan: status counts, per unit, per section, over periods, overdue and at-risk lists.</summary>
public sealed class DashboardModel(LedgerQueries queries, SummaryService summaries, Inspections.FindingService findings, SupervisionStats stats,
    UnitFindings unitFindings, Plans.PlanReadCache cache) : LedgerPageModel
{
    public Plan Plan { get; private set; } = null!;
    public PlanSummary Summary { get; private set; } = null!;
    public List<SectionSummary> Sections { get; private set; } = [];
    public List<PeriodSummary> Periods { get; private set; } = [];
    public List<PlanTask> OverdueTasks { get; private set; } = [];
    public List<PlanTask> AtRiskTasks { get; private set; } = [];
    public int AverageProgress { get; private set; }
    /// <summary>未整改问题: open findings related to this plan's tasks (督导).</summary>
    public Inspections.FindingCounts Findings { get; private set; } = new(0, 0, 0);
    /// <summary>The supervision figures (按时报送率 …), loaded by the page after it shows (htmx), so the page keeps its query budget.</summary>
    public async Task<IActionResult> OnGetStatsAsync(int id, CancellationToken ct)
    {
        var access = await queries.PlanAsync(Me, id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Fail(e);
        // 整改未销号 per unit: the unit's findings of the plan organisation's inspection rounds (and those below) not yet closed
        var open = await unitFindings.ByUnitAsync(access.Value!.Resource.OrganisationPath, ct);
        var model = await stats.ForPlanAsync(access.Value!.Plan, ct);
        return new PartialViewResult
        {
            ViewName = "/Features/Dashboard/_SupervisionStats.cshtml",
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<SupervisionStatsDto>(ViewData, model) { ["OpenFindings"] = open },
        };
    }

    /// <summary>Chart data as JSON, placed in an attribute (HTML-encoded by Razor) and read by dashboard.js; built when the
    /// page's cached figures are rendered (once per revision and language), not on every request.</summary>
    public string ChartJson => JsonSerializer.Serialize(new
        {
            labels = new
            {
                status = ChartWords.Statuses(), tasks = Strings.Localize("任务数"), done = Strings.Localize("已完成"),
                overdue = Strings.Localize("逾期"), progress = Strings.Localize("平均进度"), reported = Strings.Localize("平均填报进度"),
            },
            byStatus = Summary.ByStatus,
            byUnit = Summary.ByUnit.Take(30),
            byPeriod = Periods,
        }, JsonSerializerOptions.Web);

    /// <summary>The key of the page's cached figures (<c>&lt;cache&gt;</c> in Dashboard.cshtml): the plan and its revision.</summary>
    public string FiguresKey => $"{Plan.Id}:{Plan.Revision}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var access = await queries.PlanAsync(Me, id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Fail(e);
        Plan = access.Value!.Plan;
        // The plan's figures are the same for every reader: computed once per revision (PlanReadCache); the findings
        // counts below depend on the reader's scope and are read on every request.
        var figures = await cache.GetAsync("dashboard", Plan, async () => new DashboardFigures(
                await summaries.SummaryAsync(id, ct), await summaries.BySectionAsync(id, ct), await summaries.ByPeriodAsync(id, ct),
                await summaries.ListAsync(id, PlanTaskStatus.Overdue, 50, ct), await summaries.ListAsync(id, PlanTaskStatus.AtRisk, 50, ct)),
            DashboardFigures.Size);
        (Summary, Sections, Periods, OverdueTasks, AtRiskTasks) = figures;
        Findings = await findings.CountsAsync(Me, ct, planId: id);
        AverageProgress = Sections.Count == 0 ? 0 : (int)Math.Round(Sections.Sum(s => (double)s.Progress * s.Tasks) / Math.Max(1, Sections.Sum(s => s.Tasks)));
        return Page();
    }
}

/// <summary>What the dashboard shows of a plan's rows, kept per revision.</summary>
public sealed record DashboardFigures(PlanSummary Summary, List<SectionSummary> Sections, List<PeriodSummary> Periods,
    List<PlanTask> OverdueTasks, List<PlanTask> AtRiskTasks)
{
    /// <summary>An estimate of the bytes it holds (the cache's size unit).</summary>
    public static long Size(DashboardFigures f) =>
        512 + f.Summary.ByUnit.Sum(u => 96 + 2 * u.Unit.Length) + f.Sections.Sum(x => 96 + 2 * (x.Section.Length + x.Heading.Length))
        + f.Periods.Count * 64 + f.OverdueTasks.Concat(f.AtRiskTasks).Sum(t => 512 + 2 * (t.Path.Length + t.Heading.Length + t.Text.Length + (t.Deadline?.Length ?? 0)));
}
