using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Supervision;

/// <summary>One 督办单: its tasks, units, history; the unit's 签收/反馈, the office's 办结/退回重办/中止/升级, 领导批示.</summary>
[RequestSizeLimit(64L * 1024 * 1024)]
public sealed class DetailModel(SupervisionService notices, EvidenceStore store) : LedgerPageModel
{
    public NoticeDto Notice { get; private set; } = null!;
    public List<Decisions.CommentDto> Comments { get; private set; } = [];
    public bool IsUnit { get; private set; }
    /// <summary>The signed-in unit's own part of the notice (each unit signs and replies on its own).</summary>
    public NoticeUnitDto? MyPart { get; private set; }
    public bool IsOffice { get; private set; }
    public bool IsLeader { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await notices.DetailAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        Notice = r.Value!;
        Comments = await notices.CommentsAsync(id, ct);
        IsUnit = Me.Role == UserRole.Reporter && Me.UnitId is { } u && Notice.UnitIds.Contains(u);
        MyPart = IsUnit ? Notice.Units.FirstOrDefault(x => x.Id == Me.UnitId) : null;
        IsOffice = Me.Role is UserRole.Admin or UserRole.Office && Me.OrganisationId == Notice.OrganisationId;
        IsLeader = Me.Role is UserRole.Leader or UserRole.Admin;
        Message = Flash;
        return Page();
    }

    private IActionResult Back(int id, Failure? f, string done)
    {
        if (f is { Status: 403 or 404 }) return Fail(f);
        Flash = f?.Title ?? done;
        return Redirect($"/Supervisions/{id}");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct) =>
        Back(id, (await notices.AcknowledgeAsync(Me, id, ct)).Error, "已签收");

    public async Task<IActionResult> OnPostReplyAsync(int id, [TextLimit(typeof(SupervisionNotice), nameof(SupervisionNotice.ReplyText))] string? text, List<IFormFile>? evidence, CancellationToken ct)
    {
        var files = (evidence ?? []).Where(f => f.Length > 0).Select(f => new EvidenceUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        return Back(id, (await notices.ReplyAsync(Me, id, text, files, ct)).Error, "已反馈");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, [TextLimit(typeof(SupervisionEvent), nameof(SupervisionEvent.Text))] string? comment, CancellationToken ct) =>
        Back(id, (await notices.CloseAsync(Me, id, comment, ct)).Error, "已办结");

    public async Task<IActionResult> OnPostReturnAsync(int id, [TextLimit(typeof(SupervisionEvent), nameof(SupervisionEvent.Text))] string? comment, [TextLimit(20)] string? replyBy, CancellationToken ct) =>
        Back(id, (await notices.ReturnAsync(Me, id, comment, replyBy, ct)).Error, "已退回重办");

    public async Task<IActionResult> OnPostCloseUnitAsync(int id, int unitId, [TextLimit(typeof(SupervisionEvent), nameof(SupervisionEvent.Text))] string? comment, CancellationToken ct) =>
        Back(id, (await notices.CloseUnitAsync(Me, id, unitId, comment, ct)).Error, "本单位已办结");

    public async Task<IActionResult> OnPostReturnUnitAsync(int id, int unitId, [TextLimit(typeof(SupervisionEvent), nameof(SupervisionEvent.Text))] string? comment, CancellationToken ct) =>
        Back(id, (await notices.ReturnUnitAsync(Me, id, unitId, comment, null, ct)).Error, "已退回重办");

    public async Task<IActionResult> OnPostStopAsync(int id, [TextLimit(typeof(SupervisionNotice), nameof(SupervisionNotice.StopReason))] string? reason, CancellationToken ct) =>
        Back(id, (await notices.StopAsync(Me, id, reason, ct)).Error, "已中止");

    public async Task<IActionResult> OnPostEscalateAsync(int id, [TextLimit(20)] string? replyBy, CancellationToken ct) =>
        Back(id, (await notices.EscalateAsync(Me, id, replyBy, ct)).Error, "已升级");

    public async Task<IActionResult> OnPostCommentAsync(int id, [TextLimit(typeof(LeaderComment), nameof(LeaderComment.Text))] string? text, CancellationToken ct) =>
        Back(id, (await notices.CommentAsync(Me, id, text, ct)).Error, "已批示");

    /// <summary>A reply's evidence file, for whoever may read the notice.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        var r = await notices.AttachmentAsync(Me, fileId, ct);
        if (r.Error is { } e) return Fail(e);
        var path = store.PathOf(r.Value.File.StoredName);
        if (!System.IO.File.Exists(path)) return NotFound();
        return PhysicalFile(Path.GetFullPath(path), r.Value.File.ContentType, r.Value.File.FileName);
    }
}
