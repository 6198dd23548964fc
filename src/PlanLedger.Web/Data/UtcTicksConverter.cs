using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PlanLedger.Web.Data;

/// <summary>DateTimeOffset ⇄ UTC ticks (SQLite), so that columns sort and compare as instants.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
