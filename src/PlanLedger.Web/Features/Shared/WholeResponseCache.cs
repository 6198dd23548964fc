using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PlanLedger.Web.Data;

namespace PlanLedger.Web.Features.Shared;

/// <summary>
/// Whole responses of signed-in GETs (pages and API reads), kept per instance and served again while the database's
/// <see cref="Data.Entities.DataVersion"/> — which every write moves in its own transaction
/// (<see cref="DataVersionInterceptor"/>) — has not moved. Runs after authentication and authorization: the endpoint
/// alone is skipped. One indexed single-row read per request (<see cref="DataVersions"/>); nothing is ever invalidated
/// in memory, so several instances on one PostgreSQL stay right whichever wrote. When the version cannot be read in
/// time, the request is answered without the cache.
/// <para>The key is everything a response may depend on besides the data: the reader (every claim of the principal, its
/// security stamp among them, and the authentication type), the languages, scheme, host, path and query, the
/// antiforgery cookie (a page's form tokens are valid for it), the htmx, Accept and Accept-Encoding headers (an API read is
/// kept as sent, compressed or not: <see cref="Compression"/>), and the UTC and
/// organisation dates with the time zone. Kept only: status 200, no Set-Cookie (but the deletion of an absent TempData cookie), HTML or JSON, no attachment, at most
/// <see cref="MaxBody"/> bytes, not an error page's re-execution. Not looked up when the request carries TempData
/// (a flash message) or If-None-Match (the endpoint answers 304 itself). Entries live at most
/// <see cref="LedgerOptions.ResponseCacheFor"/>: what changes with the clock alone, and the few-second caches of another
/// instance's writes, show within it.</para>
/// </summary>
public sealed class WholeResponseCache
{
    public const int MaxBody = 2 * 1024 * 1024;
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    private const string AntiforgeryCookie = ".AspNetCore.Antiforgery.";
    private static readonly string[] VaryHeaders = ["HX-Request", "HX-Target", "HX-Trigger", "HX-Boosted", "HX-Current-URL", "Accept", "Accept-Encoding"];
    // Not replayed: the server and the transport write these for every response.
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding,
    };

    private sealed record Entry(long Version, KeyValuePair<string, string[]>[] Headers, byte[] Body);

    private readonly MemoryCache _cache;
    private readonly TimeSpan _for;
    private readonly DataVersions _versions;
    private readonly TimeProvider _clock;
    private readonly ILogger<WholeResponseCache> _log;

    public WholeResponseCache(IOptions<LedgerOptions> options, DataVersions versions, TimeProvider clock, ILogger<WholeResponseCache> log)
    {
        _log = log;
        _for = options.Value.ResponseCacheFor;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.ResponseCacheMegabytes) * 1024L * 1024 });
        _versions = versions;
        _clock = clock;
    }

    public bool Enabled => _for > TimeSpan.Zero;

    /// <summary>The key of a request, or null when it is not one to look up.</summary>
    private string? KeyOf(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || http.User.Identity is not { IsAuthenticated: true } identity) return null;
        if (request.Cookies.ContainsKey(TempDataCookie) || request.Headers.ContainsKey(HeaderNames.IfNoneMatch)) return null;
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null) return null;
        var key = new StringBuilder(512);
        key.Append(request.Scheme).Append("://").Append(request.Host.Value).Append(request.PathBase.Value).Append(request.Path.Value)
            .Append(request.QueryString.Value).Append('\n').Append(identity.AuthenticationType).Append('\n');
        foreach (var claim in http.User.Claims) key.Append(claim.Type).Append('=').Append(claim.Value).Append('\n');
        key.Append(CultureInfo.CurrentCulture.Name).Append('|').Append(CultureInfo.CurrentUICulture.Name).Append('\n');
        foreach (var (name, value) in request.Cookies)
            if (name.StartsWith(AntiforgeryCookie, StringComparison.Ordinal)) key.Append(name).Append('=').Append(value).Append('\n');
        foreach (var name in VaryHeaders)
            if (request.Headers.TryGetValue(name, out var value)) key.Append(name).Append(':').Append(value.ToString()).Append('\n');
        var now = _clock.GetUtcNow();
        key.Append(DateOnly.FromDateTime(now.UtcDateTime).DayNumber).Append('|').Append(Shanghai.Zone.Id).Append('|')
            .Append(Shanghai.Date(now).DayNumber);
        return key.ToString();
    }

    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (!Enabled || KeyOf(http) is not { } key)
        {
            await next();
            return;
        }
        // Read before the endpoint reads anything: what is kept under a version is at least as new as that version.
        long version;
        try
        {
            version = await _versions.CurrentAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            // Without a version nothing can be served or kept: the endpoint answers as if there were no cache (and meets
            // the database's trouble itself, with its own error page or problem details).
            _log.LogWarning(e, "Response cache skipped for {Path}: the data version could not be read", http.Request.Path.Value);
            await next();
            return;
        }
        if (_cache.TryGetValue(key, out Entry? kept) && kept!.Version == version)
        {
            await Replay(http, kept);
            return;
        }
        var body = http.Response.Body;
        var capture = new CapturingStream(body, MaxBody);
        http.Response.Body = capture;
        try
        {
            await next();
        }
        finally
        {
            http.Response.Body = body;
        }
        if (Keepable(http, capture) is { } bytes)
        {
            var headers = http.Response.Headers.Where(h => !Skipped.Contains(h.Key))
                .Select(h => KeyValuePair.Create(h.Key, h.Value.Select(v => v ?? "").ToArray())).ToArray();
            _cache.Set(key, new Entry(version, headers, bytes), new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = _for,
                Size = bytes.Length + key.Length * 2 + 512,
            });
        }
    }

    private static byte[]? Keepable(HttpContext http, CapturingStream capture)
    {
        var response = http.Response;
        if (response.StatusCode != StatusCodes.Status200OK || http.RequestAborted.IsCancellationRequested || !capture.Complete) return null;
        if (response.Headers.ContentDisposition.Count > 0) return null;
        // The one cookie a kept page may send: a page model's empty TempData deletes its cookie on every view (the
        // request had none, or it would not have been looked up) — the same header every time, replayed as it is.
        foreach (var cookie in response.Headers.SetCookie)
            if (cookie is null || !cookie.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal) || !cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal))
                return null;
        var type = response.ContentType ?? "";
        if (!type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return null;
        var bytes = capture.Copy!;
        if (response.ContentLength is { } length && length != bytes.Length) return null;
        return bytes;
    }

    private static async Task Replay(HttpContext http, Entry kept)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in kept.Headers) response.Headers[name] = value;
        response.ContentLength = kept.Body.Length;
        await response.Body.WriteAsync(kept.Body, http.RequestAborted);
    }
}
