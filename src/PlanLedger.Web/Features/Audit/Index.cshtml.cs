using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Audit;

/// <summary>One row of the 操作日志: who (by 姓名) did what to which record, when, and each changed field.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Person, string Entity, string EntityId, string Action, IReadOnlyList<string> Changes);

/// <summary>
/// 操作日志 (the audit trail): newest first, a page at a time, filtered by record kind, person, date range (in the
/// organisation's zone) and plan; an organisation reads the changes made by its own people and those below it.
/// </summary>
public sealed class IndexModel(LedgerDbContext db) : LedgerPageModel
{
    public const int PageSize = 50;
    public List<AuditRow> Entries { get; private set; } = [];
    public List<(int Id, string Name)> People { get; private set; } = [];
    public List<(int Id, string Title)> Plans { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [BindProperty(SupportsGet = true), TextLimit(typeof(AuditEntry), nameof(AuditEntry.Entity))] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public int? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me.Role is not (UserRole.Admin or UserRole.Office)) return Forbid();
        var path = Me.OrganisationPath;
        var top = path.Count(c => c == '/') == 2 && Me.Role == UserRole.Admin;
        var q = db.AuditEntries.AsNoTracking()
            .Where(a => (a.ActorOrganisationPath != null && a.ActorOrganisationPath.StartsWith(path)) || (top && a.ActorOrganisationPath == null));
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(a => a.Entity == Entity);
        if (UserId is { } uid) q = q.Where(a => a.UserId == uid);
        if (From is { } from) { var start = Start(from); q = q.Where(a => a.At >= start); }
        if (To is { } to) { var end = Start(to.AddDays(1)); q = q.Where(a => a.At < end); }
        if (PlanId is { } pid)
        {
            var plan = pid.ToString(CultureInfo.InvariantCulture);
            var tasks = db.Tasks.Where(t => t.PlanId == pid).Select(t => t.Id.ToString());
            var targets = db.Targets.Where(t => t.Task!.PlanId == pid).Select(t => t.Id.ToString());
            var reports = db.Reports.Where(r => r.Task!.PlanId == pid).Select(r => r.Id.ToString());
            q = q.Where(a => (a.Entity == nameof(Plan) && a.EntityId == plan)
                || (a.Entity == nameof(PlanTask) && tasks.Contains(a.EntityId))
                || (a.Entity == nameof(TaskTarget) && targets.Contains(a.EntityId))
                || (a.Entity == nameof(ProgressReport) && reports.Contains(a.EntityId)));
        }
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var rows = await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        var people = await db.Users.AsNoTracking().Where(u => u.Organisation!.Path.StartsWith(path))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        var names = people.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? "" : u.DisplayName);
        var zh = Pinyin.Comparer;
        People = names.Select(n => (n.Key, n.Value)).OrderBy(n => n.Value, zh).ToList();
        Plans = (await db.Plans.AsNoTracking().Where(p => p.Organisation!.Path.StartsWith(path)).OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title }).Take(200).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        Entries = rows.Select(a => new AuditRow(a.Id, a.At,
            a.UserId is { } id && names.TryGetValue(id, out var n) ? n : a.UserName == "system" ? Strings.Localize("系统") : a.UserName,
            Strings.Localize(AuditNames.Entity(a.Entity)), a.EntityId, Strings.Localize(AuditNames.Action(a.Action)),
            AuditNames.Lines(a.Entity, a.Before, a.After, a.Action))).ToList();
        return Page();
    }

    /// <summary>The first instant of a calendar day in the organisation's zone, in UTC.</summary>
    private static DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Shanghai.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>This page's address with one value changed (the filters kept).</summary>
    public string Link(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["Entity"] = Entity, ["UserId"] = UserId?.ToString(CultureInfo.InvariantCulture), ["PlanId"] = PlanId?.ToString(CultureInfo.InvariantCulture),
        ["From"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["To"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
