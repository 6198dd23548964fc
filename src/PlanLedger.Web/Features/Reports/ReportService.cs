using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Reports;

public sealed record ActualInput(int TargetId, decimal Value);
public sealed record ReportInput([TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period), Label = "报送周期")] string? Period, int? Progress,
    [TextLimit(ProgressReport.MaxTextLength)] string? Text, IReadOnlyList<ActualInput>? Actuals);
public sealed record ReportEdit(int? Progress, [TextLimit(ProgressReport.MaxTextLength)] string? Text);
public sealed record EvidenceDto(int Id, string FileName, long Size);
public sealed record ReportDto(int Id, int TaskId, string Period, int Progress, string Text,
    [property: JsonConverter(typeof(SnakeCaseEnum<ReportStatus>))] ReportStatus Status, int? UnitId,
    string? UnitName, string SubmittedBy, DateTimeOffset SubmittedAt, string? ReviewComment,
    IReadOnlyList<ActualInput> Actuals, IReadOnlyList<EvidenceDto> Evidence, bool Drives = true,
    string? ReviewedBy = null, DateTimeOffset? ReviewedAt = null, DateTimeOffset? EditedAt = null);

/// <summary>
/// 进度填报 by the unit: filing, correcting (修改) and withdrawing (撤回) its report until the office has acted.
/// The rules are the report's and the task's own (<see cref="ProgressReport"/>, <see cref="PlanTask"/>); this service
/// checks access and input, and runs each change in one transaction with the plan's roll-up.
/// </summary>
public sealed class ReportService(LedgerDbContext db, LedgerQueries queries, EvidenceStore files, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public const int MaxText = 4000;

    public async Task<Outcome<ReportDto>> SubmitAsync(CurrentUser me, int taskId, ReportInput input,
        IReadOnlyList<EvidenceUpload>? evidence = null, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.ReportOnTask, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (plan.Status != PlanStatus.Published) return Failure.Conflict("计划尚未发布");
        if (task.ClosedAt is not null) return Failure.Conflict("任务已销号");
        if (await db.Tasks.AnyAsync(c => c.ParentId == taskId, ct))
            return Failure.Conflict("本项由下级任务汇总，请在下级任务上填报");
        if (Periods.Check(input.Period, plan, Today) is { } bad) return bad;
        if (input.Progress is not (>= 0 and <= 100)) return Failure.BadRequest("进度应为 0–100");
        var text = (input.Text ?? "").Trim();
        if (text.Length > MaxText) return Failure.BadRequest("进展情况不超过 4000 字");
        var actuals = input.Actuals ?? [];
        var targets = await db.Targets.Where(t => t.TaskId == taskId).ToListAsync(ct);
        if (actuals.Any(a => Math.Abs(a.Value) >= 100_000_000_000_000m)) return Failure.BadRequest("实际值过大");
        if (actuals.Any(a => targets.All(t => t.Id != a.TargetId)))
            return Failure.BadRequest("实际值对应的目标不属于该任务");
        if (text.Length == 0 && actuals.Count == 0 && (evidence?.Count ?? 0) == 0)
            return Failure.BadRequest("请填写进展情况、实际完成值或上传佐证材料");
        var unitId = me.Role == UserRole.Reporter ? me.UnitId : null;
        var period = input.Period!;
        if (await db.Reports.AnyAsync(x => x.LiveKey == ProgressReport.Key(taskId, unitId, period), ct))
            return Failure.Conflict($"{period} 已填报；撤回或被退回后才能重新填报");
        foreach (var f in evidence ?? [])
            if (files.Check(f) is { } refused) return refused;
        // The lead unit's (or the office's) report drives the task; a supporting unit reports its own part.
        var leads = await db.TaskUnits.Where(u => u.TaskId == taskId && u.Role == UnitRole.Lead && u.UnitId != null)
            .Select(u => u.UnitId!.Value).ToListAsync(ct);
        var drives = unitId is null || leads.Count == 0 || leads.Contains(unitId.Value);

        var stored = new List<string>();
        try
        {
            var now = clock.GetUtcNow();
            var report = ProgressReport.Submit(taskId, unitId, period, input.Progress.Value, text, drives, me.Id, me.DisplayName, now);
            foreach (var a in actuals) report.Actuals.Add(new ReportActual { TargetId = a.TargetId, Value = a.Value });
            foreach (var f in evidence ?? [])
            {
                var name = await files.SaveAsync(f, ct);
                stored.Add(name);
                report.Evidence.Add(new Evidence
                {
                    FileName = PlanLedger.Web.Features.Plans.PlanImporter.Clip(Path.GetFileName(f.FileName), 260)!,
                    ContentType = EvidenceStore.ContentType(f.FileName), Size = f.Length, StoredName = name, UploadedAt = now,
                });
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.LockPlanAsync(plan.Id, ct);
            await db.Entry(task).ReloadAsync(ct);
            if (task.ClosedAt is not null) { Discard(stored); return Failure.Conflict("任务已销号"); }
            db.Reports.Add(report);
            task.ApplyReport(report);
            if (drives)
                foreach (var a in actuals) targets.First(t => t.Id == a.TargetId).Actual = a.Value;
            await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
            if (await SaveAsync(ct) is { } conflict)
            {
                Discard(stored);
                return Failure.Conflict($"{period} 已填报；撤回或被退回后才能重新填报");
            }
            await tx.CommitAsync(ct);
            return await OneAsync(report.Id, ct);
        }
        catch
        {
            Discard(stored);
            throw;
        }
    }

    /// <summary>修改: the unit corrects its submitted report (progress, text) before the office has acted.</summary>
    public async Task<Outcome<ReportDto>> EditAsync(CurrentUser me, int reportId, ReportEdit edit, CancellationToken ct = default)
    {
        var found = await ReportForAsync(me, reportId, LedgerAction.EditReport, ct);
        if (found.Error is { } e) return e;
        var (report, task, plan) = found.Value;
        if (edit.Progress is not (>= 0 and <= 100)) return Failure.BadRequest("进度应为 0–100");
        var text = (edit.Text ?? "").Trim();
        if (text.Length > MaxText) return Failure.BadRequest("进展情况不超过 4000 字");
        if (!ProgressReport.Allows(report.Status, ReportAction.Edit)) return Failure.Conflict("审核后不能修改");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        await db.Entry(task).ReloadAsync(ct);
        report.Edit(edit.Progress.Value, text, clock.GetUtcNow());
        if (task.ClosedAt is null && report.Drives && string.CompareOrdinal(report.Period, task.LastReportPeriod) >= 0) task.ApplyReport(report);
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
        if (await SaveAsync(ct) is { } f) return f;
        await tx.CommitAsync(ct);
        return await OneAsync(report.Id, ct);
    }

    /// <summary>撤回: the unit takes its report back before the office has acted; progress falls back to its earlier reports.</summary>
    public async Task<Outcome<ReportDto>> WithdrawAsync(CurrentUser me, int reportId, CancellationToken ct = default)
    {
        var found = await ReportForAsync(me, reportId, LedgerAction.WithdrawReport, ct);
        if (found.Error is { } e) return e;
        var (report, task, plan) = found.Value;
        if (!ProgressReport.Allows(report.Status, ReportAction.Withdraw)) return Failure.Conflict("审核后不能撤回");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockPlanAsync(plan.Id, ct);
        report.Withdraw(clock.GetUtcNow());
        if (await SaveAsync(ct) is { } f) return f;
        await FallBackAsync(task, plan, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await OneAsync(report.Id, ct);
    }

    /// <summary>
    /// After a report left (returned, withdrawn): the task's progress is the latest live driving report's, then the
    /// task and its sections are refreshed. Runs inside the caller's transaction, after the plan lock.
    /// </summary>
    public async Task FallBackAsync(PlanTask task, Plan plan, CancellationToken ct)
    {
        await db.Entry(task).ReloadAsync(ct);
        var latest = await db.Reports.Where(x => x.TaskId == task.Id && x.Drives && x.LiveKey != null)
            .OrderByDescending(x => x.Period).ThenByDescending(x => x.Id).Select(x => new { x.Period, x.Progress }).FirstOrDefaultAsync(ct);
        task.FallBackTo(latest?.Period, latest?.Progress);
        await task.RefreshWithAncestorsAsync(db, plan, Today, ct);
    }

    /// <summary>The report with its task and plan, if <paramref name="me"/> may do <paramref name="action"/> on it.</summary>
    public async Task<Outcome<(ProgressReport Report, PlanTask Task, Plan Plan)>> ReportForAsync(CurrentUser me, int reportId,
        LedgerAction action, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(x => x.Id == reportId, ct);
        if (report is null) return Failure.NotFound("填报不存在");
        var t = await queries.TaskAsync(me, report.TaskId, LedgerAction.ReadPlan, ct);
        if (t.Error is { } e) return e;
        var (task, plan) = t.Value;
        var orgPath = await db.Organisations.Where(o => o.Id == plan.OrganisationId).Select(o => o.Path).FirstAsync(ct);
        var resource = new Resource(plan.OrganisationId, orgPath, plan.Status == PlanStatus.Draft,
            report.UnitId is { } u ? [u] : []);
        if (Problems.FromDecision(Access.Decide(me, action, resource)) is { } f) return f;
        return (report, task, plan);
    }

    /// <summary>Saves; a lost race (the row changed under us, or the live report exists) is a 409, never a 500.</summary>
    public async Task<Failure?> SaveAsync(CancellationToken ct, string? conflict = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(conflict ?? "该填报已被他人处理，请刷新");
        }
        catch (DbUpdateException u) when (DbErrors.IsUniqueViolation(u))
        {
            return Failure.Conflict(conflict ?? "该周期已有填报");
        }
    }

    private void Discard(List<string> stored)
    {
        foreach (var s in stored) files.Delete(s);
        stored.Clear();
    }

    /// <summary>Attaches evidence to a submitted report: by the unit (or office) that filed it.</summary>
    public async Task<Outcome<ReportDto>> AddEvidenceAsync(CurrentUser me, int reportId, IReadOnlyList<EvidenceUpload> uploads, CancellationToken ct = default)
    {
        var report = await db.Reports.FirstOrDefaultAsync(x => x.Id == reportId, ct);
        if (report is null) return Failure.NotFound("填报不存在");
        var r = await queries.TaskAsync(me, report.TaskId, LedgerAction.ReportOnTask, ct);
        if (r.Error is { } e) return e;
        if (me.Role == UserRole.Reporter && report.UnitId != me.UnitId) return Failure.Forbidden();
        if (report.Status != ReportStatus.Submitted) return Failure.Conflict("只能为待审核的填报补充附件");
        if (uploads.Count == 0) return Failure.BadRequest("缺少附件");
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
            Discard(stored);
            throw;
        }
        return await OneAsync(report.Id, ct);
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

    public async Task<ReportDto> OneAsync(int reportId, CancellationToken ct)
    {
        var x = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { Report = r, UnitName = r.Unit != null ? r.Unit.Name : null }).FirstAsync(ct);
        var actuals = await db.ReportActuals.AsNoTracking().Where(a => a.ReportId == reportId).ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(a => a.ReportId == reportId).ToListAsync(ct);
        return Dto(x.Report, x.UnitName, actuals, evidence);
    }

    public static string StatusName(ReportStatus s) => SnakeCaseEnum<ReportStatus>.Name(s);

    private static ReportDto Dto(ProgressReport r, string? unitName, IEnumerable<ReportActual> actuals, IEnumerable<Evidence> evidence) =>
        new(r.Id, r.TaskId, r.Period, r.Progress, r.Text, r.Status, r.UnitId, unitName,
            r.SubmittedByName, r.SubmittedAt, r.ReviewComment,
            actuals.Select(a => new ActualInput(a.TargetId, a.Value)).ToList(),
            evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.Size)).ToList(), r.Drives, r.ReviewedByName, r.ReviewedAt, r.EditedAt);
}
