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

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, WorkerJson.Relaxed.WorkerReply);

    /// <summary>The reply in <paramref name="json"/>, or null when it is not a complete reply.</summary>
    public static WorkerReply? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            var reply = JsonSerializer.Deserialize(json, WorkerJson.Relaxed.WorkerReply);
            return reply is { Schema: Protocol } && (reply.Document is not null || reply.ErrorCode is not null) ? reply : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException) { return null; }
    }
}

/// <summary>One document for the worker: its name and the options of the parse.</summary>
public sealed class WorkerRequest
{
    public string Name { get; set; } = "input";
    public int? Year { get; set; }
    public long MaxInputBytes { get; set; } = ParseOptions.Default.MaxInputBytes;
    public long MaxUncompressedBytes { get; set; } = ParseOptions.Default.MaxUncompressedBytes;

    [JsonIgnore]
    public ParseOptions Options => ParseOptions.Default with
    {
        Year = Year, MaxInputBytes = MaxInputBytes, MaxUncompressedBytes = MaxUncompressedBytes,
    };

    public static WorkerRequest From(string fileName, ParseOptions o) => new()
    {
        Name = string.IsNullOrEmpty(fileName) ? "input" : fileName,
        Year = o.Year, MaxInputBytes = o.MaxInputBytes, MaxUncompressedBytes = o.MaxUncompressedBytes,
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, WorkerJson.Relaxed.WorkerRequest);

    public static WorkerRequest? Read(ReadOnlySpan<byte> json)
    {
        try { return JsonSerializer.Deserialize(json, WorkerJson.Relaxed.WorkerRequest); }
        catch (JsonException) { return null; }
    }
}

[JsonSourceGenerationOptions(
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 512,
    Converters = [typeof(SourceSpanConverter)])]
[JsonSerializable(typeof(WorkerReply))]
[JsonSerializable(typeof(WorkerRequest))]
internal sealed partial class WorkerJson : JsonSerializerContext
{
    /// <summary>CJK as UTF-8, not \uXXXX: the reply is read only by the parent process, never embedded in HTML.</summary>
    public static WorkerJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 512,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new SourceSpanConverter() },
    });
}

/// <summary>A span as <c>[line, offset, length]</c> (a record struct with init-only properties cannot be populated).</summary>
internal sealed class SourceSpanConverter : JsonConverter<SourceSpan>
{
    public override SourceSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("span: array expected");
        Span<int> v = stackalloc int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.Number) throw new JsonException("span: number expected");
            v[i] = reader.GetInt32();
        }
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray) throw new JsonException("span: end of array expected");
        return new SourceSpan(v[0], v[1], v[2]);
    }

    public override void Write(Utf8JsonWriter writer, SourceSpan value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Line);
        writer.WriteNumberValue(value.Offset);
        writer.WriteNumberValue(value.Length);
        writer.WriteEndArray();
    }
}
