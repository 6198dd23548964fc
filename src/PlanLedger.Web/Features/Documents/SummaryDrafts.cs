using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Documents;

/// <summary>
/// The 工作总结 of a plan: drafted from the ledger (<see cref="SummaryDrafter"/>) until the office saves its own edited
/// text, which is then what the Word file holds (until it asks for a fresh draft).
/// </summary>
public sealed class SummaryDrafts(LedgerDbContext db, LedgerQueries queries, TimeProvider clock)
{
    public const string Kind = "summary";

    public async Task<OfficialDocument> DocumentAsync(LedgerSnapshot s, DateOnly today, CancellationToken ct = default)
    {
        var saved = await db.DocumentDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == s.Plan.Id && d.Kind == Kind, ct);
        if (saved is not null) return SummaryDrafter.ToDocument(saved.Title, saved.Text, s.Issuer, today);
        var draft = SummaryDrafter.Draft(s, today);
        return SummaryDrafter.ToDocument(draft.Title, draft.ToText(), s.Issuer, today);
    }

    public sealed record Editing(Plan Plan, SummaryDraft Drafted, DocumentDraft? Saved, bool CanEdit);

    public async Task<Outcome<Editing>> LoadAsync(CurrentUser me, int planId, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return e;
        var plan = access.Value!.Plan;
        var snapshot = await LedgerSnapshot.LoadAsync(db, queries, plan, ct);
        var saved = await db.DocumentDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == planId && d.Kind == Kind, ct);
        return new Editing(plan, SummaryDrafter.Draft(snapshot, Shared.Shanghai.Today(clock)), saved,
            Access.Can(me, LedgerAction.EditPlan, access.Value.Resource));
    }

    /// <summary>Saves the office's text (title and body); <paramref name="text"/> null removes it (back to the draft).</summary>
    public async Task<Failure?> SaveAsync(CurrentUser me, int planId, string? title, string? text, CancellationToken ct = default)
    {
        var access = await queries.PlanAsync(me, planId, LedgerAction.EditPlan, ct);
        if (access.Error is { } e) return e;
        var row = await db.DocumentDrafts.FirstOrDefaultAsync(d => d.PlanId == planId && d.Kind == Kind, ct);
        if (text is null)
        {
            if (row is not null) { db.DocumentDrafts.Remove(row); await db.SaveChangesAsync(ct); }
            return null;
        }
        title = (title ?? "").Trim();
        if (title.Length is 0 or > 500) return Failure.BadRequest("标题不能为空且不超过 500 字");
        if (text.Length > 200_000) return Failure.BadRequest("正文过长");
        if (row is null) db.DocumentDrafts.Add(row = new DocumentDraft { PlanId = planId, Kind = Kind });
        row.Title = title;
        row.Text = text.Replace("\r\n", "\n");
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedByName = me.DisplayName;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
