using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Reports;

public sealed record ActualInput(int TargetId, decimal Value);
public sealed record ReportInput([TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period))] string? Period, int? Progress,
    [TextLimit(ProgressReport.MaxTextLength)] string? Text, IReadOnlyList<ActualInput>? Actuals);
public sealed record EvidenceDto(int Id, string FileName, long Size);
public sealed record ReportDto(int Id, int TaskId, string Period, int Progress, string Text, string Status, int? UnitId,
    string? UnitName, string SubmittedBy, DateTimeOffset SubmittedAt, string? ReviewComment,
    IReadOnlyList<ActualInput> Actuals, IReadOnlyList<EvidenceDto> Evidence);

/// <summary>进度填报: filing reports, returning them (退回) and closing tasks out (销号).</summary>
public sealed partial class ReportService(LedgerDbContext db, LedgerQueries queries, EvidenceStore files, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<ReportDto>> SubmitAsync(CurrentUser me, int taskId, ReportInput input,
        IReadOnlyList<EvidenceUpload>? evidence = null, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.ReportOnTask, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (plan.Status != PlanStatus.Published) return Failure.Conflict("计划尚未发布 The plan is not published yet");
        if (task.ClosedAt is not null) return Failure.Conflict("任务已销号 The task is closed out");
        if (await db.Tasks.AnyAsync(c => c.ParentId == taskId, ct))
            return Failure.Conflict("本项由下级任务汇总，请在下级任务上填报 This item is rolled up from its sub-tasks; report on them");
        if (input.Period is null || !PeriodRegex().IsMatch(input.Period))
            return Failure.BadRequest("报送周期格式应为 yyyy-MM period must look like 2026-05");
        if (input.Progress is not (>= 0 and <= 100)) return Failure.BadRequest("进度应为 0–100 progress must be 0–100");
        var text = (input.Text ?? "").Trim();
        if (text.Length > 4000) return Failure.BadRequest("进展情况不超过 4000 字 text is limited to 4000 characters");
        var actuals = input.Actuals ?? [];
        var targets = await db.Targets.Where(t => t.TaskId == taskId).ToListAsync(ct);
        if (actuals.Any(a => Math.Abs(a.Value) >= 100_000_000_000_000m)) return Failure.BadRequest("实际值过大 Value too large");
        if (actuals.Any(a => targets.All(t => t.Id != a.TargetId)))
            return Failure.BadRequest("实际值对应的目标不属于该任务 An actual refers to a target of another task");
        var unitId = me.Role == UserRole.Reporter ? me.UnitId : null;
        if (await db.Reports.AnyAsync(x => x.TaskId == taskId && x.Period == input.Period && x.UnitId == unitId
                && x.Status != ReportStatus.Returned, ct))
            return Failure.Conflict($"{input.Period} 已填报；被退回后才能重新填报 A report for this period exists");
        foreach (var f in evidence ?? [])
            if (files.Check(f) is { } bad) return bad;

        var stored = new List<string>();
        try
        {
            var report = new ProgressReport
            {
                TaskId = taskId, UnitId = unitId, Period = input.Period, Progress = input.Progress.Value, Text = text,
                Status = ReportStatus.Submitted, SubmittedById = me.Id, SubmittedByName = me.UserName, SubmittedAt = clock.GetUtcNow(),
            };
            foreach (var a in actuals)
            {
                report.Actuals.Add(new ReportActual { TargetId = a.TargetId, Value = a.Value });
                targets.First(t => t.Id == a.TargetId).Actual = a.Value;
            }
            foreach (var f in evidence ?? [])
            {
                var name = await files.SaveAsync(f, ct);
                stored.Add(name);
                report.Evidence.Add(new Evidence
                {
                    FileName = PlanLedger.Web.Features.Plans.PlanImporter.Clip(Path.GetFileName(f.FileName), 260)!,
                    ContentType = EvidenceStore.ContentType(f.FileName), Size = f.Length, StoredName = name, UploadedAt = clock.GetUtcNow(),
                });
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Reports.Add(report);
            if (task.LastReportPeriod is null || string.CompareOrdinal(input.Period, task.LastReportPeriod) >= 0)
            {
                task.Progress = report.Progress;
                task.LastReportPeriod = input.Period;
            }
            await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return await OneAsync(report.Id, ct);
        }
        catch
        {
            foreach (var s in stored) files.Delete(s);
            throw;
        }
    }

    /// <summary>Attaches evidence to a submitted report: by the unit (or office) that filed it.</summary>
    public async Task<Outcome<ReportDto>> AddEvidenceAsync(CurrentUser me, int reportId, IReadOnlyList<EvidenceUpload> uploads, CancellationToken ct = default)
    {
        var report = await db.Reports.FirstOrDefaultAsync(x => x.Id == reportId, ct);
        if (report is null) return Failure.NotFound("填报不存在 Report not found");
        var r = await queries.TaskAsync(me, report.TaskId, LedgerAction.ReportOnTask, ct);
        if (r.Error is { } e) return e;
        if (me.Role == UserRole.Reporter && report.UnitId != me.UnitId) return Failure.Forbidden();
        if (report.Status != ReportStatus.Submitted) return Failure.Conflict("只能为待审核的填报补充附件 Only submitted reports take evidence");
        if (uploads.Count == 0) return Failure.BadRequest("缺少附件 No file");
        foreach (var f in uploads)
            if (files.Check(f) is { } bad) return bad;
        var stored = new List<string>();
        try
        {
            foreach (var f in uploads)
            {
                var name = await files.SaveAsync(f, ct);
                stored.Add(name);
                db.Evidence.Add(new Evidence
                {
                    ReportId = report.Id, FileName = PlanLedger.Web.Features.Plans.PlanImporter.Clip(Path.GetFileName(f.FileName), 260)!,
                    ContentType = EvidenceStore.ContentType(f.FileName), Size = f.Length, StoredName = name, UploadedAt = clock.GetUtcNow(),
                });
            }
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var s in stored) files.Delete(s);
            throw;
        }
        return await OneAsync(report.Id, ct);
    }

    /// <summary>退回: the office sends a report back with a comment; the unit may then report again.</summary>
    public async Task<Outcome<ReportDto>> ReturnAsync(CurrentUser me, int reportId, string? comment, CancellationToken ct = default)
    {
        var report = await db.Reports.FirstOrDefaultAsync(x => x.Id == reportId, ct);
        if (report is null) return Failure.NotFound("填报不存在 Report not found");
        var r = await queries.TaskAsync(me, report.TaskId, LedgerAction.ReviewReport, ct);
        if (r.Error is { } e) return e;
        if (string.IsNullOrWhiteSpace(comment)) return Failure.BadRequest("请填写退回意见 A comment is required");
        if (comment.Trim().Length > 2000) return Failure.BadRequest("退回意见不超过 2000 字 Comment too long");
        if (report.Status != ReportStatus.Submitted) return Failure.Conflict("只能退回待审核的填报 Only submitted reports can be returned");
        var (task, plan) = r.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        report.Status = ReportStatus.Returned;
        report.ReviewComment = comment.Trim();
        report.ReviewedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var latest = await db.Reports.Where(x => x.TaskId == task.Id && x.Status != ReportStatus.Returned)
            .OrderByDescending(x => x.Period).ThenByDescending(x => x.Id).Select(x => new { x.Period, x.Progress }).FirstOrDefaultAsync(ct);
        task.Progress = latest?.Progress ?? 0;
        task.LastReportPeriod = latest?.Period;
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await OneAsync(report.Id, ct);
    }

    /// <summary>销号: the office accepts completion; the task is done.</summary>
    public async Task<Outcome<PlanTask>> CloseOutAsync(CurrentUser me, int taskId, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.ReviewReport, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (task.ClosedAt is not null) return Failure.Conflict("任务已销号 Already closed out");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        task.ClosedAt = clock.GetUtcNow();
        task.Progress = 100;
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
        var submitted = await db.Reports.Where(x => x.TaskId == taskId && x.Status == ReportStatus.Submitted).ToListAsync(ct);
        foreach (var s in submitted) { s.Status = ReportStatus.Accepted; s.ReviewedAt = task.ClosedAt; }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }

    public async Task<List<ReportDto>> ListAsync(int taskId, CancellationToken ct = default)
    {
        var reports = await db.Reports.AsNoTracking().Where(x => x.TaskId == taskId)
            .OrderByDescending(x => x.Period).ThenByDescending(x => x.SubmittedAt).ThenByDescending(x => x.Id)
            .Select(x => new { Report = x, UnitName = x.Unit != null ? x.Unit.Name : null }).ToListAsync(ct);
        var ids = reports.Select(x => x.Report.Id).ToList();
        var actuals = (await db.ReportActuals.AsNoTracking().Where(a => ids.Contains(a.ReportId)).ToListAsync(ct)).ToLookup(a => a.ReportId);
        var evidence = (await db.Evidence.AsNoTracking().Where(a => ids.Contains(a.ReportId)).ToListAsync(ct)).ToLookup(a => a.ReportId);
        return reports.Select(x => Dto(x.Report, x.UnitName, actuals[x.Report.Id], evidence[x.Report.Id])).ToList();
    }

    private async Task<ReportDto> OneAsync(int reportId, CancellationToken ct)
    {
        var x = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { Report = r, UnitName = r.Unit != null ? r.Unit.Name : null }).FirstAsync(ct);
        var actuals = await db.ReportActuals.AsNoTracking().Where(a => a.ReportId == reportId).ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(a => a.ReportId == reportId).ToListAsync(ct);
        return Dto(x.Report, x.UnitName, actuals, evidence);
    }

    private static ReportDto Dto(ProgressReport r, string? unitName, IEnumerable<ReportActual> actuals, IEnumerable<Evidence> evidence) =>
        new(r.Id, r.TaskId, r.Period, r.Progress, r.Text, r.Status.ToString().ToLowerInvariant(), r.UnitId, unitName,
            r.SubmittedByName, r.SubmittedAt, r.ReviewComment,
            actuals.Select(a => new ActualInput(a.TargetId, a.Value)).ToList(),
            evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.Size)).ToList());

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex PeriodRegex();
}
