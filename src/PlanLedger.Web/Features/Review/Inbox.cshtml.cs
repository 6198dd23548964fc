using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Review;

/// <summary>待审核: the office's inbox of submitted reports, filterable, with 通过/退回 one by one and in bulk.</summary>
public sealed class InboxModel(LedgerDbContext db, ReviewService reviews) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true), TextLimit(typeof(PlanTask), nameof(PlanTask.Section))] public string? Section { get; set; }
    [BindProperty(SupportsGet = true), TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period), Label = "报送周期")] public string? Period { get; set; }
    public List<ReviewItem> Items { get; private set; } = [];
    public List<(int Id, string Title)> Plans { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public List<string> Sections { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role is not (UserRole.Admin or UserRole.Office)) return Forbid();
        Message = Flash;
        Items = await reviews.InboxAsync(Me, new ReviewFilter(PlanId, UnitId, Section, string.IsNullOrWhiteSpace(Period) ? null : Period.Trim()), ct);
        Plans = (await db.Plans.AsNoTracking().Where(p => p.OrganisationId == Me.OrganisationId && p.Status == PlanStatus.Published && p.ArchivedAt == null)
            .OrderByDescending(p => p.Year).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        Units = (await db.Units.AsNoTracking().Where(u => u.OrganisationId == Me.OrganisationId && u.MergedIntoId == null)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Sort(u => u.Name).Select(u => (u.Id, u.Name)).ToList();
        Sections = Items.Select(i => i.Section).Where(s => s.Length > 0).Distinct().Order().ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int reportId, CancellationToken ct)
    {
        var r = await reviews.ApproveAsync(Me, reportId, null, ct);
        Flash = r.Error?.Title ?? "已通过";
        return Back();
    }

    public async Task<IActionResult> OnPostReturnAsync(int reportId, [TextLimit(typeof(ProgressReport), nameof(ProgressReport.ReviewComment))] string? comment, CancellationToken ct)
    {
        var r = await reviews.ReturnAsync(Me, reportId, comment, ct);
        Flash = r.Error?.Title ?? "已退回";
        return Back();
    }

    public async Task<IActionResult> OnPostBulkAsync(List<int>? reportIds, [TextLimit(20)] string? decision, [TextLimit(typeof(ProgressReport), nameof(ProgressReport.ReviewComment))] string? comment, CancellationToken ct)
    {
        if (reportIds is not { Count: > 0 }) { Flash = "请先勾选填报"; return Back(); }
        var approve = decision != "return";
        if (!approve && string.IsNullOrWhiteSpace(comment)) { Flash = "请填写退回意见"; return Back(); }
        var r = await reviews.BulkAsync(Me, reportIds, approve, comment, ct);
        Flash = $"{(approve ? "通过" : "退回")} {r.Done.Count} 条" + (r.Failed.Count > 0 ? $"，{r.Failed.Count} 条未处理：{r.Failed[0].Title}" : "");
        return Back();
    }

    private IActionResult Back() => Redirect("/Reviews" + Request.QueryString);
}
