using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// 拆开: undoes the pairing of a body item with the attachment-table row that restates it (see
/// <see cref="AttachmentPairing"/>). The row comes back under its attachment (recreated when it is gone) with its text,
/// units and deadline as the table wrote them and the measures as its children; the body item gets its own units and
/// deadline back. Drafts only; a task with reports is not split (409).
/// </summary>
public sealed class PairingUndo(LedgerDbContext db, LedgerQueries queries, TimeProvider clock)
{
    public async Task<Outcome<PlanTask>> UnpairAsync(CurrentUser me, int taskId, CancellationToken ct = default)
    {
        var r = await queries.TaskAsync(me, taskId, LedgerAction.EditPlan, ct);
        if (r.Error is { } e) return e;
        var (task, plan) = r.Value;
        if (plan.Status != PlanStatus.Draft) return Failure.Conflict("只能在草稿中拆开对应");
        if (PairedRow.FromJson(task.PairedRow) is not { } pair) return Failure.Conflict("该任务没有对应的附件表行");
        if (await db.Reports.AnyAsync(x => x.TaskId == task.Id, ct))
            return Failure.Conflict("已有填报的任务不能拆开");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var all = await db.Tasks.Where(t => t.PlanId == plan.Id).Include(t => t.Units).ToListAsync(ct);
        task = all.Single(t => t.Id == task.Id);
        var directory = await db.Units.Where(u => u.OrganisationId == plan.OrganisationId && u.MergedIntoId == null).ToListAsync(ct);

        var attachment = all.FirstOrDefault(t => t.ParentId is null && t.Label == pair.AttachmentLabel);
        if (attachment is null)
        {
            attachment = new PlanTask
            {
                PlanId = plan.Id, Label = pair.AttachmentLabel, Heading = pair.AttachmentHeading, Level = 1,
                Order = all.Count == 0 ? 0 : all.Max(t => t.Order) + 1, Path = pair.AttachmentLabel, Section = pair.AttachmentLabel,
                SpanOffset = pair.AttachmentSpanOffset, SpanLength = pair.AttachmentSpanLength,
            };
            db.Tasks.Add(attachment);
            await db.SaveChangesAsync(ct);
            all.Add(attachment);
        }
        var side = pair.Row;
        var row = new PlanTask
        {
            PlanId = plan.Id, ParentId = attachment.Id, Label = PlanImporter.Clip(side.Label, 50)!,
            Heading = PlanImporter.Clip(side.Heading.Length > 0 ? side.Heading : task.Heading, 1000)!, Text = side.Text,
            Deadline = PlanImporter.Clip(side.Deadline, 100), DueDate = StatusRules.DueDate(side.Deadline, plan.Year),
            SpanOffset = side.SpanOffset, SpanLength = side.SpanLength,
        };
        row.SetUnits(side.Lead, side.Support, directory);
        foreach (var t in pair.RowTargets)
            row.Targets.Add(new TaskTarget { Text = t.Text, Value = t.Value, Unit = t.Unit, Op = t.Op, SpanOffset = t.SpanOffset, SpanLength = t.SpanLength });
        // Its place among the attachment's rows: the RowIndex-th, the others keeping their order.
        var siblings = all.Where(t => t.ParentId == attachment.Id).OrderBy(t => t.Order).ToList();
        siblings.Insert(Math.Min(pair.RowIndex, siblings.Count), row);
        var first = siblings.Where(s => s != row).Select(s => s.Order).DefaultIfEmpty(attachment.Order + 1).Min();
        for (var i = 0; i < siblings.Count; i++) siblings[i].Order = first + i;
        db.Tasks.Add(row);
        await db.SaveChangesAsync(ct);
        all.Add(row);

        foreach (var child in all.Where(t => t.ParentId == task.Id)) child.ParentId = row.Id;
        task.SetUnits(pair.Body.Lead, pair.Body.Support, directory);
        task.Deadline = PlanImporter.Clip(pair.Body.Deadline, 100);
        task.DueDate = StatusRules.DueDate(task.Deadline, plan.Year);
        task.Text = pair.Body.Text;
        task.PairedRow = null;
        PlanEditor.Renumber(all);
        all.RefreshStatuses(plan, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        plan.TaskCount = all.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }
}
