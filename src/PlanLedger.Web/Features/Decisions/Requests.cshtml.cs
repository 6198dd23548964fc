using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Decisions;

/// <summary>延期申请 / 销号申请: the office decides the pending ones; everyone sees the history in scope (a unit its own).</summary>
public sealed class RequestsModel(TaskDecisionService decisions) : LedgerPageModel
{
    public List<RequestDto> Items { get; private set; } = [];
    public bool IsOffice => Me.Role is UserRole.Admin or UserRole.Office;
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = Flash;
        Items = await decisions.RequestsAsync(Me, ct: ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(int requestId, [TextLimit(20)] string? decision, [TextLimit(typeof(TaskRequest), nameof(TaskRequest.DecisionComment))] string? comment, CancellationToken ct)
    {
        var r = await decisions.DecideAsync(Me, requestId, decision == "approve", comment, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? (decision == "approve" ? "已批准" : "已驳回");
        return Redirect("/Requests");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int requestId, CancellationToken ct)
    {
        var r = await decisions.WithdrawRequestAsync(Me, requestId, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? "已撤回";
        return Redirect("/Requests");
    }
}
