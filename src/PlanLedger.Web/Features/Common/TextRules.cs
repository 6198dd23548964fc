using System.Text;

namespace PlanLedger.Web.Features.Common;

/// <summary>
/// The rules every text obeys: no NUL and no unpaired surrogate may come in (400 at the edge — PostgreSQL cannot
/// store the first, no encoder can write the second); texts the application builds are cut to fit their column
/// (never inside a surrogate pair); exports drop the characters XML and spreadsheets cannot hold.
/// </summary>
public static class TextRules
{
    /// <summary>Why <paramref name="s"/> cannot be accepted, or null when it can.</summary>
    public static string? Invalid(string? s)
    {
        if (string.IsNullOrEmpty(s)) return null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\0') return "不能包含空字符";
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
                return "包含无效的 Unicode 字符";
            }
            if (char.IsLowSurrogate(c)) return "包含无效的 Unicode 字符";
        }
        return null;
    }

    /// <summary>The text cut to at most <paramref name="max"/> UTF-16 units, ending in "…" when cut, never splitting a pair.</summary>
    public static string Fit(string s, int max)
    {
        if (s.Length <= max) return s;
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(s[cut - 1])) cut--;
        return string.Concat(s.AsSpan(0, Math.Max(0, cut)), "…");
    }

    /// <summary>Whether a character can go into an .xlsx cell or a CSV file (XML 1.0 characters, no other controls).</summary>
    private static bool Exportable(string s, int i, out int width)
    {
        width = 1;
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { width = 2; return true; }
        if (char.IsSurrogate(c)) return false;
        if (c is '\t' or '\n' or '\r') return true;
        if (c < 0x20 || c is >= '\u007f' and <= '\u009f') return false;
        return c is not ('\uFFFE' or '\uFFFF');
    }

    /// <summary>The text without control characters, U+FFFE/U+FFFF and unpaired surrogates (for .xlsx and CSV exports).</summary>
    public static string ForExport(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var clean = true;
        for (var i = 0; i < s.Length; i += 1)
        {
            if (!Exportable(s, i, out var w)) { clean = false; break; }
            i += w - 1;
        }
        if (clean) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length;)
        {
            var ok = Exportable(s, i, out var w);
            if (ok) sb.Append(s, i, w);
            i += w;
        }
        return sb.ToString();
    }
}
