using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Tasks;

/// <summary>A task: targets (target vs actual), report history with evidence, filing a report, return and close-out.</summary>
[RequestSizeLimit(64L * 1024 * 1024)]
public sealed class DetailModel(LedgerDbContext db, LedgerQueries queries, ReportService reports, Review.ReviewService reviews,
    Decisions.TaskDecisionService decisions, Supervision.SupervisionService notices, Plans.PlanReadCache cache, Notifications.UnreadCounts unreadCounts, TimeProvider clock) : LedgerPageModel
{
    public PlanTask Task { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public List<TaskTarget> Targets { get; private set; } = [];
    public List<TaskUnit> Units { get; private set; } = [];
    public List<ReportDto> Reports { get; private set; } = [];
    /// <summary>Direct children: a task that has them is a section, rolled up from them and not reported on.</summary>
    public List<PlanTask> Children { get; private set; } = [];
    public bool IsSection => Children.Count > 0;
    public bool CanReport { get; private set; }
    public bool CanReview { get; private set; }
    public bool IsLeader => Me.Role is UserRole.Leader or UserRole.Admin;
    public bool IsUnit => Me.Role == UserRole.Reporter && Me.UnitId is { } u && Units.Any(x => x.UnitId == u);
    public List<Supervision.NoticeDto> Notices { get; private set; } = [];
    public List<Decisions.CommentDto> Comments { get; private set; } = [];
    public List<Decisions.TaskEventDto> History { get; private set; } = [];
    public List<Decisions.RequestDto> Requests { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>Last month, within the plan's year (a past year's plan: its December; in January: January).</summary>
    public string DefaultPeriod
    {
        get
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (Plan.Year < today.Year) return $"{Plan.Year:0000}-12";
            var month = today.Month == 1 || Plan.Year > today.Year ? today : today.AddMonths(-1);
            return StatusRules.PeriodOf(month);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await queries.TaskWithPathAsync(Me, id, LedgerAction.ReadPlan, ct);
        if (r.Error is { } e) return Fail(e);
        (Task, Plan, var orgPath) = r.Value;
        // The task's own rows (targets, units, reports with actuals and evidence, sub-tasks, 批示, history) are plan
        // content, the same for every reader who may open the task: read once per plan revision (PlanReadCache).
        (Targets, Units, Reports, Children, Comments, History) = await cache.GetAsync("task-page", Plan, async () => new TaskPageRows(
                await db.Targets.AsNoTracking().Where(t => t.TaskId == id).OrderBy(t => t.Id).ToListAsync(ct),
                await db.TaskUnits.AsNoTracking().Where(u => u.TaskId == id).OrderBy(u => u.Id).ToListAsync(ct),
                await reports.ListAsync(id, ct),
                await db.Tasks.AsNoTracking().Where(t => t.ParentId == id).OrderBy(t => t.Order).ToListAsync(ct),
                await decisions.CommentsAsync(id, ct),
                await decisions.EventsAsync(id, ct)),
            TaskPageRows.Size, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var resource = new Resource(Plan.OrganisationId, orgPath, Plan.Status == PlanStatus.Draft,
            Units.Where(u => u.UnitId != null).Select(u => u.UnitId!.Value).ToList());
        CanReport = Plan.Status == PlanStatus.Published && Task.ClosedAt is null && !IsSection && Access.Can(Me, LedgerAction.ReportOnTask, resource);
        CanReview = Access.Can(Me, LedgerAction.ReviewReport, resource);
        // 督办单 and 申请 are listed in the reader's scope: read per view.
        Notices = await notices.ListAsync(Me, new Supervision.NoticeFilter(TaskId: id), ct);
        Requests = await decisions.RequestsAsync(Me, id, ct: ct);
        // The unit has seen this task: its reminders about it are read.
        // Looked for first: an UPDATE that matches nothing still takes SQLite's single write lock, so every view of a
        // task by a unit waited behind report POSTs and the notification dispatcher (docs/scale.md §8).
        if (Me.UnitId is { } unit)
        {
            var unread = db.Notifications.Where(n => n.UnitId == unit && n.TaskId == id && n.ReadAt == null);
            if (await unread.AnyAsync(ct))
            {
                await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
                unreadCounts.Changed();
            }
        }
        Error ??= Flash;
        return Page();
    }

    private IActionResult Back(int id, Failure? f)
    {
        if (f is { Status: 403 or 404 }) return Fail(f);
        Flash = f?.Title;
        return Redirect($"/Tasks/{id}");
    }

    public async Task<IActionResult> OnPostReportAsync(int id, [TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period), Label = "报送周期")] string? period, int? progress,
        [TextLimit(ProgressReport.MaxTextLength)] string? text, List<int>? targetIds, [TextLimit(50)] List<string>? actualValues, List<IFormFile>? evidence, CancellationToken ct)
    {
        var actuals = new List<ActualInput>();
        for (var i = 0; i < (targetIds?.Count ?? 0); i++)
        {
            var raw = actualValues is not null && i < actualValues.Count ? actualValues[i] : null;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (!decimal.TryParse(raw, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v))
                return Back(id, Failure.BadRequest($"实际值无效：{raw}"));
            actuals.Add(new ActualInput(targetIds![i], v));
        }
        var files = (evidence ?? []).Where(f => f.Length > 0)
            .Select(f => new EvidenceUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        var r = await reports.SubmitAsync(Me, id, new ReportInput(period, progress, text, actuals), files, ct);
        return Back(id, r.Error);
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, int reportId, [TextLimit(typeof(ProgressReport), nameof(ProgressReport.ReviewComment))] string? comment, CancellationToken ct)
    {
        var r = await reviews.ReturnAsync(Me, reportId, comment, ct);
        return Back(id, r.Error);
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, int reportId, CancellationToken ct) =>
        Back(id, (await reviews.ApproveAsync(Me, reportId, null, ct)).Error);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int reportId, CancellationToken ct) =>
        Back(id, (await reports.WithdrawAsync(Me, reportId, ct)).Error);

    public async Task<IActionResult> OnPostEditAsync(int id, int reportId, int? progress, [TextLimit(ProgressReport.MaxTextLength)] string? text, CancellationToken ct) =>
        Back(id, (await reports.EditAsync(Me, reportId, new ReportEdit(progress, text), ct)).Error);

    public async Task<IActionResult> OnPostReopenAsync(int id, [TextLimit(typeof(PlanTask), nameof(PlanTask.CloseReason))] string? reason, CancellationToken ct) =>
        Back(id, (await decisions.UndoCloseOutAsync(Me, id, reason, ct)).Error);

    public async Task<IActionResult> OnPostOngoingAsync(int id, bool ongoing, CancellationToken ct) =>
        Back(id, (await decisions.SetOngoingAsync(Me, id, ongoing, ct)).Error);

    public async Task<IActionResult> OnPostExtensionAsync(int id, DateOnly? dueDate, [TextLimit(typeof(TaskRequest), nameof(TaskRequest.Reason))] string? reason, CancellationToken ct) =>
        Back(id, (await decisions.RequestAsync(Me, id, Data.Entities.TaskRequestKind.Extension, reason, dueDate, null, ct)).Error);

    public async Task<IActionResult> OnPostCloseOutRequestAsync(int id, [TextLimit(typeof(TaskRequest), nameof(TaskRequest.Reason))] string? reason, List<IFormFile>? requestEvidence, CancellationToken ct)
    {
        var files = (requestEvidence ?? []).Where(f => f.Length > 0).Select(f => new EvidenceUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        return Back(id, (await decisions.RequestAsync(Me, id, Data.Entities.TaskRequestKind.CloseOut, reason, null, files, ct)).Error);
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, [TextLimit(typeof(LeaderComment), nameof(LeaderComment.Text))] string? text, int? reportId, CancellationToken ct) =>
        Back(id, (await decisions.CommentAsync(Me, id, reportId, text, ct)).Error);

    public async Task<IActionResult> OnPostCloseAsync(int id, [TextLimit(typeof(PlanTask), nameof(PlanTask.CloseReason))] string? reason, CancellationToken ct)
    {
        var r = await decisions.CloseOutAsync(Me, id, reason, ct);
        return Back(id, r.Error);
    }
}

/// <summary>What the task page shows of one task's plan content, kept per plan revision (the page never changes them).</summary>
public sealed record TaskPageRows(List<TaskTarget> Targets, List<TaskUnit> Units, List<ReportDto> Reports, List<PlanTask> Children,
    List<Decisions.CommentDto> Comments, List<Decisions.TaskEventDto> History)
{
    /// <summary>An estimate of the bytes it holds (the cache's size unit).</summary>
    public static long Size(TaskPageRows r) =>
        512 + r.Targets.Sum(t => 160 + 2L * (t.Text.Length + t.Unit.Length)) + r.Units.Sum(u => 96 + 2L * u.Name.Length)
        + r.Reports.Sum(x => 320 + 2L * (x.Text?.Length ?? 0) + 2L * (x.ReviewComment?.Length ?? 0) + x.Actuals.Count * 48 + x.Evidence.Sum(v => 96 + 2L * v.FileName.Length))
        + r.Children.Sum(t => 512 + 2L * (t.Path.Length + t.Heading.Length + t.Text.Length))
        + r.Comments.Sum(c => 160 + 2L * c.Text.Length) + r.History.Sum(h => 160 + 2L * (h.Text?.Length ?? 0));
}
