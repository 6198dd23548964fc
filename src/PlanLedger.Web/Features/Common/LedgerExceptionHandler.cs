using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Documents.Readers;

namespace PlanLedger.Web.Features.Common;

/// <summary>
/// Turns exceptions into problem details. Anything a client sent maps to a 4xx; only real server faults are 500.
/// </summary>
public sealed class LedgerExceptionHandler(IProblemDetailsService problems, ILogger<LedgerExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            DocumentReadException d when d.Code is "legacy-doc" or "unsupported" => (415, $"{d.Message} ({d.EnglishMessage})"),
            DocumentReadException d when d.Code is "too-large" => (413, $"{d.Message} ({d.EnglishMessage})"),
            DocumentReadException d => (422, $"{d.Message} ({d.EnglishMessage})"),
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "文件过大 Request too large" : "请求无效 Bad request"),
            InvalidDataException => (400, "请求格式无效 Malformed request"),
            System.Text.Json.JsonException => (400, "JSON 格式无效 Malformed JSON"),
            PlanLedger.Web.Data.Entities.RuleException r => (409, r.Message),
            DbUpdateException u when PlanLedger.Web.Data.DbErrors.IsUniqueViolation(u) => (409, "记录已存在或已被他人处理 The record already exists"),
            DbUpdateConcurrencyException => (409, "数据已被他人修改，请刷新后重试 The data was changed by someone else"),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, "Request aborted"),
            _ => (500, "服务器内部错误 Internal server error"),
        };
        if (status == 500) log.LogError(exception, "Unhandled exception for {Path}", http.Request.Path);
        http.Response.StatusCode = status;
        if (!http.Request.Path.StartsWithSegments("/api") && status == 500) return false;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }
}
