using System.Globalization;

namespace PlanLedger.Web.Features.Shared;

/// <summary>
/// Chinese names in the order of a directory: by pinyin (白 · 陈 · 张), the zh-CN collation of ICU — not by code
/// point (张 · 白 · 陈). Every list of units, organisations and people is sorted with it, in memory after the query
/// (the databases' own collations differ).
/// </summary>
public static class Pinyin
{
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), CompareOptions.None);

    public static IEnumerable<T> Sort<T>(this IEnumerable<T> items, Func<T, string> name) => items.OrderBy(name, Comparer);
}
