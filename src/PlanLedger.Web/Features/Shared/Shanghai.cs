namespace PlanLedger.Web.Features.Shared;

/// <summary>Times are stored in UTC and shown in Asia/Shanghai.</summary>
public static class Shanghai
{
    private static readonly TimeZoneInfo Zone = Find();

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "CST"); }
    }

    public static DateTimeOffset Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static string Format(DateTimeOffset utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? utc) => utc is { } t ? Format(t) : "";

    /// <summary>The calendar date in Shanghai of a UTC instant.</summary>
    public static DateOnly Date(DateTimeOffset utc) => DateOnly.FromDateTime(Local(utc).DateTime);

    /// <summary>Today in Shanghai by the app's clock.</summary>
    public static DateOnly Today(TimeProvider clock) => Date(clock.GetUtcNow());
}
