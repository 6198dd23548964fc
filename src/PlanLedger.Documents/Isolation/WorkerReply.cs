using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Isolation;

/// <summary>
/// What a parse worker writes on its standard output: the whole <see cref="PlanDocument"/> (source text,
/// spans, label kinds and table fields included, unlike <c>planledger/plan@1</c>) or the read error.
/// </summary>
public sealed class WorkerReply
{
    public const string Protocol = "planledger/parse-worker@1";

    public string Schema { get; set; } = Protocol;
    public PlanDocument? Document { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public string? ErrorEnglish { get; set; }

    public static WorkerReply Failed(DocumentReadException e) =>
        new() { ErrorCode = e.Code, ErrorMessage = e.Message, ErrorEnglish = e.EnglishMessage };

    public void Write(Stream stream) => JsonSerializer.Serialize(stream, this, WorkerJson.Relaxed.WorkerReply);

    /// <summary>The reply in <paramref name="json"/>, or null when it is not a complete reply.</summary>
    public static WorkerReply? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            var reply = JsonSerializer.Deserialize(json, WorkerJson.Relaxed.WorkerReply);
            return reply is { Schema: Protocol } && (reply.Document is not null || reply.ErrorCode is not null) ? reply : null;
        }
        catch (JsonException) { return null; }
    }
}

[JsonSourceGenerationOptions(
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 512)]
[JsonSerializable(typeof(WorkerReply))]
internal sealed partial class WorkerJson : JsonSerializerContext
{
    /// <summary>CJK as UTF-8, not \uXXXX: the reply is read only by the parent process, never embedded in HTML.</summary>
    public static WorkerJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 512,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
