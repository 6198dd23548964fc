using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>督导通报: read it, and for the office edit the draft, redraft it from the round, and publish (印发) it.</summary>
public sealed class BulletinModel(BulletinService bulletins, InspectionService rounds, InspectionNotifier notifier) : InspectionPageModel
{
    public BulletinDto Bulletin { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await bulletins.GetAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        Bulletin = r.Value!;
        CanManage = (await rounds.RoundAsync(Me, id, LedgerAction.ManageInspection, ct: ct)).Ok;
        if (Me.UnitId is { } unit) await notifier.MarkReadAsync(unit, $"/Inspections/{id}/Bulletin", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, BulletinInput input, CancellationToken ct)
    {
        var r = await bulletins.EditAsync(Me, id, input, ct);
        return After($"/Inspections/{id}/Bulletin", r.Error, "通报已保存");
    }

    public async Task<IActionResult> OnPostRedraftAsync(int id, CancellationToken ct)
    {
        var r = await bulletins.DraftAsync(Me, id, regenerate: true, ct);
        return After($"/Inspections/{id}/Bulletin", r.Error, "已按最新问题清单重新起草");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var r = await bulletins.PublishAsync(Me, id, ct);
        return After($"/Inspections/{id}/Bulletin", r.Error, "通报已印发，已通知被督导单位");
    }
}
