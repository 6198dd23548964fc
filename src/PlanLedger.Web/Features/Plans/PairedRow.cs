using System.Text.Json;

namespace PlanLedger.Web.Features.Plans;

/// <summary>A unit list, deadline and text as the document wrote them for one side of a body item / table row pair.</summary>
public sealed record PairedSide(string Label, string Heading, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Support,
    string? Deadline, int SpanOffset, int SpanLength);

public sealed record PairedTarget(string Text, decimal Value, string Unit, string Op, int SpanOffset, int SpanLength);

/// <summary>
/// What a body item was before it absorbed the attachment-table row that restates it, and that row as the table wrote
/// it: shown on the review page (对应附件表第 N 行) and enough to undo the pairing. Stored as JSON on the task.
/// </summary>
public sealed record PairedRow(string AttachmentLabel, string AttachmentHeading, int AttachmentSpanOffset, int AttachmentSpanLength,
    int RowIndex, PairedSide Row, IReadOnlyList<PairedTarget> RowTargets, PairedSide Body)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PairedRow? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<PairedRow>(json, Json);
}
