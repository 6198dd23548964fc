using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Plans;

/// <summary>A task the checklist points at: its id, its path and its heading (for a link on the review page).</summary>
public sealed record ChecklistTask(int Id, string Path, string Heading);

/// <summary>
/// 发布前检查: what the office should look at before a draft becomes the year's ledger. An empty plan is refused;
/// every other finding only warns, and publishing then asks for confirmation.
/// <list type="bullet">
/// <item><see cref="NoLead"/>: leaf tasks (the ones units report on) without a 牵头单位;</item>
/// <item><see cref="NoDeadline"/>: leaf tasks without a 完成时限 and without a due date that are not standing duties;</item>
/// <item><see cref="Unmapped"/>: unit names as written that are not mapped onto the directory (distinct names);</item>
/// <item><see cref="EmptyHeadings"/>: tasks whose heading is empty.</item>
/// </list>
/// </summary>
public sealed record PublishChecklist(int Tasks, IReadOnlyList<ChecklistTask> NoLead, IReadOnlyList<ChecklistTask> NoDeadline,
    IReadOnlyList<string> Unmapped, IReadOnlyList<ChecklistTask> EmptyHeadings)
{
    public bool Empty => Tasks == 0;
    public bool HasWarnings => NoLead.Count + NoDeadline.Count + Unmapped.Count + EmptyHeadings.Count > 0;

    public static async Task<PublishChecklist> ForAsync(LedgerDbContext db, int planId, CancellationToken ct = default)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.ParentId, t.Path, t.Heading, t.Deadline, t.DueDate, t.Ongoing }).ToListAsync(ct);
        var links = await db.TaskUnits.AsNoTracking().Where(u => u.Task!.PlanId == planId)
            .Select(u => new { u.TaskId, u.Role, u.Name, u.UnitId }).ToListAsync(ct);
        var parents = tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
        var leads = links.Where(l => l.Role == UnitRole.Lead).Select(l => l.TaskId).ToHashSet();
        var leaves = tasks.Where(t => !parents.Contains(t.Id)).ToList();
        ChecklistTask Of(int id, string path, string heading) => new(id, path, heading);
        return new PublishChecklist(tasks.Count,
            leaves.Where(t => !leads.Contains(t.Id)).Select(t => Of(t.Id, t.Path, t.Heading)).ToList(),
            leaves.Where(t => string.IsNullOrWhiteSpace(t.Deadline) && t.DueDate is null && !t.Ongoing).Select(t => Of(t.Id, t.Path, t.Heading)).ToList(),
            links.Where(l => l.UnitId is null).Select(l => l.Name).Distinct().Order(StringComparer.Ordinal).ToList(),
            tasks.Where(t => string.IsNullOrWhiteSpace(t.Heading)).Select(t => Of(t.Id, t.Path, t.Heading)).ToList());
    }
}
