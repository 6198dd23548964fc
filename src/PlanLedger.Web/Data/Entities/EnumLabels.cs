using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// The Chinese word for a stored value, written once on the enum member (<c>[Display(Name = "已销号")]</c>) and read here
/// by the pages, the exports, the notifications and the 操作日志 alike (English through the catalogue).
/// </summary>
public static class EnumLabels
{
    private static readonly ConcurrentDictionary<(Type, string), string> Cache = new();

    public static string Zh(Enum value)
    {
        var type = value.GetType();
        var name = value.ToString();
        return Cache.GetOrAdd((type, name), static k =>
            k.Item1.GetField(k.Item2, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<DisplayAttribute>()?.Name ?? k.Item2);
    }

    /// <summary>The word for a value stored as its member name or number, when <paramref name="type"/> is an enum (or a nullable one).</summary>
    public static string? Zh(Type type, string stored)
    {
        var e = Nullable.GetUnderlyingType(type) ?? type;
        if (!e.IsEnum) return null;
        return Enum.TryParse(e, stored, ignoreCase: false, out var value) && value is Enum v && Enum.IsDefined(e, v) ? Zh(v) : null;
    }
}
