namespace PlanLedger.Web.Features.Shared;

/// <summary>The page labels in Chinese (default) or English, by the request's UI language (the switch's cookie).</summary>
public sealed class UiText
{
    public bool English => Strings.English;

    /// <summary>A label or message (a catalogue text or template) in the page's language.</summary>
    public string this[string? zh] => Strings.Localize(zh);
}
