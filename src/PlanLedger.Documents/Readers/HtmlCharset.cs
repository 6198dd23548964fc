using System.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>Finds the charset a page declares (&lt;meta charset&gt; or http-equiv content) in its first bytes.</summary>
internal static class HtmlCharset
{
    public static string? Prescan(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.IndexOf("<"u8) < 0) return null;
        var text = Encoding.Latin1.GetString(head);
        var i = 0;
        while ((i = text.IndexOf("<meta", i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = text.IndexOf('>', i);
            if (end < 0) break;
            var tag = text.AsSpan(i, end - i);
            var cs = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (cs >= 0)
            {
                var rest = tag[(cs + 7)..].TrimStart();
                if (rest.StartsWith("=")) rest = rest[1..].TrimStart();
                rest = rest.TrimStart("\"'");
                var len = 0;
                while (len < rest.Length && (char.IsAsciiLetterOrDigit(rest[len]) || rest[len] is '-' or '_')) len++;
                if (len > 0) return rest[..len].ToString();
            }
            i = end;
        }
        return null;
    }
}
