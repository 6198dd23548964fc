using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace PlanLedger.Web.Features.Shared;

/// <summary>
/// Every problem-details answer in the request's language: the title (a readable Chinese one for the bare status
/// answers, whose default is the English reason phrase), the detail and the validation messages, through the
/// one catalogue (<see cref="Strings.Localize"/>).
/// </summary>
public static class ProblemLanguage
{
    public static void Apply(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        var status = p.Status ?? context.HttpContext.Response.StatusCode;
        if (string.IsNullOrEmpty(p.Title) || !Strings.HasHan(p.Title)) p.Title = StatusTitle(status) ?? p.Title;
        p.Title = Strings.Localize(p.Title);
        if (p.Detail is { } d) p.Detail = Strings.Localize(d);
        if (p is HttpValidationProblemDetails v)
            foreach (var key in v.Errors.Keys.ToList())
                v.Errors[key] = v.Errors[key].Select(Strings.Localize).ToArray();
    }

    /// <summary>The Chinese title of a status answered without one of its own.</summary>
    public static string? StatusTitle(int status) => status switch
    {
        400 => "请求无效",
        401 => "请先登录",
        403 => "无权执行此操作",
        404 => "未找到",
        405 => "不支持该请求方法",
        409 => "请求冲突",
        413 => "请求的内容过大",
        415 => "不支持的内容类型",
        422 => "无法处理该请求",
        429 => "请求过于频繁",
        499 => "请求已中止",
        500 => "服务器内部错误",
        503 => "服务暂不可用",
        507 => "存储空间不足",
        _ => null,
    };
}

/// <summary>The API's language from <c>Accept-Language</c> (pages keep the switch's choice, zh-CN by default).</summary>
public sealed class ApiAcceptLanguage : RequestCultureProvider
{
    private readonly AcceptLanguageHeaderRequestCultureProvider header = new();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api")) return NullProviderCultureResult;
        header.Options = Options;
        return header.DetermineProviderCultureResult(httpContext);
    }
}
