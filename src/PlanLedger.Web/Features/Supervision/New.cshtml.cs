using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Supervision;

/// <summary>下发督办单: from a task (?taskId=), from several (ticked), or for a matter not in the plan (领导批示件 …).</summary>
public sealed class NewModel(LedgerDbContext db, SupervisionService notices, TimeProvider clock) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)] public List<int> TaskIds { get; set; } = [];
    [BindProperty(SupportsGet = true)] public int? PlanId { get; set; }
    public List<(int Id, string Title)> Plans { get; private set; } = [];
    public List<PlanTask> Candidates { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public HashSet<int> SuggestedUnits { get; private set; } = [];
    public string DefaultReplyBy => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(7).ToString("yyyy-MM-dd");
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role is not (UserRole.Admin or UserRole.Office)) return Forbid();
        Error = Flash;
        Plans = (await db.Plans.AsNoTracking().Where(p => p.OrganisationId == Me.OrganisationId && p.Status == PlanStatus.Published && p.ArchivedAt == null && p.Format != "matter")
            .OrderByDescending(p => p.Year).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        if (PlanId is null && TaskIds.Count > 0)
            PlanId = await db.Tasks.Where(t => t.Id == TaskIds[0]).Select(t => (int?)t.PlanId).FirstOrDefaultAsync(ct);
        PlanId ??= Plans.Count > 0 ? Plans[0].Id : null;
        if (PlanId is { } pid && Plans.Any(p => p.Id == pid))
        {
            // Lagging first: overdue, then at risk; leaves only (a section is nobody's to report on).
            var all = await db.Tasks.AsNoTracking().Where(t => t.PlanId == pid && t.ClosedAt == null).OrderBy(t => t.Order).ToListAsync(ct);
            var parents = all.Where(t => t.ParentId != null).Select(t => t.ParentId!.Value).ToHashSet();
            Candidates = all.Where(t => !parents.Contains(t.Id))
                .OrderBy(t => TaskIds.Contains(t.Id) ? 0 : t.Status == PlanTaskStatus.Overdue ? 1 : t.Status == PlanTaskStatus.AtRisk ? 2 : 3).ThenBy(t => t.Order).ToList();
        }
        Units = (await db.Units.AsNoTracking().Where(u => u.OrganisationId == Me.OrganisationId && u.MergedIntoId == null)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Sort(u => u.Name).Select(u => (u.Id, u.Name)).ToList();
        SuggestedUnits = (await db.TaskUnits.Where(u => TaskIds.Contains(u.TaskId) && u.Role == UnitRole.Lead && u.UnitId != null)
            .Select(u => u.UnitId!.Value).ToListAsync(ct)).ToHashSet();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<int>? taskIds, List<int>? unitIds, [TextLimit(10)] string? level, [TextLimit(typeof(SupervisionNotice), nameof(SupervisionNotice.Reason))] string? reason, [TextLimit(20)] string? replyBy,
        [TextLimit(typeof(PlanTask), nameof(PlanTask.Heading))] string? matterTitle, [TextLimit(4000)] string? matterText, [TextLimit(30)] string? matterSource, [TextLimit(20)] string? matterDue, CancellationToken ct)
    {
        MatterInput? matter = string.IsNullOrWhiteSpace(matterTitle) ? null : new MatterInput(matterTitle, matterText, matterSource, matterDue);
        var r = await notices.IssueAsync(Me, new IssueInput(taskIds ?? [], unitIds ?? [], level, reason, replyBy, matter), ct);
        if (r.Error is { Status: 403 } f) return Fail(f);
        if (r.Error is { } e)
        {
            Flash = e.Title;
            return Redirect("/Supervisions/New" + (taskIds is { Count: > 0 } ? "?" + string.Join("&", taskIds.Select(t => $"TaskIds={t}")) : ""));
        }
        Flash = $"已下发 {r.Value!.Number}";
        return Redirect($"/Supervisions/{r.Value.Id}");
    }
}
