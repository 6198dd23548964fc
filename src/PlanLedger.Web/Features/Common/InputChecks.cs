using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore.Metadata;
using PlanLedger.Web.Data;

namespace PlanLedger.Web.Features.Common;

/// <summary>
/// Validation of text at the edge, for the API (an endpoint filter) and the pages (a page filter) alike: every string
/// argument — and every string property of a request body — must be valid Unicode without NUL, and no longer than
/// its <see cref="TextLimitAttribute"/> (the column it goes into). Failures are 400 with a title naming the field.
/// </summary>
public static class InputChecks
{
    /// <summary>The Chinese name of an input ("name" → 名称), as the 操作日志 names the field; else the name as sent.</summary>
    public static string Label(string name) =>
        name.Length > 0 && Audit.AuditNames.Fields.TryGetValue(char.ToUpperInvariant(name[0]) + name[1..], out var zh) ? zh : name;

    /// <summary>The first problem with a value bound from a request, or null.</summary>
    public static Failure? Check(object? value, string name, TextLimitAttribute? limit, IModel model, int depth = 0)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                if (TextRules.Invalid(s) is { } why) return Failure.BadRequest($"{limit?.Label ?? Label(name)} {why}");
                var max = limit?.Resolve(model) ?? TextLimitAttribute.Unbounded;
                return s.Length > max
                    ? Failure.BadRequest($"{limit?.Label ?? Label(name)} 过长（不超过 {max} 字）")
                    : null;
            case IEnumerable items when depth < 3 && value is not IFormFileCollection:
                foreach (var item in items)
                    if (Check(item, name, limit, model, depth + 1) is { } f) return f;
                return null;
            default:
                var type = value.GetType();
                if (depth >= 3 || type.Assembly != typeof(InputChecks).Assembly || type.IsEnum) return null;
                foreach (var p in Properties(type))
                    if (Check(p.GetValue(value), Camel(p.Name), TextLimitAttribute.Of(p), model, depth + 1) is { } f) return f;
                return null;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> Props = new();

    /// <summary>The properties of a request type that carry text (strings, lists and nested request types).</summary>
    public static PropertyInfo[] Properties(Type t) => Props.GetOrAdd(t, x => x.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead
            && (p.PropertyType == typeof(string) || (p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))
                || (p.PropertyType.Assembly == typeof(InputChecks).Assembly && !p.PropertyType.IsEnum)))
        .ToArray());

    private static string Camel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}

/// <summary>The API side of <see cref="InputChecks"/>.</summary>
public sealed class ApiInputFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var method = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>();
        var parameters = method?.GetParameters() ?? [];
        var services = context.HttpContext.RequestServices;
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var model = services.GetRequiredService<LedgerDbContext>().Model;
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var arg = context.Arguments[i];
            // Only what the client sent: strings and request records of this application, never injected services.
            if (arg is null || (arg is not string && (arg.GetType().Assembly != typeof(InputChecks).Assembly || isService.IsService(arg.GetType())))) continue;
            var p = i < parameters.Length ? parameters[i] : null;
            if (InputChecks.Check(arg, p?.Name ?? "input", p is null ? null : TextLimitAttribute.Of(p), model) is { } f)
                return Problems.From(f);
        }
        return await next(context);
    }
}

/// <summary>The pages' side of <see cref="InputChecks"/>: handler arguments and bound page properties; 400 error page.</summary>
public sealed class PageInputFilter : IAsyncPageFilter
{
    public const string ErrorItem = "pl:input-error";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var model = context.HttpContext.RequestServices.GetRequiredService<LedgerDbContext>().Model;
        Failure? failure = null;
        foreach (var p in context.HandlerMethod?.MethodInfo.GetParameters() ?? [])
        {
            if (p.Name is null || !context.HandlerArguments.TryGetValue(p.Name, out var v)) continue;
            if ((failure = InputChecks.Check(v, p.Name, TextLimitAttribute.Of(p), model)) is not null) break;
        }
        // An enum a form could not bind (a number out of range, an unknown name) would otherwise arrive as its default —
        // for a role that is 管理员: refused instead.
        if (failure is null)
            foreach (var p in context.HandlerMethod?.MethodInfo.GetParameters() ?? [])
                if ((Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum && p.Name is not null
                    && context.ModelState.TryGetValue(p.Name, out var entry) && entry.Errors.Count > 0)
                {
                    failure = Failure.BadRequest($"{InputChecks.Label(p.Name)} 的值无效");
                    break;
                }
        if (failure is null && context.HandlerInstance is { } page)
            foreach (var prop in BoundStrings(page.GetType()))
                if ((failure = InputChecks.Check(prop.GetValue(page), prop.Name, TextLimitAttribute.Of(prop), model)) is not null) break;
        if (failure is not null)
        {
            context.HttpContext.Items[ErrorItem] = failure.Title;
            context.Result = new StatusCodeResult(failure.Status);
            return;
        }
        await next();
    }

    public static IEnumerable<PropertyInfo> BoundStrings(Type page) => page.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string) && p.GetCustomAttribute<BindPropertyAttribute>() is not null);
}

/// <summary>
/// Query-string values are checked before anything reads them (NUL or an unpaired surrogate → 400), so no page,
/// endpoint or SQL parameter ever sees one.
/// </summary>
public sealed class QueryTextCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        foreach (var (key, values) in http.Request.Query)
        {
            var why = TextRules.Invalid(key) ?? values.Select(TextRules.Invalid).FirstOrDefault(x => x is not null);
            if (why is null) continue;
            var title = $"参数 {key} {why}";
            http.Response.StatusCode = 400;
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Problems.From(Failure.BadRequest(title)).ExecuteAsync(http);
                return;
            }
            http.Items[PageInputFilter.ErrorItem] = title;
            return;
        }
        await next(http);
    }
}

/// <summary>A redirect target inside this site, made safe for the Location header (controls refused, non-ASCII escaped).</summary>
public static class LocalUrl
{
    public static string SafeOrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal))
            return "/";
        if (url.Any(c => char.IsControl(c) || c == '\\') || TextRules.Invalid(url) is not null) return "/";
        if (url.All(c => c < 0x7f)) return url;
        var sb = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value < 0x7f) { sb.Append((char)rune.Value); continue; }
            var n = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < n; i++) sb.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
