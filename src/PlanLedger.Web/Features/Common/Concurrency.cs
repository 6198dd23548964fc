using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Common;

/// <summary>
/// Optimistic concurrency for edits: the version a client read comes back with its change (a hidden field on the
/// pages; a <c>version</c> JSON field or an <c>If-Match</c> header in the API). An older version, or a write that loses
/// the race in the database, is 409 with a readable title, the current values and the current version.
/// </summary>
public static class Concurrency
{
    public const string TaskTitle = "有人已修改此任务，请重新加载后再保存";
    public const string RecordTitle = "有人已修改此记录，请重新加载后再保存";

    public static Failure Stale(object current, int version, string title = RecordTitle) =>
        Failure.Conflict(title, new Dictionary<string, object?> { ["current"] = current, ["version"] = version });

    /// <summary>409 when the client's version is not the row's current one (no version sent: no check).</summary>
    public static Failure? Check<T>(T row, int? expected, Func<T, object> current, string title = RecordTitle) where T : IVersioned =>
        expected is { } v && v != row.Version ? Stale(current(row), row.Version, title) : null;

    /// <summary>Saves; when another write got there first, answers 409 with the row as it now is.</summary>
    public static async Task<Failure?> SaveAsync<T>(this DbContext db, T row, Func<T, object> current, CancellationToken ct,
        string title = RecordTitle) where T : class, IVersioned
    {
        var id = (int)db.Entry(row).Property("Id").CurrentValue!;
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(x => EF.Property<int>(x, "Id") == id, ct);
            return now is null ? Failure.NotFound("记录已被删除") : Stale(current(now), now.Version, title);
        }
    }

    /// <summary>The version from <c>If-Match: "3"</c> (or W/"3"), when present; the body's <c>version</c> wins.</summary>
    public static int? IfMatch(HttpContext http, int? bodyVersion)
    {
        if (bodyVersion is not null) return bodyVersion;
        var raw = http.Request.Headers.IfMatch.ToString().Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal)) raw = raw[2..];
        raw = raw.Trim('"');
        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
