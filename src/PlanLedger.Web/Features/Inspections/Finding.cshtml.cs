using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>One finding: its history with evidence, the unit's 整改 form, the office's 复查 (销号 / 重新整改).</summary>
[RequestSizeLimit(64L * 1024 * 1024)]
public sealed class FindingModel(FindingService findings, InspectionNotifier notifier, TimeProvider clock) : InspectionPageModel
{
    public FindingDto Finding { get; private set; } = null!;
    public bool CanRectify { get; private set; }
    public bool CanRecheck { get; private set; }
    public DateOnly Day => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await findings.GetAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        Finding = r.Value!;
        CanRectify = (await findings.FindingAsync(Me, id, LedgerAction.RectifyFinding, ct: ct)).Ok;
        CanRecheck = (await findings.FindingAsync(Me, id, LedgerAction.RecheckFinding, ct: ct)).Ok;
        if (Me.Role == Data.Entities.UserRole.Reporter && Me.UnitId == Finding.UnitId)
            await notifier.MarkReadAsync(Finding.UnitId, $"/Inspections/Findings/{id}", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRectifyAsync(int id, [TextLimit(typeof(FindingEvent), nameof(FindingEvent.Text))] string? text, List<IFormFile>? evidence, CancellationToken ct)
    {
        var files = (evidence ?? []).Where(f => f.Length > 0).Select(f => new EvidenceUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        var r = await findings.RectifyAsync(Me, id, text, files, ct);
        return After($"/Inspections/Findings/{id}", r.Error, "整改情况已提交，等待复查");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, [TextLimit(typeof(FindingEvent), nameof(FindingEvent.Text))] string? comment, CancellationToken ct)
    {
        var r = await findings.CloseAsync(Me, id, comment, ct);
        return After($"/Inspections/Findings/{id}", r.Error, "复查通过，已销号");
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, [TextLimit(typeof(FindingEvent), nameof(FindingEvent.Text))] string? reason, DateOnly? deadline, CancellationToken ct)
    {
        var r = await findings.ReopenAsync(Me, id, reason, deadline, ct);
        return After($"/Inspections/Findings/{id}", r.Error, "已要求重新整改，已通知单位");
    }
}
