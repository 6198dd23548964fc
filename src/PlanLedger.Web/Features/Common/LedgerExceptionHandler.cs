using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Documents.Readers;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Common;

/// <summary>
/// Turns exceptions into problem details. Anything a client sent maps to a 4xx; only real server faults are 500.
/// </summary>
public sealed class LedgerExceptionHandler(IProblemDetailsService problems, ILogger<LedgerExceptionHandler> log) : IExceptionHandler
{
    /// <summary>Leaves the readable title of a (non-500) failure for the pages' HTML error page.</summary>
    public static void Annotate(HttpContext http, Exception exception)
    {
        var (status, title) = Map(exception, http.RequestAborted.IsCancellationRequested);
        if (status != 500) http.Items[PageInputFilter.ErrorItem] = Strings.Localize(title);
    }

    /// <summary>The status an exception answers (the pages' error page uses it too).</summary>
    public static int StatusOf(Exception exception) => Map(exception, aborted: false).Status;

    private static (int Status, string Title) Map(Exception exception, bool aborted) => exception switch
        {
            DocumentReadException d when d.Code is "legacy-doc" or "unsupported" => (415, Strings.Pick(d.Message, d.EnglishMessage)),
            DocumentReadException d when d.Code is "too-large" => (413, Strings.Pick(d.Message, d.EnglishMessage)),
            DocumentReadException d => (422, Strings.Pick(d.Message, d.EnglishMessage)),
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "文件过大" : "请求无效"),
            InvalidDataException => (400, "请求格式无效"),
            System.Text.Json.JsonException => (400, "JSON 格式无效"),
            PlanLedger.Web.Data.Entities.RuleException r => (409, r.Message),
            DbUpdateException u when PlanLedger.Web.Data.DbErrors.IsUniqueViolation(u) => (409, "记录已存在或已被他人处理"),
            DbUpdateConcurrencyException => (409, "数据已被他人修改，请刷新后重试"),
            PlanLedger.Web.Data.AuditWriteException a => (503, a.Message),
            PlanLedger.Web.Features.Reports.EvidenceStorageException s => (s.Status, s.Message),
            OperationCanceledException when aborted => (499, "请求已中止"),
            _ => (500, "服务器内部错误"),
        };

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = Map(exception, http.RequestAborted.IsCancellationRequested);
        if (status == 500) log.LogError(exception, "Unhandled exception for {Path}", http.Request.Path);
        http.Response.StatusCode = status;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            // Pages: the HTML error page (re-executed at /Error) shows the readable title.
            if (status != 500) http.Items[PageInputFilter.ErrorItem] = Strings.Localize(title);
            return false;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }
}
