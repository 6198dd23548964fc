using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>The leaders' dashboard of one plan: status counts, per unit, per section, over periods, overdue and at-risk lists.</summary>
public sealed class DashboardModel(LedgerQueries queries, SummaryService summaries, Inspections.FindingService findings, SupervisionStats stats,
    UnitFindings unitFindings) : LedgerPageModel
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

    /// <summary>Chart data as JSON, placed in an attribute (HTML-encoded by Razor) and read by dashboard.js.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var access = await queries.PlanAsync(Me, id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Fail(e);
        Plan = access.Value!.Plan;
        Summary = await summaries.SummaryAsync(id, ct);
        Sections = await summaries.BySectionAsync(id, ct);
        Periods = await summaries.ByPeriodAsync(id, ct);
        OverdueTasks = await summaries.ListAsync(id, PlanTaskStatus.Overdue, 50, ct);
        AtRiskTasks = await summaries.ListAsync(id, PlanTaskStatus.AtRisk, 50, ct);
        Findings = await findings.CountsAsync(Me, ct, planId: id);
        AverageProgress = Sections.Count == 0 ? 0 : (int)Math.Round(Sections.Sum(s => (double)s.Progress * s.Tasks) / Math.Max(1, Sections.Sum(s => s.Tasks)));
        ChartJson = JsonSerializer.Serialize(new
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
        return Page();
    }
}
