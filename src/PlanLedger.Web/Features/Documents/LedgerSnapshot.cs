using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Documents;

/// <summary>A report as the documents cite it (returned reports are never cited).</summary>
public sealed record CitedReport(int Id, int TaskId, string Period, int Progress, string Text, DateTimeOffset SubmittedAt,
    IReadOnlyList<(int TargetId, decimal Value)> Actuals);

/// <summary>
/// One plan read for the documents: its tasks in document order (with units and targets) and its reports that stand
/// (submitted or accepted), read through <see cref="LedgerQueries"/> and the report entities without changing them.
/// </summary>
public sealed record LedgerSnapshot(Plan Plan, string Issuer, IReadOnlyList<TaskDto> Tasks, IReadOnlyList<CitedReport> Reports)
{
    private ILookup<int, TaskDto>? _children;
    private ILookup<int, CitedReport>? _byTask;

    public ILookup<int, TaskDto> Children => _children ??= Tasks.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
    public ILookup<int, CitedReport> ReportsByTask => _byTask ??= Reports.ToLookup(r => r.TaskId);

    public bool IsLeaf(TaskDto t) => !Children[t.Id].Any();
    public IEnumerable<TaskDto> Sections => Tasks.Where(t => t.ParentId is null);
    public IEnumerable<TaskDto> Leaves => Tasks.Where(IsLeaf);

    public IEnumerable<TaskDto> LeavesUnder(TaskDto t) =>
        IsLeaf(t) ? [t] : Children[t.Id].OrderBy(c => c.Order).SelectMany(LeavesUnder);

    /// <summary>The latest standing report of a task: the latest period, then the latest submission.</summary>
    public CitedReport? Latest(int taskId) =>
        ReportsByTask[taskId].OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.SubmittedAt).FirstOrDefault();

    /// <summary>The latest standing report for one period.</summary>
    public CitedReport? ForPeriod(int taskId, string period) =>
        ReportsByTask[taskId].Where(r => r.Period == period).OrderByDescending(r => r.SubmittedAt).FirstOrDefault();

    /// <summary>The latest reported actual of a target and the report it comes from.</summary>
    public (decimal Value, CitedReport Report)? Actual(int taskId, int targetId) =>
        ReportsByTask[taskId].OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.SubmittedAt)
            .SelectMany(r => r.Actuals.Where(a => a.TargetId == targetId).Select(a => ((decimal Value, CitedReport Report)?)(a.Value, r)))
            .FirstOrDefault();

    public static async Task<LedgerSnapshot> LoadAsync(LedgerDbContext db, LedgerQueries queries, Plan plan, CancellationToken ct)
    {
        var tasks = await queries.TasksAsync(plan.Id, ct);
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.Task!.PlanId == plan.Id && r.Status != ReportStatus.Returned)
            .Select(r => new { r.Id, r.TaskId, r.Period, r.Progress, r.Text, r.SubmittedAt })
            .ToListAsync(ct);
        var actuals = await db.ReportActuals.AsNoTracking()
            .Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.Task!.PlanId == plan.Id && r.Status != ReportStatus.Returned))
            .Select(a => new { a.ReportId, a.TargetId, a.Value }).ToListAsync(ct);
        var byReport = actuals.ToLookup(a => a.ReportId);
        var reports = rows.Select(r => new CitedReport(r.Id, r.TaskId, r.Period, r.Progress, r.Text, r.SubmittedAt,
            byReport[r.Id].Select(a => (a.TargetId, a.Value)).ToList())).ToList();
        var issuer = plan.Issuer ?? await db.Organisations.Where(o => o.Id == plan.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        return new LedgerSnapshot(plan, issuer, tasks, reports);
    }
}

