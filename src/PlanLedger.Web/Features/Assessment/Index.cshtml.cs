using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Assessment;

/// <summary>考核 page: the ranking and each unit's breakdown; for the office also manual scores, 加分/扣分, 一票否决 and the state changes.</summary>
public sealed class IndexModel(AssessmentService assessments) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    public AssessmentView? View { get; private set; }
    public string? Message { get; private set; }
    public bool CanManage { get; private set; }

    [BindProperty] public int UnitId { get; set; }
    [BindProperty, TextLimit(50)] public string? Code { get; set; }
    [BindProperty] public decimal Points { get; set; }
    [BindProperty, TextLimit(1000)] public string? Note { get; set; }

    private int OrgId => Org ?? Me.OrganisationId;
    private int TheYear => Year ?? DateTime.UtcNow.Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await assessments.ViewAsync(Me, OrgId, TheYear, ct);
        if (r.Error is { } e)
        {
            if (e.Status != 403) return Fail(e);
            Message = e.Title;
            return Page();
        }
        View = r.Value;
        CanManage = Security.Access.Can(Me, Security.LedgerAction.ManageAssessment, new Security.Resource(View!.OrganisationId, Me.OrganisationPath))
            && View.OrganisationId == Me.OrganisationId;
        return Page();
    }

    public Task<IActionResult> OnPostScoreAsync(CancellationToken ct) =>
        Act(assessments.SetScoreAsync(Me, OrgId, TheYear, new ManualScore(UnitId, Code ?? "", Points, Note ?? ""), ct), "已保存评分");

    public Task<IActionResult> OnPostAdjustAsync(CancellationToken ct) =>
        Act(assessments.AddAdjustmentAsync(Me, OrgId, TheYear, new AdjustmentEntry(UnitId, Code ?? "", Points, Note ?? ""), ct), "已记录加分/扣分");

    public Task<IActionResult> OnPostRemoveAdjustmentAsync(int index, CancellationToken ct) =>
        Act(assessments.RemoveAdjustmentAsync(Me, OrgId, TheYear, index, ct), "已删除");

    public Task<IActionResult> OnPostVetoAsync(bool remove, CancellationToken ct) =>
        Act(assessments.SetVetoAsync(Me, OrgId, TheYear, new VetoEntry(UnitId, Code ?? "", Note ?? ""), remove, ct), remove ? "已撤销一票否决" : "已记录一票否决");

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) => Act(assessments.ConfirmAsync(Me, OrgId, TheYear, ct), "考核结果已确认");
    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => Act(assessments.PublishAsync(Me, OrgId, TheYear, ct), "考核结果已公布");
    public Task<IActionResult> OnPostReviseAsync(CancellationToken ct) => Act(assessments.ReviseAsync(Me, OrgId, TheYear, ct), "已另起新版本（草稿）");

    private async Task<IActionResult> Act(Task<Common.Outcome<AssessmentView>> task, string done)
    {
        var r = await task;
        if (r.Error is { Status: 404 or 403 } e) return Fail(e);
        Flash = r.Error is { } bad ? bad.Title : done;
        return RedirectToPage(new { Year = TheYear, Org });
    }


    public static string Change(int? c) => c switch { null => "—", > 0 => $"↑{c}", < 0 => $"↓{-c}", _ => "持平" };
}
