using System.Globalization;

namespace PlanLedger.Web.Features.Shared;

/// <summary>The page labels in Chinese (default) and English; the language comes from the request culture (cookie).</summary>
public sealed class UiText
{
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string zh] => English && Strings.En.TryGetValue(zh, out var en) ? en : zh;
}
