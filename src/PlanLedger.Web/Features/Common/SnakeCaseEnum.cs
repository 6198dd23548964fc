using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanLedger.Web.Features.Common;

/// <summary>
/// An entity's state or kind as the API writes it — its name in snake case (<c>submitted</c>, <c>closed_out</c>,
/// <c>close_out</c>) — for the DTOs that carry the enum itself, so that pages read the value they were given (and its
/// label, <see cref="Data.Entities.EnumLabels"/>) instead of parsing the API's word back.
/// </summary>
public sealed class SnakeCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum
{
    /// <summary>The API's word for a value (the same one the converter writes).</summary>
    public static string Name(T value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
