using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Inspections;

public sealed record FindingFilter(int? RoundId = null, int? UnitId = null, FindingStatus? Status = null, bool Overdue = false);

/// <summary>问题清单 / 整改台账: recording findings, the unit's 整改, the office's 复查 (销号 or 重新整改); thin over <see cref="Finding"/>.</summary>
public sealed class FindingService(LedgerDbContext db, InspectionService rounds, EvidenceStore files, InspectionNotifier notifier,
    TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<FindingDto>> RecordAsync(CurrentUser me, int roundId, FindingInput input, CancellationToken ct = default)
    {
        var r = await rounds.RoundAsync(me, roundId, LedgerAction.RecordFinding, ct: ct);
        if (r.Error is { } e) return e;
        var (round, resource) = r.Value;
        if (!round.Drawn) return Failure.Conflict("本轮督导尚未抽取，不能记录问题");
        if (round.Status == InspectionRoundStatus.Reported) return Failure.Conflict("本轮督导已通报，不能再记录问题");
        if (input.UnitId is not { } unitId || round.DrawnVisits.All(v => v.UnitId != unitId))
            return Failure.BadRequest("问题单位应为本轮抽中的单位");
        if (!InspectionNames.TryParseSeverity(input.Severity, out var severity))
            return Failure.BadRequest("问题等级应为 一般/较重/严重（minor/major/severe）");
        var description = (input.Description ?? "").Trim();
        var requirement = (input.Requirement ?? "").Trim();
        if (description.Length is 0 or > 4000) return Failure.BadRequest("请填写问题描述（不超过 4000 字）");
        if (requirement.Length is 0 or > 4000) return Failure.BadRequest("请填写整改要求（不超过 4000 字）");
        if (input.Deadline is not { } deadline) return Failure.BadRequest("请填写整改期限");
        if (deadline < Today) return Failure.BadRequest("整改期限不能早于今天");
        var taskIds = (input.TaskIds ?? []).Distinct().ToList();
        if (taskIds.Count > 50) return Failure.BadRequest("关联任务不超过 50 项");
        var path = resource.OrganisationPath;
        var found = await db.Tasks.CountAsync(t => taskIds.Contains(t.Id) && t.Plan!.Status == PlanStatus.Published
            && t.Plan.Organisation!.Path.StartsWith(path), ct);
        if (found != taskIds.Count) return Failure.BadRequest("关联任务应为本组织已发布台账中的任务");

        var number = (await db.Findings.Where(f => f.RoundId == roundId).MaxAsync(f => (int?)f.Number, ct) ?? 0) + 1;
        var finding = Finding.Record(roundId, number, unitId, severity, description, requirement, deadline, taskIds,
            me.Id, await rounds.NameAsync(me, ct), clock.GetUtcNow());
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        notifier.Notify(unitId, NotificationKind.FindingNew,
            $"督导发现问题（{round.Title} 问题{number}），请于 {deadline:yyyy-MM-dd} 前整改：{Clip(description)}", $"/Inspections/Findings/{finding.Id}");
        await db.SaveChangesAsync(ct);
        return await DtoAsync(finding.Id, ct);
    }

    /// <summary>The finding if <paramref name="me"/> may do <paramref name="action"/> on it (another unit's finding → 404 for a reporter).</summary>
    public async Task<Outcome<Finding>> FindingAsync(CurrentUser me, int id, LedgerAction action, bool track = false, CancellationToken ct = default)
    {
        var q = db.Findings.Include(f => f.Events).ThenInclude(e => e.Evidence).AsSplitQuery();
        var finding = await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null) return Failure.NotFound("问题不存在");
        var row = await db.InspectionRounds.Where(r => r.Id == finding.RoundId)
            .Select(r => new { r.OrganisationId, r.Organisation!.Path, Inspectors = r.DrawnVisits.SelectMany(v => v.Inspectors).Select(i => i.UserId).ToList() })
            .FirstAsync(ct);
        var resource = new Resource(row.OrganisationId, row.Path, TaskUnitIds: [finding.UnitId], InspectorIds: row.Inspectors);
        // Whoever may not even read it learns nothing of it.
        if (action != LedgerAction.ReadFinding && Access.Decide(me, LedgerAction.ReadFinding, resource) == Decision.NotFound)
            return Failure.NotFound("问题不存在");
        if (Problems.FromDecision(Access.Decide(me, action, resource)) is { } f) return f;
        return finding;
    }

    public async Task<Outcome<FindingDto>> GetAsync(CurrentUser me, int id, CancellationToken ct = default)
    {
        var r = await FindingAsync(me, id, LedgerAction.ReadFinding, ct: ct);
        if (r.Error is { } e) return e;
        return await DtoAsync(id, ct);
    }

    /// <summary>整改: the unit reports what it did, with evidence files (type- and size-checked like report evidence).</summary>
    public async Task<Outcome<FindingDto>> RectifyAsync(CurrentUser me, int id, string? text, IReadOnlyList<EvidenceUpload> uploads,
        CancellationToken ct = default)
    {
        var r = await FindingAsync(me, id, LedgerAction.RectifyFinding, track: true, ct);
        if (r.Error is { } e) return e;
        var finding = r.Value!;
        var body = (text ?? "").Trim();
        if (body.Length > 4000) return Failure.BadRequest("整改情况不超过 4000 字");
        if (uploads.Count > 20) return Failure.BadRequest("附件不超过 20 个");
        foreach (var f in uploads)
            if (files.Check(f) is { } bad) return bad;
        if (!finding.AwaitsRectification || body.Length == 0)
            return Conflict(finding.Rectify(body, [], "", clock.GetUtcNow())!, finding);
        var stored = new List<string>();
        try
        {
            var evidence = new List<FindingEvidence>();
            foreach (var f in uploads)
            {
                var name = await files.SaveAsync(f, ct);
                stored.Add(name);
                evidence.Add(new FindingEvidence
                {
                    FileName = Plans.PlanImporter.Clip(Path.GetFileName(f.FileName), 260)!, ContentType = EvidenceStore.ContentType(f.FileName),
                    Size = f.Length, StoredName = name, UploadedAt = clock.GetUtcNow(),
                });
            }
            if (finding.Rectify(body, evidence, await rounds.NameAsync(me, ct), clock.GetUtcNow()) is { } why) return Conflict(why, finding);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var s in stored) files.Delete(s);
            throw;
        }
        return await DtoAsync(id, ct);
    }

    /// <summary>复查通过，销号.</summary>
    public async Task<Outcome<FindingDto>> CloseAsync(CurrentUser me, int id, string? comment, CancellationToken ct = default)
    {
        var r = await FindingAsync(me, id, LedgerAction.RecheckFinding, track: true, ct);
        if (r.Error is { } e) return e;
        var finding = r.Value!;
        if (finding.Close(comment ?? "", await rounds.NameAsync(me, ct), clock.GetUtcNow()) is { } why) return Conflict(why, finding);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(id, ct);
    }

    /// <summary>复查未通过 / 回头看: back to the unit, optionally with a new 整改期限; the unit is told.</summary>
    public async Task<Outcome<FindingDto>> ReopenAsync(CurrentUser me, int id, string? reason, DateOnly? deadline, CancellationToken ct = default)
    {
        var r = await FindingAsync(me, id, LedgerAction.RecheckFinding, track: true, ct);
        if (r.Error is { } e) return e;
        var finding = r.Value!;
        if (finding.Reopen(reason ?? "", deadline, Today, await rounds.NameAsync(me, ct), clock.GetUtcNow()) is { } why) return Conflict(why, finding);
        notifier.Notify(finding.UnitId, NotificationKind.FindingReopened,
            $"问题需重新整改（期限 {finding.Deadline:yyyy-MM-dd}）：{Clip(reason!)}", $"/Inspections/Findings/{finding.Id}");
        await db.SaveChangesAsync(ct);
        return await DtoAsync(id, ct);
    }

    /// <summary>A refused step: 409 when the state does not allow it, 400 when the input is missing.</summary>
    private static Failure Conflict(string why, Finding f) =>
        why.StartsWith("请填写", StringComparison.Ordinal) || why.StartsWith("整改期限", StringComparison.Ordinal)
            ? Failure.BadRequest(why)
            : Failure.Conflict(why, new Dictionary<string, object?> { ["status"] = f.Status.ToString().ToLowerInvariant() });

    /// <summary>Findings <paramref name="me"/> may see: in the organisation's scope; a reporter only its own unit's.</summary>
    public IQueryable<Finding> Visible(CurrentUser me)
    {
        var path = me.OrganisationPath;
        var q = db.Findings.AsNoTracking().Where(f => f.Round!.Organisation!.Path.StartsWith(path));
        if (me.Role == UserRole.Reporter)
        {
            var unit = me.UnitId ?? -1;
            var id = me.Id;
            q = q.Where(f => f.UnitId == unit || f.Round!.DrawnVisits.Any(v => v.Inspectors.Any(i => i.UserId == id)));
        }
        return q;
    }

    public async Task<List<FindingDto>> ListAsync(CurrentUser me, FindingFilter filter, CancellationToken ct = default)
    {
        var q = Visible(me);
        if (filter.RoundId is { } round) q = q.Where(f => f.RoundId == round);
        if (filter.UnitId is { } unit) q = q.Where(f => f.UnitId == unit);
        if (filter.Status is { } status) q = q.Where(f => f.Status == status);
        var today = Today;
        if (filter.Overdue) q = q.Where(f => (f.Status == FindingStatus.Open || f.Status == FindingStatus.Reopened) && f.Deadline < today);
        var ids = await q.OrderBy(f => f.RoundId).ThenBy(f => f.Number).Select(f => f.Id).Take(2000).ToListAsync(ct);
        return await DtosAsync(ids, ct);
    }

    /// <summary>The dashboard's figures: open (待整改 + 重新整改), overdue among them, awaiting re-check — for the scope of <paramref name="me"/>.</summary>
    /// <remarks>With <paramref name="planId"/>: only findings related to a task of that plan (the plan's dashboard).</remarks>
    public async Task<FindingCounts> CountsAsync(CurrentUser me, CancellationToken ct = default, int? planId = null)
    {
        var today = Today;
        var q = Visible(me);
        if (planId is { } plan) q = q.Where(f => f.Tasks.Any(t => t.Task!.PlanId == plan));
        var rows = await q.GroupBy(f => f.Status)
            .Select(g => new { g.Key, N = g.Count(), Late = g.Count(f => f.Deadline < today) }).ToListAsync(ct);
        var open = rows.Where(r => r.Key is FindingStatus.Open or FindingStatus.Reopened).ToList();
        return new FindingCounts(open.Sum(r => r.N), open.Sum(r => r.Late), rows.Where(r => r.Key == FindingStatus.Rectified).Sum(r => r.N));
    }

    public async Task<FindingDto> DtoAsync(int id, CancellationToken ct = default) => (await DtosAsync([id], ct)).Single();

    /// <summary>Findings with their round, unit, tasks and history, in a fixed number of queries.</summary>
    public async Task<List<FindingDto>> DtosAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { F = f, Round = f.Round!.Title, Unit = f.Unit!.Name }).ToListAsync(ct);
        var tasks = await db.Set<FindingTask>().AsNoTracking().Where(t => ids.Contains(t.FindingId))
            .Select(t => new { t.FindingId, Dto = new FindingTaskDto(t.TaskId, t.Task!.PlanId, t.Task.Label, t.Task.Heading), t.Task.Order })
            .ToListAsync(ct);
        var events = await db.FindingEvents.AsNoTracking().Include(e => e.Evidence).Where(e => ids.Contains(e.FindingId))
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var today = Today;
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return findings.OrderBy(x => order[x.F.Id]).Select(x => new FindingDto(x.F.Id, x.F.RoundId, x.Round, x.F.Number, x.F.UnitId, x.Unit,
            x.F.Severity, Finding.SeverityName(x.F.Severity), x.F.Description, x.F.Requirement, x.F.Deadline, x.F.Status,
            Finding.StatusName(x.F.Status), x.F.IsOverdue(today), x.F.RecordedByName, x.F.RecordedAt, x.F.ClosedAt,
            tasks.Where(t => t.FindingId == x.F.Id).OrderBy(t => t.Order).Select(t => t.Dto).ToList(),
            events.Where(e => e.FindingId == x.F.Id).Select(e => new FindingEventDto(e.Action, e.FromStatus, e.ToStatus, e.Text, e.ByName, e.At,
                e.Evidence.Select(v => new FindingEvidenceDto(v.Id, v.FileName, v.Size)).ToList())).ToList())).ToList();
    }

    /// <summary>An evidence file of a rectification, for whoever may read the finding.</summary>
    public async Task<Outcome<(string Path, string ContentType, string FileName)>> EvidenceAsync(CurrentUser me, int evidenceId, CancellationToken ct = default)
    {
        var ev = await db.FindingEvidence.AsNoTracking().Where(x => x.Id == evidenceId)
            .Join(db.FindingEvents, x => x.EventId, e => e.Id, (x, e) => new { x.FileName, x.ContentType, x.StoredName, e.FindingId })
            .FirstOrDefaultAsync(ct);
        if (ev is null) return Failure.NotFound("附件不存在");
        var r = await FindingAsync(me, ev.FindingId, LedgerAction.ReadFinding, ct: ct);
        if (r.Error is { } e) return e;
        var path = files.PathOf(ev.StoredName);
        if (!File.Exists(path)) return Failure.NotFound("附件文件丢失");
        return (path, ev.ContentType, ev.FileName);
    }

    private static string Clip(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
