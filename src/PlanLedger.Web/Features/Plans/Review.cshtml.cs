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

/// <summary>One task row of the review tree, as the partial _ReviewTask renders it (alone after an in-place edit).</summary>
public sealed record ReviewRow(ReviewModel Page, PlanTask Task);

/// <summary>
/// Review (校对): the source text beside the parsed tree; the office fixes items, targets, units and due dates, adds and
/// deletes tasks and sections, assigns units in bulk, corrects the plan's details, then publishes after the checklist.
/// Edits of one task answer an htmx request with that task's row alone; a refused edit shows its message next to the field.
/// </summary>
public sealed class ReviewModel(LedgerDbContext db, LedgerQueries queries, PlanEditor editor, PairingUndo pairing,
    TaskStructureEditor structure, TaskUnitAssignments assignments, PlanLifecycle lifecycle) : LedgerPageModel
{
    public Plan Plan { get; private set; } = null!;
    /// <summary>Every task of the plan in document order.</summary>
    public List<PlanTask> AllTasks { get; private set; } = [];
    /// <summary>The tasks the tree shows (all, or those the filter picks).</summary>
    public List<PlanTask> Tasks { get; private set; } = [];
    public ILookup<int, TaskTarget> Targets { get; private set; } = null!;
    public ILookup<int, TaskUnit> Units { get; private set; } = null!;
    public HashSet<int> Sections { get; private set; } = [];
    public List<Unit> Directory { get; private set; } = [];
    public List<SourceSegment> Segments { get; private set; } = [];
    public PublishChecklist Checklist { get; private set; } = null!;
    public string? Error { get; private set; }
    /// <summary>The last save was refused because someone else had changed the row (409): the page offers to reload.</summary>
    public bool Stale { get; private set; }
    public int? StaleTaskId { get; private set; }
    [TempData] public int? StaleTask { get; set; }
    /// <summary>Field messages of a refused edit, by task (and target: key "target-{id}:{field}"), shown next to the field.</summary>
    public Dictionary<int, IReadOnlyDictionary<string, string>> FieldErrors { get; } = [];
    /// <summary>A refusal of one task's edit that belongs to no field (shown in that task's row).</summary>
    public Dictionary<int, string> TaskMessages { get; } = [];
    public IReadOnlyDictionary<string, string> PlanErrors { get; private set; } = new Dictionary<string, string>();
    /// <summary>The values typed into a refused form, so that nothing typed is lost.</summary>
    public Dictionary<string, string?> Typed { get; } = [];

    /// <summary>无牵头单位 (nolead) · 无完成时限 (nodeadline) · 未匹配单位 (unmapped).</summary>
    [BindProperty(SupportsGet = true), TextLimit(20)] public string? Filter { get; set; }

    public bool Draft => Plan.Status == PlanStatus.Draft;
    /// <summary>An htmx answer: the checklist comes with the row as an out-of-band swap.</summary>
    public bool ChecklistOutOfBand { get; private set; }
    public bool IsLeaf(PlanTask t) => !Sections.Contains(t.Id);
    public IReadOnlyDictionary<string, string> ErrorsOf(int taskId) =>
        FieldErrors.TryGetValue(taskId, out var e) ? e : new Dictionary<string, string>();
    public string? TypedOr(int taskId, string field, string? value) => FieldErrors.ContainsKey(taskId) && Typed.TryGetValue(field, out var v) ? v : value;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, true, ct) is { } fail) return fail;
        Error = Flash;
        Stale = Error is not null && Error.StartsWith("有人已修改", StringComparison.Ordinal);
        StaleTaskId = StaleTask;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, bool withSource, CancellationToken ct)
    {
        var access = await queries.PlanAsync(Me, id, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return Fail(e);
        Plan = access.Value!.Plan;
        AllTasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.Order).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Task!.PlanId == id).OrderBy(t => t.Id).ToListAsync(ct);
        var units = await db.TaskUnits.AsNoTracking().Where(u => u.Task!.PlanId == id).OrderBy(u => u.Id).ToListAsync(ct);
        Targets = targets.ToLookup(t => t.TaskId);
        Units = units.ToLookup(u => u.TaskId);
        Sections = AllTasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
        Directory = (await db.Units.AsNoTracking().Where(u => u.OrganisationId == Plan.OrganisationId && u.MergedIntoId == null).ToListAsync(ct)).Sort(u => u.Name).ToList();
        Above = await UpperDirectory.ForAsync(db, Plan.OrganisationId, ct);
        Tasks = Filter switch
        {
            "nolead" => AllTasks.Where(t => IsLeaf(t) && !Units[t.Id].Any(u => u.Role == UnitRole.Lead)).ToList(),
            "nodeadline" => AllTasks.Where(t => IsLeaf(t) && string.IsNullOrWhiteSpace(t.Deadline) && t.DueDate is null && !t.Ongoing).ToList(),
            "unmapped" => AllTasks.Where(t => Units[t.Id].Any(u => u.UnitId is null)).ToList(),
            _ => AllTasks,
        };
        if (withSource)
        {
            var source = await db.PlanSources.AsNoTracking().Where(s => s.PlanId == id).Select(s => s.Text).FirstOrDefaultAsync(ct) ?? "";
            Segments = SourceHighlighter.Build(source, AllTasks, targets, units);
            Checklist = await PublishChecklist.ForAsync(db, id, ct);
        }
        return null;
    }

    public IReadOnlyList<Unit> Suggestions(string name) => UnitMatcher.Suggest(name, Directory);

    /// <summary>The units of the organisations above (UpperDirectory), for names this directory does not know.</summary>
    public List<Unit> Above { get; private set; } = [];

    /// <summary>Units of the directories above that the name probably means and that this directory lacks.</summary>
    public IReadOnlyList<Unit> AboveSuggestions(string name) =>
        UnitMatcher.Suggest(name, Above.Where(a => !Directory.Any(d => d.Name == a.Name)), 3);

    private bool Htmx => Request.Headers.ContainsKey("HX-Request");

    /// <summary>
    /// After an edit of one task: an htmx request gets that task's row (with the refusal next to its field); a plain form
    /// post with field errors gets the whole page with them; otherwise back to the task on the page.
    /// </summary>
    private async Task<IActionResult> Respond(int id, Failure? f, int taskId, CancellationToken ct, string? errorPrefix = null)
    {
        if (f is { Status: 403 or 404 }) return Fail(f);
        var fields = ReviewRules.Errors(f);
        if (!Htmx && fields.Count == 0) return Back(id, f, taskId);
        if (await LoadAsync(id, !Htmx, ct) is { } fail) return fail;
        if (Htmx)
        {
            Checklist = await PublishChecklist.ForAsync(db, id, ct);
            ChecklistOutOfBand = true;
        }
        if (fields.Count > 0) FieldErrors[taskId] = errorPrefix is null ? fields : fields.ToDictionary(x => errorPrefix + x.Key, x => x.Value);
        else if (f is not null) TaskMessages[taskId] = f is { Status: 409 } && f.Extensions?.ContainsKey("version") == true ? Concurrency.TaskTitle : f.Title;
        var task = AllTasks.FirstOrDefault(t => t.Id == taskId);
        if (!Htmx)
        {
            Response.StatusCode = 400;
            return Page();
        }
        return Partial("/Features/Plans/_ReviewTaskResponse.cshtml", new ReviewRow(this, task!));
    }

    private IActionResult Back(int id, Failure? f, int? taskId = null, string? done = null)
    {
        if (f is { Status: 403 or 404 }) return Fail(f);
        Flash = f?.Title ?? done;
        if (f is { Status: 409 } && f.Extensions?.ContainsKey("version") == true)
        {
            Flash = Concurrency.TaskTitle;
            StaleTask = taskId;
        }
        return Redirect($"/Plans/{id}/Review" + (taskId is { } t ? $"#task-{t}" : ""));
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, int taskId, [TextLimit(PlanTask.MaxTextLength)] string? heading,
        [TextLimit(PlanTask.MaxTextLength)] string? text, [TextLimit(PlanTask.MaxTextLength)] string? deadline, DateOnly? dueDate, int? version, CancellationToken ct)
    {
        (Typed["heading"], Typed["text"], Typed["deadline"]) = (heading, text, deadline);
        var r = await editor.UpdateTaskAsync(Me, taskId, new TaskEdit(heading ?? "", text ?? "", deadline, dueDate, version), ct);
        return await Respond(id, r.Error, taskId, ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int taskId, [TextLimit(typeof(PlanTask), nameof(PlanTask.Path))] string? parentPath, CancellationToken ct)
    {
        int? parent = null;
        if (!string.IsNullOrWhiteSpace(parentPath))
        {
            parent = await db.Tasks.Where(t => t.PlanId == id && t.Path == parentPath.Trim()).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (parent is null) return Back(id, Failure.BadRequest($"找不到条目 {parentPath}"), taskId);
        }
        var r = await editor.MoveAsync(Me, taskId, parent, ct);
        return Back(id, r.Error, taskId);
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, int taskId, [TextLimit(typeof(PlanTask), nameof(PlanTask.Path))] string? intoPath, CancellationToken ct)
    {
        var into = await db.Tasks.Where(t => t.PlanId == id && t.Path == (intoPath ?? "").Trim()).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (into is null) return Back(id, Failure.BadRequest($"找不到条目 {intoPath}"), taskId);
        var r = await editor.MergeAsync(Me, taskId, into.Value, ct);
        return Back(id, r.Error, into);
    }

    /// <summary>添加下级任务 (parentId) or 添加板块 (no parent: a new top-level section).</summary>
    public async Task<IActionResult> OnPostAddTaskAsync(int id, int? parentId, [TextLimit(PlanTask.MaxTextLength)] string? heading,
        [TextLimit(PlanTask.MaxTextLength)] string? text, [TextLimit(PlanTask.MaxTextLength)] string? deadline, CancellationToken ct)
    {
        var r = await structure.AddAsync(Me, id, parentId, heading, text, deadline, ct);
        if (r.Error is { } f && ReviewRules.Errors(f).Count > 0)
        {
            if (await LoadAsync(id, true, ct) is { } fail) return fail;
            FieldErrors[parentId ?? 0] = ReviewRules.Errors(f).ToDictionary(x => "new-" + x.Key, x => x.Value);
            (Typed["new-heading"], Typed["new-text"], Typed["new-deadline"]) = (heading, text, deadline);
            Response.StatusCode = 400;
            return Page();
        }
        return Back(id, r.Error, r.Value?.Id ?? parentId, r.Value is { } t ? $"已添加：{OfficeLabels.Name(t.Path, t.Heading)}" : null);
    }

    public async Task<IActionResult> OnPostDeleteTaskAsync(int id, int taskId, CancellationToken ct)
    {
        var r = await structure.DeleteAsync(Me, taskId, ct);
        return Back(id, r.Error, r.Error is null ? null : taskId, r.Value is { } t ? $"已删除：{OfficeLabels.Name(t.Path, t.Heading)}" : null);
    }

    public async Task<IActionResult> OnPostAddTargetAsync(int id, int taskId, [TextLimit(PlanTask.MaxTextLength)] string? targetText,
        [TextLimit(100)] string? targetValue, [TextLimit(PlanTask.MaxTextLength)] string? targetUnit, [TextLimit(typeof(TaskTarget), nameof(TaskTarget.Op))] string? op,
        CancellationToken ct)
    {
        (Typed["new-targetText"], Typed["new-targetValue"], Typed["new-targetUnit"]) = (targetText, targetValue, targetUnit);
        var errors = ReviewRules.Target(targetText, targetValue, targetUnit, op, out var value);
        var r = ReviewRules.Refuse(errors) is { } bad ? bad
            : (await editor.AddTargetAsync(Me, taskId, new TargetEdit(targetText ?? "", value, targetUnit ?? "", op ?? "="), ct)).Error;
        return await Respond(id, r, taskId, ct, "new-");
    }

    public async Task<IActionResult> OnPostUpdateTargetAsync(int id, int targetId, int taskId, [TextLimit(PlanTask.MaxTextLength)] string? targetText,
        [TextLimit(100)] string? targetValue, [TextLimit(PlanTask.MaxTextLength)] string? targetUnit, [TextLimit(typeof(TaskTarget), nameof(TaskTarget.Op))] string? op,
        bool remove, int? version, CancellationToken ct)
    {
        var prefix = $"target-{targetId}:";
        (Typed[prefix + "targetText"], Typed[prefix + "targetValue"], Typed[prefix + "targetUnit"]) = (targetText, targetValue, targetUnit);
        Failure? r;
        if (remove) r = (await editor.UpdateTargetAsync(Me, targetId, null, ct, version)).Error;
        else
        {
            var errors = ReviewRules.Target(targetText, targetValue, targetUnit, op, out var value);
            r = ReviewRules.Refuse(errors) is { } bad ? bad
                : (await editor.UpdateTargetAsync(Me, targetId, new TargetEdit(targetText ?? "", value, targetUnit ?? "", op ?? "=", version), ct, version)).Error;
        }
        return await Respond(id, r, taskId, ct, prefix);
    }

    public async Task<IActionResult> OnPostMapUnitAsync(int id, int taskUnitId, int taskId, int? unitId, CancellationToken ct)
    {
        var r = await editor.MapUnitAsync(Me, taskUnitId, unitId, ct);
        return await Respond(id, r.Error, taskId, ct);
    }

    /// <summary>移除: the unit leaves the task (its link, not only the mapping of its name).</summary>
    public async Task<IActionResult> OnPostRemoveUnitAsync(int id, int taskUnitId, int taskId, CancellationToken ct)
    {
        var r = await assignments.RemoveAsync(Me, taskUnitId, ct, taskId);
        return await Respond(id, r.Error, taskId, ct);
    }

    public async Task<IActionResult> OnPostAddUnitAsync(int id, int taskId, int unitId, UnitRole role, CancellationToken ct)
    {
        var r = await editor.AddUnitAsync(Me, taskId, unitId, role, ct);
        return await Respond(id, r.Error, taskId, ct);
    }

    /// <summary>新建单位: the name as written becomes a unit of the directory; every unmapped link with that name maps onto it.</summary>
    public async Task<IActionResult> OnPostCreateUnitAsync(int id, int taskUnitId, int taskId, UnitKind kind, int? fromUnitId, CancellationToken ct)
    {
        var r = await assignments.CreateFromNameAsync(Me, taskUnitId, kind, ct, fromUnitId);
        return Back(id, r.Error, taskId, r.Value is { } u ? $"已新建单位：{u.Name}" : null);
    }

    /// <summary>全部新建为单位: every unmapped name of the plan becomes a unit of the chosen kind.</summary>
    public async Task<IActionResult> OnPostCreateUnitsAsync(int id, UnitKind kind, CancellationToken ct)
    {
        var r = await assignments.CreateAllFromNamesAsync(Me, id, kind, ct);
        return Back(id, r.Error, null, r.Value is { } made ? $"已新建 {made.Count} 个单位：{string.Join("、", made.Select(u => u.Name).Take(20))}{(made.Count > 20 ? "…" : "")}" : null);
    }

    /// <summary>批量分工: the chosen unit becomes 牵头 or 配合 of every ticked task.</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, List<int>? taskIds, int unitId, UnitRole role, CancellationToken ct)
    {
        var r = await assignments.AssignAsync(Me, id, taskIds ?? [], unitId, role, ct);
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return Back(id, r.Error, null, r.Error is null
            ? $"已为 {r.Value} 项任务设置{(role == UnitRole.Lead ? "牵头单位" : "配合单位")}：{unit}" : null);
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

    /// <summary>标题、发文机关、年份 of the plan; a non-numeric year is refused next to its field.</summary>
    public async Task<IActionResult> OnPostDetailsAsync(int id, [TextLimit(PlanTask.MaxTextLength)] string? title, [TextLimit(PlanTask.MaxTextLength)] string? issuer,
        [TextLimit(20)] string? year, int? version, CancellationToken ct)
    {
        Failure? f;
        if (!int.TryParse(year?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
            f = ReviewRules.Refuse(new Dictionary<string, string> { ["year"] = "年份应为四位数字，如 2026" });
        else f = (await lifecycle.UpdateDetailsAsync(Me, id, title, issuer, y, version, ct)).Error;
        if (f is { Status: 403 or 404 }) return Fail(f);
        if (ReviewRules.Errors(f) is { Count: > 0 } errors)
        {
            if (await LoadAsync(id, true, ct) is { } fail) return fail;
            PlanErrors = errors;
            (Typed["title"], Typed["issuer"], Typed["year"]) = (title, issuer, year);
            Response.StatusCode = 400;
            return Page();
        }
        return Back(id, f, null, f is null ? "已保存计划信息" : null);
    }

    /// <summary>发布 after the checklist: an empty plan is refused; other findings need the confirmation box ticked.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, bool confirm, CancellationToken ct)
    {
        var access = await queries.PlanAsync(Me, id, LedgerAction.EditPlan, ct);
        if (access.Error is { } denied) return Fail(denied);
        var checklist = await PublishChecklist.ForAsync(db, id, ct);
        if (checklist.HasWarnings && !confirm)
            return Back(id, Failure.BadRequest("发布前检查发现问题：请查看并勾选“仍然发布”后再发布"));
        var r = await editor.PublishAsync(Me, id, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        if (r.Error is { } f) return Back(id, f);
        return Redirect($"/Plans/{id}/Ledger");
    }
}
