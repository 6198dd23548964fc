using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Data.EntityConfigurations;

namespace PlanLedger.Web.Features.Dashboard;

public sealed record UnitSummary(string Unit, int? UnitId, int Tasks, int Done, int Overdue, int Progress);
public sealed record SectionSummary(string Section, string Heading, int Tasks, int Done, int Overdue, int AtRisk, int Progress);
public sealed record PeriodSummary(string Period, int Reports, int Progress);
/// <summary>The plan summary of the API: <paramref name="Tasks"/>, <paramref name="ByStatus"/> and <paramref name="ByUnit"/>
/// count leaf tasks (tasks without children); <paramref name="Sections"/> is the number of section tasks, whose status
/// is rolled up from their children and which would otherwise be counted twice.</summary>
public sealed record PlanSummary(int Tasks, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<UnitSummary> ByUnit, int Sections);

/// <summary>
/// Dashboard aggregates, computed in SQL (GROUP BY), never by loading a plan's rows. Counts are on leaf tasks
/// (tasks without children): a section's status and progress are its children's, rolled up (see StatusRules).
/// </summary>
public sealed class SummaryService(LedgerDbContext db)
{
    /// <summary>A plan's leaf tasks (those no task names as parent).</summary>
    private IQueryable<PlanTask> Leaves(int planId) =>
        db.Tasks.Where(t => t.PlanId == planId && !db.Tasks.Any(c => c.ParentId == t.Id));

    public async Task<PlanSummary> SummaryAsync(int planId, CancellationToken ct = default)
    {
        var byStatus = await Leaves(planId).GroupBy(t => t.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var statuses = Enum.GetValues<PlanTaskStatus>().ToDictionary(StatusNames.ToName,
            s => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0);
        var sections = await db.Tasks.CountAsync(t => t.PlanId == planId && db.Tasks.Any(c => c.ParentId == t.Id), ct);
        return new PlanSummary(statuses.Values.Sum(), statuses, await ByUnitAsync(planId, ct), sections);
    }

    /// <summary>Per lead unit of leaf tasks: mapped units by directory name, unmapped ones by the name as written.</summary>
    public async Task<List<UnitSummary>> ByUnitAsync(int planId, CancellationToken ct = default)
    {
        // One flat join grouped once: aggregates over a navigation inside the group (x.Task.Status) would become three
        // correlated sub-queries per group on PostgreSQL (see docs/scale.md).
        var rows = await (from u in db.TaskUnits
                join t in db.Tasks on u.TaskId equals t.Id
                where u.Role == UnitRole.Lead && t.PlanId == planId && !db.Tasks.Any(c => c.ParentId == t.Id)
                select new { u.UnitId, Name = u.Unit != null ? u.Unit.Name : u.Name, t.Status, t.Progress })
            .GroupBy(x => new { x.UnitId, x.Name })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.Name, Tasks = g.Count(),
                Done = g.Count(x => x.Status == PlanTaskStatus.Done),
                Overdue = g.Count(x => x.Status == PlanTaskStatus.Overdue),
                Progress = g.Average(x => (double)x.Progress),
            }).ToListAsync(ct);
        return rows.Select(r => new UnitSummary(r.Name, r.UnitId, r.Tasks, r.Done, r.Overdue, (int)Math.Round(r.Progress)))
            .OrderByDescending(r => r.Tasks).ThenBy(r => r.Unit, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per top-level section: its leaf tasks.</summary>
    public async Task<List<SectionSummary>> BySectionAsync(int planId, CancellationToken ct = default)
    {
        var rows = await Leaves(planId).GroupBy(t => t.Section)
            .Select(g => new
            {
                Section = g.Key, Tasks = g.Count(), First = g.Min(x => x.Order),
                Done = g.Count(x => x.Status == PlanTaskStatus.Done),
                Overdue = g.Count(x => x.Status == PlanTaskStatus.Overdue),
                AtRisk = g.Count(x => x.Status == PlanTaskStatus.AtRisk),
                Progress = g.Average(x => (double)x.Progress),
            }).ToListAsync(ct);
        var headings = (await db.Tasks.Where(t => t.PlanId == planId && t.ParentId == null).OrderBy(t => t.Order)
                .Select(t => new { t.Section, t.Heading }).ToListAsync(ct))
            .DistinctBy(t => t.Section).ToDictionary(t => t.Section, t => t.Heading);
        return rows.OrderBy(r => r.First).Select(r => new SectionSummary(r.Section, headings.GetValueOrDefault(r.Section) ?? "",
            r.Tasks, r.Done, r.Overdue, r.AtRisk, (int)Math.Round(r.Progress))).ToList();
    }

    public async Task<List<PeriodSummary>> ByPeriodAsync(int planId, CancellationToken ct = default)
    {
        var rows = await db.Reports.Where(r => r.Task!.PlanId == planId && r.Status != ReportStatus.Returned)
            .GroupBy(r => r.Period)
            .Select(g => new { Period = g.Key, Reports = g.Count(), Progress = g.Average(x => (double)x.Progress) })
            .OrderBy(g => g.Period).ToListAsync(ct);
        return rows.Select(r => new PeriodSummary(r.Period, r.Reports, (int)Math.Round(r.Progress))).ToList();
    }

    /// <summary>Leaf tasks with a given status (overdue / at-risk lists; a section only repeats its children), first <paramref name="max"/> in document order.</summary>
    public Task<List<PlanTask>> ListAsync(int planId, PlanTaskStatus status, int max, CancellationToken ct = default) =>
        Leaves(planId).AsNoTracking().Where(t => t.Status == status).OrderBy(t => t.Order).Take(max).ToListAsync(ct);
}
