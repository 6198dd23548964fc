using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Renderers;

/// <summary>Writes a <see cref="PlanDocument"/> as <c>planledger/plan@1</c> JSON (../shared/spec/plan-json.md).</summary>
public static class PlanJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // CJK readable; characters meaningful in HTML (< > & ' ") stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    // Property names encoded once, not on every item.
    private static readonly JsonEncodedText Label = Name("label"), Level = Name("level"), Heading = Name("heading"), Text = Name("text"),
        Targets = Name("targets"), Value = Name("value"), Unit = Name("unit"), Op = Name("op"), Lead = Name("lead"), Support = Name("support"),
        Deadline = Name("deadline"), Fields = Name("fields"), Position = Name("position"), Line = Name("line"), Offset = Name("offset"),
        Length = Name("length"), Children = Name("children");

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Options.Encoder);

    /// <summary>The writer hands its buffer to the stream once it holds this much, so a large document is streamed, not held.</summary>
    private const int FlushBytes = 1 << 16;

    public static string ToJson(PlanDocument doc, bool includePositions = false)
    {
        using var ms = new MemoryStream();
        Write(ms, doc, includePositions);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void Write(Stream stream, PlanDocument doc, bool includePositions = false)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteString("schema", PlanDocument.Schema);
        w.WriteString("source", doc.Source);
        WriteNullable(w, "title", doc.Title);
        WriteNullable(w, "issuer", doc.Issuer);
        if (doc.Year is { } y) w.WriteNumber("year", y); else w.WriteNull("year");
        WriteNullable(w, "date", doc.Date);
        WriteNullable(w, "docNumber", doc.DocNumber);
        w.WriteString("format", doc.Format);
        w.WritePropertyName("items");
        WriteItems(w, doc.Items, includePositions);
        if (doc.Diagnostics.Count > 0)
        {
            w.WritePropertyName("diagnostics");
            w.WriteStartArray();
            foreach (var d in doc.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                w.WriteString("code", d.Code);
                w.WriteString("message", d.Message);
                if (d.Line > 0) w.WriteNumber("line", d.Line);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter w, List<PlanItem> items, bool positions)
    {
        w.WriteStartArray();
        foreach (var it in items)
        {
            w.WriteStartObject();
            w.WriteString(Label, it.Label);
            w.WriteNumber(Level, it.Level);
            w.WriteString(Heading, it.Heading);
            w.WriteString(Text, it.Text);
            w.WritePropertyName(Targets);
            w.WriteStartArray();
            foreach (var t in it.Targets)
            {
                w.WriteStartObject();
                w.WriteString(Text, t.Text);
                w.WriteNumber(Value, t.Value);
                w.WriteString(Unit, t.Unit);
                w.WriteString(Op, t.Op);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteStrings(w, Lead, it.Lead);
            WriteStrings(w, Support, it.Support);
            if (it.Deadline is null) w.WriteNull(Deadline); else w.WriteString(Deadline, it.Deadline);
            if (it.Fields is { Count: > 0 })
            {
                w.WritePropertyName(Fields);
                w.WriteStartObject();
                foreach (var (k, v) in it.Fields) w.WriteString(k, v);
                w.WriteEndObject();
            }
            if (positions)
            {
                w.WritePropertyName(Position);
                w.WriteStartObject();
                w.WriteNumber(Line, it.Span.Line);
                w.WriteNumber(Offset, it.Span.Offset);
                w.WriteNumber(Length, it.Span.Length);
                w.WriteEndObject();
            }
            w.WritePropertyName(Children);
            WriteItems(w, it.Children, positions);
            w.WriteEndObject();
            if (w.BytesPending >= FlushBytes) w.Flush();
        }
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, JsonEncodedText name, List<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
