using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Notifications;

namespace PlanLedger.Web.Features.Supervision;

/// <summary>Settings "PlanLedger:Supervision".</summary>
public sealed class SupervisionOptions
{
    /// <summary>When true the reminder job escalates by itself (蓝 → 黄 → 红); otherwise it proposes and the office decides.</summary>
    public bool AutoEscalate { get; set; }
    /// <summary>The new reply deadline after an automatic escalation, in days from the day it happens.</summary>
    public int EscalationDays { get; set; } = 5;
}

public sealed record EscalationRun(int Proposed, int Escalated);

/// <summary>
/// The reminder job's pass over open notices: a notice whose reply deadline passed without reply is proposed for
/// escalation (the office is told once per deadline), or escalated at once when <see cref="SupervisionOptions.AutoEscalate"/>.
/// </summary>
public sealed class SupervisionEscalation(LedgerDbContext db, Notifier notifier, IOptions<SupervisionOptions> options, TimeProvider clock)
{
    public async Task<EscalationRun> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = await db.Supervisions
            .Where(n => (n.State == SupervisionState.Issued || n.State == SupervisionState.Acknowledged) && n.ReplyBy < today)
            .OrderBy(n => n.Id).Select(n => n.Id).Take(1000).ToListAsync(ct);
        int proposed = 0, escalated = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var n = await db.Supervisions.Include(x => x.Units).Include(x => x.Tasks).FirstAsync(x => x.Id == id, ct);
            if (options.Value.AutoEscalate && n.Level != SupervisionLevel.Red)
            {
                var next = today.AddDays(Math.Max(1, options.Value.EscalationDays));
                n.Escalate(next, "系统（逾期未反馈自动升级）", now);
                notifier.ToUnits(n.Units.Select(u => u.UnitId), NotificationKind.SupervisionEscalated,
                    $"{n.Number} 逾期未反馈，已升级为{LevelNames.Zh(n.Level)}督办，请于 {next:yyyy-MM-dd} 前反馈：{n.Reason}",
                    n.Tasks.Count == 1 ? n.Tasks[0].TaskId : null, $"/Supervisions/{n.Id}");
                escalated++;
            }
            else if (n.ProposeEscalation(today, now))
            {
                notifier.ToOffice(n.OrganisationId, NotificationKind.EscalationProposed,
                    n.Level == SupervisionLevel.Red
                        ? $"{n.Number}（红色督办）答复期限 {n.ReplyBy:yyyy-MM-dd} 已过仍未反馈"
                        : $"{n.Number} 答复期限 {n.ReplyBy:yyyy-MM-dd} 已过仍未反馈，建议升级为{LevelNames.Zh(n.Level + 1)}督办",
                    null, $"/Supervisions/{n.Id}");
                proposed++;
            }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { /* the office acted meanwhile */ }
        }
        return new EscalationRun(proposed, escalated);
    }
}
