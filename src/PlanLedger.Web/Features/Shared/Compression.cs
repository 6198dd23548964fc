using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace PlanLedger.Web.Features.Shared;

/// <summary>
/// Which responses travel compressed (Brotli, else gzip, when the client accepts it): the static scripts and styles
/// (ECharts is 1.1 MB, 445 KB in Brotli — what a reporter's phone waits for on the dashboard) and the API's GET reads
/// (JSON; the province's year dashboard is 470 KB). Never HTML pages, nor any POST/PUT/DELETE answer: a page carries its
/// antiforgery token next to text from the request (a filter, a search), and a sign-in answer carries a bearer token —
/// compressing a secret beside attacker-chosen text over HTTPS leaks it by size (BREACH). An API GET carries neither.
/// The API's compression runs inside the whole-response cache, so a kept read is kept compressed and replayed without
/// compressing again (docs/decisions/0010-compressed-api-reads-and-static-files.md).
/// </summary>
public static class Compression
{
    private static readonly string[] Types =
        ["application/json", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    public static void AddLedgerCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // safe for what is listed above; pages (text/html) are not among the types
            o.MimeTypes = Types;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }

    /// <summary>
    /// Compression for the requests <paramref name="when"/> selects. A compressed answer's strong <c>ETag</c> becomes weak
    /// (<c>W/"…"</c>): a strong tag promises the same bytes, and the Brotli, gzip and plain answers of one read are the same
    /// content in different bytes (RFC 9110 §8.8.1). The reads compare weakly (<c>If-None-Match</c>), so each client's
    /// stored copy still gets its 304.
    /// </summary>
    public static void UseLedgerCompression(IApplicationBuilder app, Func<HttpContext, bool> when) =>
        app.UseWhen(when, a => a.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var tag = headers.ETag.ToString();
                if (headers.ContentEncoding.Count > 0 && tag.StartsWith('"')) headers.ETag = "W/" + tag;
                return Task.CompletedTask;
            });
            return next(context);
        }).UseResponseCompression());

    /// <summary>Static files: a GET of a path with a file extension outside /api (pages have none).</summary>
    public static bool IsStatic(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/api") && Path.HasExtension(http.Request.Path.Value);

    /// <summary>The API's reads.</summary>
    public static bool IsApiRead(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(http.Request.Method);
}
