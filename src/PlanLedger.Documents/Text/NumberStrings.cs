namespace PlanLedger.Documents.Text;

/// <summary>
/// The strings of the numbers 0–999 as labels write them ("1", "24", "300"), made once: a label's digits are read at
/// nearly every line of a long document and most of those reads are thrown away (docs/decisions/0009-few-words-and-fewer-copies.md).
/// A number written with a leading zero ("01") is not one of them and is copied as before.
/// </summary>
internal static class NumberStrings
{
    private static readonly string[] Small = BuildSmall();

    private static string[] BuildSmall()
    {
        var a = new string[1000];
        for (var i = 0; i < a.Length; i++) a[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return a;
    }

    /// <summary><paramref name="s"/>[..<paramref name="length"/>], which holds 1–3 ASCII digits: the shared string when it has no leading zero.</summary>
    public static string Prefix(string s, int length)
    {
        if (length is < 1 or > 3 || s[0] == '0' && length > 1) return s[..length];
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return s[..length];
            n = n * 10 + d;
        }
        return Small[n];
    }
}
