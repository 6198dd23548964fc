using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Plans;

/// <summary>
/// The whole-plan read cache of this instance: what a read computed from a plan's rows (the tasks API's and the
/// summary's JSON, the dashboard's figures …), kept under (what was read, plan id, <see cref="Plan.Revision"/>, and
/// the few other facts the output depends on — the local date where statuses or due periods depend on today). The
/// revision is read from the database with the plan on every request (the access check reads the plan row anyway), and
/// every change a plan read shows bumps it in its own transaction (<c>RevisionInterceptor</c>): an entry is never
/// stale, only unused, and several instances on one database each keep a correct cache without talking to each other.
/// Entries of older revisions leave by size (<see cref="LedgerOptions.PlanCacheMegabytes"/>, least recently used first)
/// or after ten minutes unused. Output that depends on who reads it must not be cached here, except by the fact it
/// depends on (never per user).
/// </summary>
public sealed class PlanReadCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly JsonSerializerOptions _json;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    public PlanReadCache(IOptions<LedgerOptions> options, IOptions<JsonOptions> json)
    {
        var mb = options.Value.PlanCacheMegabytes;
        if (mb > 0) _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = mb * 1024L * 1024L });
        _json = json.Value.SerializerOptions;
    }

    private sealed record Key(string What, int PlanId, long Revision, string Vary);

    /// <summary>The value of <paramref name="what"/> for the plan at its current revision: cached, or loaded and kept.</summary>
    public Task<T> GetAsync<T>(string what, Plan plan, Func<Task<T>> load, Func<T, long> size, string vary = "")
        where T : class => GetAsync(new Key(what, plan.Id, plan.Revision, vary), load, size);

    private async Task<T> GetAsync<T>(Key key, Func<Task<T>> load, Func<T, long> size) where T : class
    {
        if (_cache is null) return await load();
        if (_cache.TryGetValue(key, out T? hit) && hit is not null) return hit;
        var value = await load();
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)), SlidingExpiration = Unused });
        return value;
    }

    /// <summary>
    /// The value of <paramref name="what"/> for each of <paramref name="plans"/>, each kept under its own plan's id and
    /// revision (and <paramref name="vary"/> of that plan): the plans missing from the cache are loaded together by one
    /// call of <paramref name="loadMissing"/>, which must answer for every plan it is given. A year's figures composed
    /// from these cost, after a write to one plan, only that plan's share.
    /// </summary>
    public async Task<Dictionary<int, T>> GetEachAsync<T>(string what, IReadOnlyList<Plan> plans, Func<Plan, string> vary,
        Func<IReadOnlyList<Plan>, Task<Dictionary<int, T>>> loadMissing, Func<T, long> size) where T : class
    {
        var found = new Dictionary<int, T>(plans.Count);
        var missing = new List<Plan>();
        foreach (var plan in plans)
        {
            if (_cache is not null && _cache.TryGetValue(new Key(what, plan.Id, plan.Revision, vary(plan)), out T? hit) && hit is not null)
                found[plan.Id] = hit;
            else missing.Add(plan);
        }
        if (missing.Count == 0) return found;
        var loaded = await loadMissing(missing);
        foreach (var plan in missing)
        {
            var value = loaded[plan.Id];
            found[plan.Id] = value;
            _cache?.Set(new Key(what, plan.Id, plan.Revision, vary(plan)), value,
                new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)), SlidingExpiration = Unused });
        }
        return found;
    }

    /// <summary>
    /// The value of <paramref name="what"/> computed over several plans (a year's plans in a reader's scope): kept under
    /// every plan's id and revision together, so a change to any one of them — or a plan joining or leaving the set —
    /// is a new key.
    /// </summary>
    public Task<T> GetAsync<T>(string what, IReadOnlyList<Plan> plans, Func<Task<T>> load, Func<T, long> size, string vary = "")
        where T : class => GetAsync(what, plans.Select(p => (p.Id, p.Revision)).ToList(), load, size, vary);

    /// <summary>As above, for plans known by id and revision only (read with a narrow projection).</summary>
    public Task<T> GetAsync<T>(string what, IReadOnlyList<(int Id, long Revision)> plans, Func<Task<T>> load, Func<T, long> size, string vary = "")
        where T : class => GetAsync(new Key(what, 0, 0, $"{vary}|{SetKey(plans)}"), load, size);

    /// <summary>A value whose key the caller built from plan revisions (and the other facts the value depends on),
    /// e.g. <see cref="SetKey"/> of its plans with the reader-scoped counts it merged in.</summary>
    public Task<T> GetAsync<T>(string what, string key, Func<Task<T>> load, Func<T, long> size) where T : class =>
        GetAsync(new Key(what, 0, 0, key), load, size);

    /// <summary>The key of a set of plans at their revisions: their count and a SHA-256 of <c>id:revision,…</c> in the given order.</summary>
    public static string SetKey(IReadOnlyList<(int Id, long Revision)> plans)
    {
        var ids = new System.Text.StringBuilder(plans.Count * 12);
        foreach (var (id, revision) in plans) ids.Append(id).Append(':').Append(revision).Append(',');
        return $"{plans.Count}|{Hash(ids.ToString())}";
    }

    /// <summary>A key part standing for a long text (a list of ids and revisions, counts, names): its SHA-256 in hex.</summary>
    public static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>A whole-plan API read: the JSON body (serialised once per revision, as the minimal API would),
    /// an <c>ETag</c> from the revision, and 304 when the client already has it (<c>If-None-Match</c>).
    /// Call it after the access check, which runs on every request.</summary>
    public async Task<IResult> JsonAsync<T>(HttpContext http, string what, Plan plan, Func<Task<T>> load)
    {
        var etag = new EntityTagHeaderValue($"\"{what}-{plan.Id}-{plan.Revision}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // private: the body is only for readers who passed the access check; no-cache: ask again, answered by 304.
        http.Response.Headers.CacheControl = "private, no-cache";
        var match = http.Request.GetTypedHeaders().IfNoneMatch;
        if (match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(etag, useStrongComparison: false)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        var body = await GetAsync(what, plan, async () => JsonSerializer.SerializeToUtf8Bytes(await load(), _json), b => b.LongLength);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    public void Dispose() => _cache?.Dispose();
}
