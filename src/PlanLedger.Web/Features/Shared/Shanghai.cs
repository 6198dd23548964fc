namespace PlanLedger.Web.Features.Shared;

/// <summary>
/// The one home of local time. Times are stored in UTC and shown in the organisation's time zone: the signed-in
/// person's organisation's own (<see cref="Data.Entities.Organisation.TimeZone"/>, set per request by
/// <see cref="OrganisationTimeZone"/>), else the server's setting <c>PlanLedger:TimeZone</c>, Asia/Shanghai by default
/// (hence the name).
/// </summary>
public static class Shanghai
{
    public const string DefaultId = "Asia/Shanghai";

    private static TimeZoneInfo fallback = Find(DefaultId) ?? TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "CST");
    private static readonly AsyncLocal<TimeZoneInfo?> Current = new();

    /// <summary>The zone times are shown in for the current request (or the server's default).</summary>
    public static TimeZoneInfo Zone => Current.Value ?? fallback;

    /// <summary>The server's default zone (an unknown id keeps Asia/Shanghai).</summary>
    public static void Configure(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && Find(id) is { } z) fallback = z;
    }

    /// <summary>Shows the rest of the current request (and what it awaits) in <paramref name="zone"/>.</summary>
    public static void Use(TimeZoneInfo? zone) => Current.Value = zone;

    /// <summary>A zone by its IANA id ("Asia/Shanghai", "Asia/Urumqi"), or null when there is none.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }

    public static DateTimeOffset Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static string Format(DateTimeOffset utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? utc) => utc is { } t ? Format(t) : "";

    /// <summary>The calendar date in the zone of a UTC instant.</summary>
    public static DateOnly Date(DateTimeOffset utc) => DateOnly.FromDateTime(Local(utc).DateTime);

    /// <summary>Today in the zone by the app's clock.</summary>
    public static DateOnly Today(TimeProvider clock) => Date(clock.GetUtcNow());
}
