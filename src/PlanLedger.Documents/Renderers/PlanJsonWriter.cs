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
            w.WriteString("label", it.Label);
            w.WriteNumber("level", it.Level);
            w.WriteString("heading", it.Heading);
            w.WriteString("text", it.Text);
            w.WritePropertyName("targets");
            w.WriteStartArray();
            foreach (var t in it.Targets)
            {
                w.WriteStartObject();
                w.WriteString("text", t.Text);
                w.WriteNumber("value", t.Value);
                w.WriteString("unit", t.Unit);
                w.WriteString("op", t.Op);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteStrings(w, "lead", it.Lead);
            WriteStrings(w, "support", it.Support);
            WriteNullable(w, "deadline", it.Deadline);
            if (it.Fields is { Count: > 0 })
            {
                w.WritePropertyName("fields");
                w.WriteStartObject();
                foreach (var (k, v) in it.Fields) w.WriteString(k, v);
                w.WriteEndObject();
            }
            if (positions)
            {
                w.WritePropertyName("position");
                w.WriteStartObject();
                w.WriteNumber("line", it.Span.Line);
                w.WriteNumber("offset", it.Span.Offset);
                w.WriteNumber("length", it.Span.Length);
                w.WriteEndObject();
            }
            w.WritePropertyName("children");
            WriteItems(w, it.Children, positions);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, List<string> values)
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
