using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Admin;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>Review: the source text beside the parsed tree; the office fixes items, targets, units and due dates, then publishes.</summary>
public sealed class ReviewModel(LedgerDbContext db, LedgerQueries queries, PlanEditor editor, PairingUndo pairing) : LedgerPageModel
{
    public Plan Plan { get; private set; } = null!;
    public List<PlanTask> Tasks { get; private set; } = [];
    public ILookup<int, TaskTarget> Targets { get; private set; } = null!;
    public ILookup<int, TaskUnit> Units { get; private set; } = null!;
    public List<Unit> Directory { get; private set; } = [];
    public List<SourceSegment> Segments { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>The last save was refused because someone else had changed the row (409): the page offers to reload.</summary>
    public bool Stale { get; private set; }
    public int? StaleTaskId { get; private set; }
    [TempData] public int? StaleTask { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var access = await queries.PlanAsync(Me, id, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return Fail(e);
        Plan = access.Value!.Plan;
        Tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.Order).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Task!.PlanId == id).OrderBy(t => t.Id).ToListAsync(ct);
        var units = await db.TaskUnits.AsNoTracking().Where(u => u.Task!.PlanId == id).OrderBy(u => u.Id).ToListAsync(ct);
        Targets = targets.ToLookup(t => t.TaskId);
        Units = units.ToLookup(u => u.TaskId);
        Directory = await db.Units.AsNoTracking().Where(u => u.OrganisationId == Plan.OrganisationId && u.MergedIntoId == null).OrderBy(u => u.Name).ToListAsync(ct);
        var source = await db.PlanSources.AsNoTracking().Where(s => s.PlanId == id).Select(s => s.Text).FirstOrDefaultAsync(ct) ?? "";
        Segments = SourceHighlighter.Build(source, Tasks, targets, units);
        Error = Flash;
        Stale = Error is not null && Error.StartsWith("有人已修改", StringComparison.Ordinal);
        StaleTaskId = StaleTask;
        return Page();
    }

    public IReadOnlyList<Unit> Suggestions(string name) => UnitMatcher.Suggest(name, Directory);

    private IActionResult Back(int id, Failure? f, int? taskId = null)
    {
        if (f is { Status: 403 or 404 }) return Fail(f);
        Flash = f?.Title;
        if (f is { Status: 409 } && f.Extensions?.ContainsKey("version") == true)
        {
            Flash = Concurrency.TaskTitle;
            StaleTask = taskId;
        }
        return Redirect($"/Plans/{id}/Review" + (taskId is { } t ? $"#task-{t}" : ""));
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, int taskId, [TextLimit(typeof(PlanTask), nameof(PlanTask.Heading))] string? heading,
        [TextLimit(PlanTask.MaxTextLength)] string? text, [TextLimit(typeof(PlanTask), nameof(PlanTask.Deadline))] string? deadline, DateOnly? dueDate, int? version, CancellationToken ct)
    {
        var r = await editor.UpdateTaskAsync(Me, taskId, new TaskEdit(heading ?? "", text ?? "", deadline, dueDate, version), ct);
        return Back(id, r.Error, taskId);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int taskId, [TextLimit(typeof(PlanTask), nameof(PlanTask.Path))] string? parentPath, CancellationToken ct)
    {
        int? parent = null;
        if (!string.IsNullOrWhiteSpace(parentPath))
        {
            parent = await db.Tasks.Where(t => t.PlanId == id && t.Path == parentPath.Trim()).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (parent is null) return Back(id, Failure.BadRequest($"找不到条目 {parentPath} No item with that path"), taskId);
        }
        var r = await editor.MoveAsync(Me, taskId, parent, ct);
        return Back(id, r.Error, taskId);
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, int taskId, [TextLimit(typeof(PlanTask), nameof(PlanTask.Path))] string? intoPath, CancellationToken ct)
    {
        var into = await db.Tasks.Where(t => t.PlanId == id && t.Path == (intoPath ?? "").Trim()).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (into is null) return Back(id, Failure.BadRequest($"找不到条目 {intoPath} No item with that path"), taskId);
        var r = await editor.MergeAsync(Me, taskId, into.Value, ct);
        return Back(id, r.Error, into);
    }

    public async Task<IActionResult> OnPostAddTargetAsync(int id, int taskId, [TextLimit(typeof(TaskTarget), nameof(TaskTarget.Text))] string? targetText, decimal targetValue,
        [TextLimit(typeof(TaskTarget), nameof(TaskTarget.Unit))] string? targetUnit, [TextLimit(typeof(TaskTarget), nameof(TaskTarget.Op))] string? op, CancellationToken ct)
    {
        var r = await editor.AddTargetAsync(Me, taskId, new TargetEdit(targetText ?? "", targetValue, targetUnit ?? "", op ?? "="), ct);
        return Back(id, r.Error, taskId);
    }

    public async Task<IActionResult> OnPostUpdateTargetAsync(int id, int targetId, int taskId, [TextLimit(typeof(TaskTarget), nameof(TaskTarget.Text))] string? targetText,
        decimal targetValue, [TextLimit(typeof(TaskTarget), nameof(TaskTarget.Unit))] string? targetUnit, [TextLimit(typeof(TaskTarget), nameof(TaskTarget.Op))] string? op, bool remove, int? version, CancellationToken ct)
    {
        var r = await editor.UpdateTargetAsync(Me, targetId, remove ? null : new TargetEdit(targetText ?? "", targetValue, targetUnit ?? "", op ?? "=", version), ct, version);
        return Back(id, r.Error, taskId);
    }

    public async Task<IActionResult> OnPostMapUnitAsync(int id, int taskUnitId, int taskId, int? unitId, CancellationToken ct)
    {
        var r = await editor.MapUnitAsync(Me, taskUnitId, unitId, ct);
        return Back(id, r.Error, taskId);
    }

    public async Task<IActionResult> OnPostAddUnitAsync(int id, int taskId, int unitId, UnitRole role, CancellationToken ct)
    {
        var r = await editor.AddUnitAsync(Me, taskId, unitId, role, ct);
        return Back(id, r.Error, taskId);
    }

    /// <summary>拆开: the body item and its attachment-table row become two tasks again.</summary>
    public async Task<IActionResult> OnPostUnpairAsync(int id, int taskId, CancellationToken ct)
    {
        var r = await pairing.UnpairAsync(Me, taskId, ct);
        return Back(id, r.Error, r.Value?.Id ?? taskId);
    }

    public async Task<IActionResult> OnPostReportDayAsync(int id, int reportDay, int? version, CancellationToken ct)
    {
        var r = await editor.SetReportDayAsync(Me, id, reportDay, ct, version);
        return Back(id, r.Error);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var r = await editor.PublishAsync(Me, id, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        if (r.Error is { } f) return Back(id, f);
        return Redirect($"/Plans/{id}/Ledger");
    }
}
