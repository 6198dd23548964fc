using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Tasks;

public sealed record MyTask(int Id, int PlanId, string PlanTitle, string Path, string Heading, string Role, string? Deadline, DateOnly? DueDate,
    int Progress, PlanTaskStatus Status, string? LastReportPeriod);

/// <summary>我的任务: the tasks the reporter's unit leads or supports, in published plans.</summary>
public sealed class MineModel(LedgerDbContext db) : LedgerPageModel
{
    public List<MyTask> Tasks { get; private set; } = [];
    public List<Notification> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Me.UnitId is not { } unit) return;
        Tasks = await db.TaskUnits.AsNoTracking()
            .Where(u => u.UnitId == unit && u.Task!.Plan!.Status == PlanStatus.Published && u.Task.Plan.ArchivedAt == null)
            .OrderBy(u => u.Task!.PlanId).ThenBy(u => u.Task!.Order).Take(500)
            .Select(u => new MyTask(u.TaskId, u.Task!.PlanId, u.Task.Plan!.Title, u.Task.Path, u.Task.Heading, u.Role.ToString(), u.Task.Deadline,
                u.Task.DueDate, u.Task.Progress, u.Task.Status, u.Task.LastReportPeriod))
            .ToListAsync(ct);
        Notifications = await db.Notifications.AsNoTracking().Where(n => n.UnitId == unit && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).Take(50).ToListAsync(ct);
    }
}
