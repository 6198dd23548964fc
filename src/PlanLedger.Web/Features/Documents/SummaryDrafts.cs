namespace PlanLedger.Web.Features.Documents;

/// <summary>The 工作总结 of a plan: drafted from the ledger (<see cref="SummaryDrafter"/>).</summary>
public sealed class SummaryDrafts
{
    public Task<OfficialDocument> DocumentAsync(LedgerSnapshot s, DateOnly today, CancellationToken ct = default)
    {
        var draft = SummaryDrafter.Draft(s, today);
        return Task.FromResult(SummaryDrafter.ToDocument(draft.Title, draft.ToText(), s.Issuer, today));
    }
}
