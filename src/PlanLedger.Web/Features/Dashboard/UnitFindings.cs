using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>A unit's 问题 not yet 销号 (整改未销号: 待整改, 已整改待复查, 重新整改) and, of those awaiting rectification, the ones past their 整改期限.</summary>
public sealed record UnitFindingCount(int Open, int Overdue);

/// <summary>Per unit: the findings of inspection rounds of an organisation (and those below it) that are not closed — one query.</summary>
public sealed class UnitFindings(LedgerDbContext db, TimeProvider clock)
{
    public async Task<Dictionary<int, UnitFindingCount>> ByUnitAsync(string organisationPath, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Findings.AsNoTracking()
            .Where(f => f.Status != FindingStatus.Closed && f.Round!.Organisation!.Path.StartsWith(organisationPath))
            .GroupBy(f => f.UnitId)
            .Select(g => new
            {
                UnitId = g.Key, Open = g.Count(),
                Overdue = g.Count(f => (f.Status == FindingStatus.Open || f.Status == FindingStatus.Reopened) && f.Deadline < today),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.UnitId, r => new UnitFindingCount(r.Open, r.Overdue));
    }
}
