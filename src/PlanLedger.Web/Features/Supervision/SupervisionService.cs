using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Data.EntityConfigurations;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Supervision;

/// <summary>A matter that is not in the plan (领导批示件, 会议议定事项, 上级交办): it becomes a task of its own.</summary>
public sealed record MatterInput([TextLimit(typeof(PlanTask), nameof(PlanTask.Heading))] string? Title, [TextLimit(4000)] string? Text, [TextLimit(30)] string? Source, [TextLimit(20)] string? DueDate);
public sealed record IssueInput(IReadOnlyList<int>? TaskIds, IReadOnlyList<int>? UnitIds, [TextLimit(10)] string? Level, [TextLimit(typeof(SupervisionNotice), nameof(SupervisionNotice.Reason))] string? Reason, [TextLimit(20)] string? ReplyBy,
    MatterInput? Matter = null);
/// <summary>One unit's part of a notice: its own state (<c>issued|acknowledged|replied|closed|stopped</c>), reply and close-out.</summary>
public sealed record NoticeUnitDto(int Id, string Name, DateTimeOffset? AcknowledgedAt, DateTimeOffset? RepliedAt,
    [property: JsonConverter(typeof(SnakeCaseEnum<SupervisionState>))] SupervisionState State = SupervisionState.Issued,
    string? ReplyText = null, DateTimeOffset? ClosedAt = null);
public sealed record NoticeTaskDto(int Id, int PlanId, string Path, string Heading, string Status, int Progress, string Source);
public sealed record AttachmentDto(int Id, string FileName, long Size);
public sealed record NoticeEventDto(int Id, [property: JsonConverter(typeof(SnakeCaseEnum<SupervisionStep>))] SupervisionStep Step,
    [property: JsonConverter(typeof(SnakeCaseEnum<SupervisionState>))] SupervisionState? From,
    [property: JsonConverter(typeof(SnakeCaseEnum<SupervisionState>))] SupervisionState To, [property: JsonConverter(typeof(SnakeCaseEnum<SupervisionLevel>))] SupervisionLevel Level, string By, int? UnitId, string? Text,
    DateTimeOffset At, IReadOnlyList<AttachmentDto> Attachments);
public sealed record NoticeDto(int Id, string Number, [property: JsonConverter(typeof(SnakeCaseEnum<SupervisionLevel>))] SupervisionLevel Level, [property: JsonConverter(typeof(SnakeCaseEnum<SupervisionState>))] SupervisionState State, DateOnly ReplyBy, IReadOnlyList<int> TaskIds,
    IReadOnlyList<int> UnitIds, string Reason, DateTimeOffset IssuedAt, string IssuedBy, string? ReplyText, DateTimeOffset? RepliedAt,
    DateTimeOffset? ClosedAt, string? StopReason, bool EscalationProposed, bool ReplyOverdue, int OrganisationId,
    IReadOnlyList<NoticeUnitDto> Units, IReadOnlyList<NoticeTaskDto> Tasks, IReadOnlyList<NoticeEventDto>? History = null);
public sealed record NoticeFilter(string? State = null, string? Level = null, int? UnitId = null, int? TaskId = null);

