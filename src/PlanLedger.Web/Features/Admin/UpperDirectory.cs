using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Admin;

/// <summary>
/// The unit directories of the organisations above one (its city, its province): a county plan often names units the
/// way the city's directory does. An unmatched name that is one of theirs can be copied into the county's own
/// directory (name, kind, aliases) instead of being typed again.
/// </summary>
public static class UpperDirectory
{
    /// <summary>The units of every organisation above <paramref name="organisationId"/>, nearest organisation first.</summary>
    public static async Task<List<Unit>> ForAsync(LedgerDbContext db, int organisationId, CancellationToken ct = default)
    {
        var path = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        var above = Ancestors(path).ToList();
        if (above.Count == 0) return [];
        var units = await db.Units.AsNoTracking().Include(u => u.Organisation)
            .Where(u => u.MergedIntoId == null && above.Contains(u.Organisation!.Path)).ToListAsync(ct);
        return units.OrderByDescending(u => u.Organisation!.Path.Length).ToList();
    }

    /// <summary>The paths above a path: "/1/3/7/" → "/1/", "/1/3/".</summary>
    public static IEnumerable<string> Ancestors(string? path)
    {
        if (string.IsNullOrEmpty(path)) yield break;
        for (var i = path.IndexOf('/', 1); i > 0 && i < path.Length - 1; i = path.IndexOf('/', i + 1))
            yield return path[..(i + 1)];
    }

    /// <summary>Whether <paramref name="upper"/> is an organisation above the one at <paramref name="path"/>.</summary>
    public static bool IsAbove(string upper, string path) => path.Length > upper.Length && path.StartsWith(upper, StringComparison.Ordinal);
}
