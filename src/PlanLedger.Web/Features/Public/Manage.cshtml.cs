using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Public;

/// <summary>政务公开 of one plan: the office publishes its public view (a stable link) or removes it.</summary>
public sealed class ManageModel(PublicPlans plans, LedgerQueries queries) : LedgerPageModel
{
    public string PlanTitle { get; private set; } = "";
    public string? Link { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var access = await queries.PlanAsync(Me, id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Fail(e);
        PlanTitle = access.Value!.Plan.Title;
        CanEdit = Access.Can(Me, LedgerAction.EditPlan, access.Value.Resource);
        Link = await plans.LinkAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var r = await plans.PublishAsync(Me, id, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? "已公开";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct)
    {
        var f = await plans.UnpublishAsync(Me, id, ct);
        if (f is { Status: 403 }) return Fail(f);
        Flash = f?.Title ?? "已取消公开";
        return RedirectToPage(new { id });
    }
}