/// <summary>
/// 督办单: issuing (from tasks, or from a matter not in the plan), the unit's 签收 and 反馈, the office's 办结 / 退回重办 /
/// 中止 / 升级. The workflow is the notice's own (<see cref="SupervisionNotice"/>); this service checks access and input,
/// numbers the notice per organisation and year, and notifies the units in the same transaction.
/// </summary>
public sealed class SupervisionService(LedgerDbContext db, Notifier notifier, EvidenceStore files, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Outcome<NoticeDto>> IssueAsync(CurrentUser me, IssueInput input, CancellationToken ct = default)
    {
        var org = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == me.OrganisationId, ct);
        if (Problems.FromDecision(Access.Decide(me, LedgerAction.IssueSupervision, new Resource(org.Id, org.Path))) is { } denied) return denied;
        if (LevelNames.Parse(input.Level) is not { } level) return Failure.BadRequest("督办等级应为 blue、yellow 或 red");
        var reason = (input.Reason ?? "").Trim();
        if (reason.Length == 0) return Failure.BadRequest("请填写督办事由");
        if (reason.Length > 2000) return Failure.BadRequest("督办事由不超过 2000 字");
        if (!DateOnly.TryParseExact(input.ReplyBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var replyBy))
            return Failure.BadRequest("答复期限格式应为 yyyy-MM-dd");
        if (replyBy < Today) return Failure.BadRequest("答复期限不能早于今天");
        var taskIds = (input.TaskIds ?? []).Distinct().ToList();
        if (taskIds.Count == 0 && input.Matter is null) return Failure.BadRequest("请选择督办任务或填写交办事项");
        if (taskIds.Count > 200) return Failure.BadRequest("一次最多督办 200 项任务");
        var tasks = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Plan!.OrganisationId, t.Plan.Status, t.ClosedAt }).ToListAsync(ct);
        if (tasks.Count != taskIds.Count || tasks.Any(t => t.OrganisationId != me.OrganisationId))
            return Failure.NotFound("任务不存在或不属于本单位");
        if (tasks.Any(t => t.Status != PlanStatus.Published)) return Failure.Conflict("只能督办已发布计划中的任务");
        if (tasks.Any(t => t.ClosedAt != null)) return Failure.Conflict("已销号的任务不能督办");
        var unitIds = (input.UnitIds ?? []).Distinct().ToList();
        if (unitIds.Count == 0)
            unitIds = await db.TaskUnits.Where(u => taskIds.Contains(u.TaskId) && u.Role == UnitRole.Lead && u.UnitId != null)
                .Select(u => u.UnitId!.Value).Distinct().ToListAsync(ct);
        if (unitIds.Count == 0) return Failure.BadRequest("请选择督办单位");
        var validUnits = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.OrganisationId == me.OrganisationId && u.MergedIntoId == null)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        if (validUnits.Count != unitIds.Count) return Failure.BadRequest("督办单位不属于本单位目录");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (input.Matter is { } matter)
        {
            var created = await MatterTaskAsync(me, matter, validUnits.Select(u => (u.Id, u.Name)).ToList(), ct);
            if (created.Error is { } me2) return me2;
            taskIds.Add(created.Value!.Id);
        }
        // Numbers run per organisation and year: the organisation row is locked while the next one is taken.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Organisations\" WHERE \"Id\" = {me.OrganisationId} FOR UPDATE", ct);
        var year = Today.Year;
        var seq = (await db.Supervisions.Where(n => n.OrganisationId == me.OrganisationId && n.Year == year)
            .MaxAsync(n => (int?)n.Sequence, ct) ?? 0) + 1;
        var notice = SupervisionNotice.Issue(me.OrganisationId, year, seq, level, reason, replyBy, taskIds, unitIds, me.DisplayName, Now);
        db.Supervisions.Add(notice);
        notifier.ToUnits(unitIds, NotificationKind.SupervisionIssued,
            $"{LevelNames.Zh(level)}督办：{reason}（请于 {replyBy:yyyy-MM-dd} 前反馈）", taskIds.Count == 1 ? taskIds[0] : null);
        await db.SaveChangesAsync(ct);
        // The number is known now: the notification links to the notice.
        foreach (var n in db.ChangeTracker.Entries<Notification>().Select(e => e.Entity).Where(n => n.Kind == NotificationKind.SupervisionIssued && n.Link == null))
        {
            n.Link = $"/Supervisions/{notice.Id}";
            n.Message = Notifier.Clip($"{notice.Number} {n.Message}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await DetailAsync(me, notice.Id, ct)).Value!;
    }

    /// <summary>The year's 交办事项 ledger of the organisation (created on first use, published), and the matter as a task in it.</summary>
    private async Task<Outcome<PlanTask>> MatterTaskAsync(CurrentUser me, MatterInput m, List<(int Id, string Name)> units, CancellationToken ct)
    {
        var title = (m.Title ?? "").Trim();
        if (title.Length == 0) return Failure.BadRequest("请填写交办事项名称");
        if (title.Length > 1000 || (m.Text ?? "").Length > 4000) return Failure.BadRequest("交办事项内容过长");
        TaskSource source = (m.Source ?? "").Trim() switch
        {
            "leader_instruction" or "领导批示件" => TaskSource.LeaderInstruction,
            "meeting_decision" or "会议议定事项" => TaskSource.MeetingDecision,
            "higher_assignment" or "上级交办" => TaskSource.HigherAssignment,
            _ => (TaskSource)(-1),
        };
        if ((int)source < 0) return Failure.BadRequest("事项来源应为 leader_instruction、meeting_decision 或 higher_assignment");
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(m.DueDate))
        {
            if (!DateOnly.TryParseExact(m.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return Failure.BadRequest("完成时限格式应为 yyyy-MM-dd");
            due = d;
        }
        var year = Today.Year;
        var key = $"matters-{year}";
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.OrganisationId == me.OrganisationId && p.Sha256 == key, ct);
        if (plan is null)
        {
            plan = new Plan
            {
                OrganisationId = me.OrganisationId, Title = $"{year}年交办事项台账", Issuer = null, Year = year, Status = PlanStatus.Published,
                SourceFileName = "", Format = "matter", Sha256 = key, Source = new PlanSource(), CreatedAt = Now, PublishedAt = Now,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync(ct);
        }
        await db.LockPlanAsync(plan.Id, ct);
        var count = await db.Tasks.CountAsync(t => t.PlanId == plan.Id, ct);
        var label = (count + 1).ToString(CultureInfo.InvariantCulture);
        var sourceName = EnumLabels.Zh(source == TaskSource.Plan ? TaskSource.HigherAssignment : source);
        var task = new PlanTask
        {
            PlanId = plan.Id, Path = label, Order = count, Level = 1, Label = label, Heading = title, Text = (m.Text ?? "").Trim(),
            Deadline = due?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), DueDate = due, Section = sourceName,
            LeadNames = string.Join("、", units.Select(u => u.Name)), Source = source, SpanOffset = -1,
        };
        foreach (var u in units) task.Units.Add(new TaskUnit { Role = UnitRole.Lead, Name = u.Name, UnitId = u.Id });
        db.Tasks.Add(task);
        plan.TaskCount = count + 1;
        await db.SaveChangesAsync(ct);
        return task;
    }

    public async Task<List<NoticeDto>> ListAsync(CurrentUser me, NoticeFilter f, CancellationToken ct = default)
    {
        var q = Visible(me);
        if (Enum.TryParse<SupervisionState>(f.State, true, out var s)) q = q.Where(n => n.State == s);
        if (LevelNames.Parse(f.Level) is { } l) q = q.Where(n => n.Level == l);
        if (f.UnitId is { } u) q = q.Where(n => n.Units.Any(x => x.UnitId == u));
        if (f.TaskId is { } t) q = q.Where(n => n.Tasks.Any(x => x.TaskId == t));
        var ids = await q.OrderByDescending(n => n.Id).Select(n => n.Id).Take(500).ToListAsync(ct);
        return await LoadAsync(ids, withHistory: false, ct);
    }

    public async Task<Outcome<NoticeDto>> DetailAsync(CurrentUser me, int id, CancellationToken ct = default)
    {
        var r = await NoticeForAsync(me, id, LedgerAction.ReadSupervision, ct);
        if (r.Error is { } e) return e;
        return (await LoadAsync([id], withHistory: true, ct)).Single();
    }

    public Task<Outcome<NoticeDto>> AcknowledgeAsync(CurrentUser me, int id, CancellationToken ct = default) =>
        StepAsync(me, id, LedgerAction.AcknowledgeSupervision, n => n.Acknowledge(me.UnitId!.Value, me.DisplayName, Now), null, ct);

    public async Task<Outcome<NoticeDto>> ReplyAsync(CurrentUser me, int id, string? text, IReadOnlyList<EvidenceUpload>? evidence = null,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return Failure.BadRequest("请填写反馈内容");
        if (text.Trim().Length > 4000) return Failure.BadRequest("反馈不超过 4000 字");
        foreach (var f in evidence ?? [])
            if (files.Check(f) is { } refused) return refused;
        var stored = new List<string>();
        try
        {
            var r = await StepAsync(me, id, LedgerAction.ReplySupervision, n =>
            {
                var e = n.Reply(me.UnitId!.Value, text, me.DisplayName, Now);
                foreach (var (f, name) in (evidence ?? []).Zip(stored))
                    e.Attachments.Add(new SupervisionAttachment { FileName = PlanLedger.Web.Features.Plans.PlanImporter.Clip(Path.GetFileName(f.FileName), 260)!,
                        ContentType = EvidenceStore.ContentType(f.FileName), Size = f.Length, StoredName = name, UploadedAt = Now });
                notifier.ToOffice(n.OrganisationId, NotificationKind.SupervisionReplied, $"{n.Number} 已反馈（{me.DisplayName}）：{text.Trim()}", null, $"/Supervisions/{n.Id}");
            }, async () => { foreach (var f in evidence ?? []) stored.Add(await files.SaveAsync(f, ct)); }, ct);
            if (r.Error is not null) foreach (var s in stored) files.Delete(s);
            return r;
        }
        catch
        {
            foreach (var s in stored) files.Delete(s);
            throw;
        }
    }

    public Task<Outcome<NoticeDto>> CloseAsync(CurrentUser me, int id, string? comment, CancellationToken ct = default) =>
        StepAsync(me, id, LedgerAction.CloseSupervision, n =>
        {
            n.Close(me.DisplayName, comment, Now);
            NotifyUnits(n, NotificationKind.SupervisionClosed, $"{n.Number} 已办结{(string.IsNullOrWhiteSpace(comment) ? "" : "：" + comment.Trim())}");
        }, null, ct);

    /// <summary>办结 of one unit's part (its reply accepted); the notice is 已办结 once every part is.</summary>
    public Task<Outcome<NoticeDto>> CloseUnitAsync(CurrentUser me, int id, int unitId, string? comment, CancellationToken ct = default) =>
        StepAsync(me, id, LedgerAction.CloseSupervision, n =>
        {
            n.CloseUnit(unitId, me.UserName, comment, Now);
            notifier.ToUnits([unitId], NotificationKind.SupervisionClosed,
                $"{n.Number} 本单位督办事项已办结{(string.IsNullOrWhiteSpace(comment) ? "" : "：" + comment.Trim())}", n.Tasks.Count == 1 ? n.Tasks[0].TaskId : null, $"/Supervisions/{n.Id}");
        }, null, ct);

    /// <summary>退回重办 of one unit's part: only that unit must reply again.</summary>
    public Task<Outcome<NoticeDto>> ReturnUnitAsync(CurrentUser me, int id, int unitId, string? comment, string? replyBy, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(comment)) return Task.FromResult<Outcome<NoticeDto>>(Failure.BadRequest("请填写退回意见"));
        DateOnly? next = null;
        if (!string.IsNullOrWhiteSpace(replyBy))
        {
            if (!DateOnly.TryParseExact(replyBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d < Today)
                return Task.FromResult<Outcome<NoticeDto>>(Failure.BadRequest("答复期限格式应为 yyyy-MM-dd 且不早于今天"));
            next = d;
        }
        return StepAsync(me, id, LedgerAction.ReturnSupervision, n =>
        {
            n.ReturnUnit(unitId, me.UserName, comment, next, Now);
            notifier.ToUnits([unitId], NotificationKind.SupervisionReturned, $"{n.Number} 退回重办：{comment.Trim()}（请于 {n.ReplyBy:yyyy-MM-dd} 前反馈）",
                n.Tasks.Count == 1 ? n.Tasks[0].TaskId : null, $"/Supervisions/{n.Id}");
        }, null, ct);
    }

    public Task<Outcome<NoticeDto>> ReturnAsync(CurrentUser me, int id, string? comment, string? replyBy, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(comment)) return Task.FromResult<Outcome<NoticeDto>>(Failure.BadRequest("请填写退回意见"));
        DateOnly? next = null;
        if (!string.IsNullOrWhiteSpace(replyBy))
        {
            if (!DateOnly.TryParseExact(replyBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d < Today)
                return Task.FromResult<Outcome<NoticeDto>>(Failure.BadRequest("答复期限格式应为 yyyy-MM-dd 且不早于今天"));
            next = d;
        }
        return StepAsync(me, id, LedgerAction.ReturnSupervision, n =>
        {
            n.Return(me.DisplayName, comment, next, Now);
            NotifyUnits(n, NotificationKind.SupervisionReturned, $"{n.Number} 退回重办：{comment.Trim()}（请于 {n.ReplyBy:yyyy-MM-dd} 前反馈）");
        }, null, ct);
    }

    public Task<Outcome<NoticeDto>> StopAsync(CurrentUser me, int id, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Task.FromResult<Outcome<NoticeDto>>(Failure.BadRequest("请填写中止理由"));
        return StepAsync(me, id, LedgerAction.StopSupervision, n =>
        {
            n.Stop(me.DisplayName, reason, Now);
            NotifyUnits(n, NotificationKind.SupervisionStopped, $"{n.Number} 已中止：{reason.Trim()}");
        }, null, ct);
    }

    /// <summary>升级 by the office: the next level, with a new reply deadline (default a week from today).</summary>
    public Task<Outcome<NoticeDto>> EscalateAsync(CurrentUser me, int id, string? replyBy, CancellationToken ct = default)
    {
        var next = Today.AddDays(7);
        if (!string.IsNullOrWhiteSpace(replyBy)
            && (!DateOnly.TryParseExact(replyBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out next) || next < Today))
            return Task.FromResult<Outcome<NoticeDto>>(Failure.BadRequest("答复期限格式应为 yyyy-MM-dd 且不早于今天"));
        return StepAsync(me, id, LedgerAction.EscalateSupervision, n =>
        {
            n.Escalate(next, me.DisplayName, Now);
            NotifyUnits(n, NotificationKind.SupervisionEscalated, $"{n.Number} 升级为{LevelNames.Zh(n.Level)}督办，请于 {next:yyyy-MM-dd} 前反馈：{n.Reason}");
        }, null, ct);
    }

    /// <summary>领导批示 on a notice: its units are told.</summary>
    public async Task<Outcome<Decisions.CommentDto>> CommentAsync(CurrentUser me, int id, string? text, CancellationToken ct = default)
    {
        var r = await NoticeForAsync(me, id, LedgerAction.CommentAsLeader, ct);
        if (r.Error is { } e) return e;
        if (string.IsNullOrWhiteSpace(text)) return Failure.BadRequest("请填写批示内容");
        if (text.Trim().Length > 2000) return Failure.BadRequest("批示不超过 2000 字");
        var n = r.Value!;
        var c = new LeaderComment { NoticeId = id, AuthorId = me.Id, AuthorName = me.DisplayName, Text = text.Trim(), CreatedAt = Now };
        db.LeaderComments.Add(c);
        NotifyUnits(n, NotificationKind.LeaderComment, $"领导批示（{me.DisplayName}）{n.Number}：{text.Trim()}");
        await db.SaveChangesAsync(ct);
        return new Decisions.CommentDto(c.Id, null, null, id, c.AuthorName, c.Text, c.CreatedAt);
    }

    public async Task<List<Decisions.CommentDto>> CommentsAsync(int id, CancellationToken ct = default) =>
        await db.LeaderComments.AsNoTracking().Where(c => c.NoticeId == id).OrderByDescending(c => c.Id)
            .Select(c => new Decisions.CommentDto(c.Id, c.TaskId, c.ReportId, c.NoticeId, c.AuthorName, c.Text, c.CreatedAt)).ToListAsync(ct);

    public async Task<Outcome<(SupervisionAttachment File, string Notice)>> AttachmentAsync(CurrentUser me, int attachmentId, CancellationToken ct = default)
    {
        var a = await db.SupervisionAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId, ct);
        if (a is null) return Failure.NotFound("附件不存在");
        var noticeId = await db.SupervisionEvents.Where(e => e.Id == a.EventId).Select(e => e.NoticeId).FirstAsync(ct);
        var r = await NoticeForAsync(me, noticeId, LedgerAction.ReadSupervision, ct);
        if (r.Error is { } e) return e;
        return (a, r.Value!.Number);
    }

    private void NotifyUnits(SupervisionNotice n, NotificationKind kind, string text) =>
        notifier.ToUnits(n.Units.Select(u => u.UnitId), kind, text, n.Tasks.Count == 1 ? n.Tasks[0].TaskId : null, $"/Supervisions/{n.Id}");

    private async Task<Outcome<NoticeDto>> StepAsync(CurrentUser me, int id, LedgerAction action, Action<SupervisionNotice> step,
        Func<Task>? before, CancellationToken ct)
    {
        var r = await NoticeForAsync(me, id, action, ct);
        if (r.Error is { } e) return e;
        var notice = r.Value!;
        if (before is not null) await before();
        try { step(notice); }
        catch (RuleException x) { return Failure.Conflict(x.Message); }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Failure.Conflict("督办单已被他人处理，请刷新"); }
        return (await LoadAsync([id], withHistory: true, ct)).Single();
    }

    /// <summary>The notice (tracked, with units and tasks) if <paramref name="me"/> may do <paramref name="action"/> on it.</summary>
    public async Task<Outcome<SupervisionNotice>> NoticeForAsync(CurrentUser me, int id, LedgerAction action, CancellationToken ct)
    {
        var row = await db.Supervisions.Include(n => n.Units).Include(n => n.Tasks).Where(n => n.Id == id)
            .Select(n => new { Notice = n, n.Organisation!.Path }).FirstOrDefaultAsync(ct);
        if (row is null) return Failure.NotFound("督办单不存在");
        var resource = new Resource(row.Notice.OrganisationId, row.Path, false, row.Notice.Units.Select(u => u.UnitId).ToList());
        var decision = Access.Decide(me, action, resource);
        // Whoever may not even read it is told it does not exist.
        if (decision == Decision.Forbidden && !Access.Can(me, LedgerAction.ReadSupervision, resource)) decision = Decision.NotFound;
        if (Problems.FromDecision(decision) is { } f) return f;
        return row.Notice;
    }

    /// <summary>Notices in the caller's scope; a unit sees only those issued to it.</summary>
    public IQueryable<SupervisionNotice> Visible(CurrentUser me)
    {
        var path = me.OrganisationPath;
        var q = db.Supervisions.AsNoTracking().Where(n => n.Organisation!.Path.StartsWith(path));
        if (me.Role == UserRole.Reporter)
        {
            var unit = me.UnitId ?? -1;
            q = q.Where(n => n.Units.Any(u => u.UnitId == unit));
        }
        return q;
    }

    private async Task<List<NoticeDto>> LoadAsync(List<int> ids, bool withHistory, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var notices = await db.Supervisions.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        var units = (await db.SupervisionUnits.AsNoTracking().Where(u => ids.Contains(u.NoticeId))
            .Select(u => new { u.NoticeId, u.UnitId, u.Unit!.Name, u.AcknowledgedAt, u.RepliedAt, u.State, u.ReplyText, u.ClosedAt }).ToListAsync(ct)).ToLookup(u => u.NoticeId);
        var tasks = (await db.SupervisionTasks.AsNoTracking().Where(t => ids.Contains(t.NoticeId))
            .Select(t => new { t.NoticeId, t.TaskId, t.Task!.PlanId, t.Task.Path, t.Task.Heading, t.Task.Status, t.Task.Progress, t.Task.Source }).ToListAsync(ct))
            .ToLookup(t => t.NoticeId);
        ILookup<int, SupervisionEvent>? history = null;
        ILookup<int, SupervisionAttachment>? files = null;
        if (withHistory)
        {
            var events = await db.SupervisionEvents.AsNoTracking().Where(e => ids.Contains(e.NoticeId)).OrderBy(e => e.Id).ToListAsync(ct);
            var eventIds = events.Select(e => e.Id).ToList();
            files = (await db.SupervisionAttachments.AsNoTracking().Where(a => eventIds.Contains(a.EventId)).ToListAsync(ct)).ToLookup(a => a.EventId);
            history = events.ToLookup(e => e.NoticeId);
        }
        var today = Today;
        var byId = notices.ToDictionary(n => n.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var n = byId[id];
            return new NoticeDto(n.Id, n.Number, n.Level, n.State, n.ReplyBy,
                tasks[n.Id].Select(t => t.TaskId).ToList(), units[n.Id].Select(u => u.UnitId).ToList(), n.Reason, n.IssuedAt, n.IssuedByName,
                n.ReplyText, n.RepliedAt, n.ClosedAt, n.StopReason, n.EscalationProposedAt is not null, n.ReplyOverdue(today), n.OrganisationId,
                units[n.Id].Select(u => new NoticeUnitDto(u.UnitId, u.Name, u.AcknowledgedAt, u.RepliedAt, u.State, u.ReplyText, u.ClosedAt)).ToList(),
                tasks[n.Id].Select(t => new NoticeTaskDto(t.TaskId, t.PlanId, t.Path, t.Heading, StatusNames.ToName(t.Status), t.Progress, SourceName(t.Source))).ToList(),
                history?[n.Id].Select(e => new NoticeEventDto(e.Id, e.Step, e.FromState,
                    e.ToState, e.Level, e.ByName, e.UnitId, e.Text, e.At,
                    files![e.Id].Select(a => new AttachmentDto(a.Id, a.FileName, a.Size)).ToList())).ToList());
        }).ToList();
    }

    public static string SourceName(TaskSource s) => s switch
    {
        TaskSource.LeaderInstruction => "leader_instruction", TaskSource.MeetingDecision => "meeting_decision",
        TaskSource.HigherAssignment => "higher_assignment", _ => "plan",
    };

}
