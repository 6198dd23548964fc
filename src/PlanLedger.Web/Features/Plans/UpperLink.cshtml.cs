using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>对接上级计划: the county office chooses the upper plan its plan implements, confirms or rejects the proposed
/// task pairs (each or all ticked at once), adds a pair by hand and undoes a decision. Every form carries the link's
/// version: a decision on a stale page is refused with the reason shown.</summary>
public sealed class UpperLinkModel(UpperLinks links, LedgerQueries queries) : LedgerPageModel
{
    public UpperLinkView? Data { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await links.ViewAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        Data = r.Value;
        PlanTitle = (await queries.PlanAsync(Me, id, LedgerAction.ReadPlan, ct)).Value!.Plan.Title;
        Message = Flash;
        return Page();
    }

    private IActionResult Back(int id, Failure? error, string done)
    {
        if (error is { Status: 403 or 404 } e) return Fail(e);
        Flash = error?.Title ?? done;
        return Redirect($"/Plans/{id}/UpperLink");
    }

    public async Task<IActionResult> OnPostChooseAsync(int id, int? upperPlanId, int? version, CancellationToken ct) =>
        Back(id, (await links.SetUpperPlanAsync(Me, id, upperPlanId, version ?? 0, ct)).Error, "已选择上级计划");

    public async Task<IActionResult> OnPostRemoveAsync(int id, int? version, CancellationToken ct) =>
        Back(id, (await links.RemoveAsync(Me, id, version, ct)).Error, "已取消对接");

    /// <summary>The ticked proposals ("taskId:upperTaskId"), confirmed or rejected by the button pressed.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int id, [TextLimit(40)] List<string>? pair, [TextLimit(20)] string? decision, int? version, CancellationToken ct)
    {
        var pairs = (pair ?? []).Select(p => p.Split(':')).Where(p => p.Length == 2 && int.TryParse(p[0], out _) && int.TryParse(p[1], out _))
            .Select(p => new UpperDecision(int.Parse(p[0]), int.Parse(p[1]), decision == "reject" ? "reject" : "confirm")).ToList();
        var r = await links.DecideAsync(Me, id, pairs, version, ct);
        return Back(id, r.Error, decision == "reject" ? $"已将 {pairs.Count} 对标记为不对接" : $"已对接 {pairs.Count} 项任务");
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int? taskId, int? upperTaskId, int? version, CancellationToken ct)
    {
        if (taskId is null || upperTaskId is null) return Back(id, Failure.BadRequest("请选择本计划任务和上级任务"), "");
        var r = await links.DecideAsync(Me, id, [new UpperDecision(taskId.Value, upperTaskId.Value, "confirm")], version, ct);
        return Back(id, r.Error, "已添加对接");
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, int pairId, int? version, CancellationToken ct) =>
        Back(id, (await links.UndoAsync(Me, id, pairId, version, ct)).Error, "已撤销");
}
