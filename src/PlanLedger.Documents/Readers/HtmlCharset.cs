using System.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Finds the charset a page declares in its first 8 KB: <c>&lt;meta charset&gt;</c>, an http-equiv
/// <c>content="text/html; charset=…"</c>, or an XML declaration's <c>encoding="…"</c>.
/// </summary>
internal static class HtmlCharset
{
    public static string? Prescan(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.IndexOf("<"u8) < 0) return null;
        var text = Encoding.Latin1.GetString(head);
        if (text.StartsWith("<?xml", StringComparison.Ordinal) && text.IndexOf("?>", StringComparison.Ordinal) is > 0 and var declEnd)
        {
            var decl = text.AsSpan(0, declEnd);
            var at = decl.IndexOf("encoding", StringComparison.Ordinal);
            if (at >= 0 && Value(decl[(at + 8)..]) is { } xmlEncoding) return xmlEncoding;
        }
        var i = 0;
        while ((i = text.IndexOf("<meta", i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = text.IndexOf('>', i);
            if (end < 0) break;
            var tag = text.AsSpan(i, end - i);
            var cs = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (cs >= 0)
            {
                if (Value(tag[(cs + 7)..]) is { } charset) return charset;
            }
            i = end;
        }
        return null;
    }

    /// <summary>The value after <c>=</c> (quoted or not): letters, digits, '-', '_', ':' and '.'.</summary>
    private static string? Value(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        if (rest.StartsWith("=", StringComparison.Ordinal)) rest = rest[1..].TrimStart();
        rest = rest.TrimStart("\"'");
        var len = 0;
        while (len < rest.Length && (char.IsAsciiLetterOrDigit(rest[len]) || rest[len] is '-' or '_' or ':' or '.')) len++;
        return len > 0 ? rest[..len].ToString() : null;
    }
}
