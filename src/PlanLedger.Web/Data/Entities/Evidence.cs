namespace PlanLedger.Web.Data.Entities;

/// <summary>An evidence file attached to a report; the bytes live under the data folder, not in the database.</summary>
public sealed class Evidence
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public ProgressReport? Report { get; set; }
    private string _fileName = "";

    /// <summary>
    /// The file name as uploaded, without the characters that can disguise it: bidirectional overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF)
    /// and control characters — so "invoice\u202Efdp.exe" cannot show as "invoiceexe.pdf".
    /// </summary>
    public string FileName { get => _fileName; set => _fileName = CleanName(value); }

    public static string CleanName(string? name)
    {
        var s = new string((name ?? "").Where(c => !char.IsControl(c) && c is not (>= '\u200B' and <= '\u200F') and not (>= '\u202A' and <= '\u202E')
            and not (>= '\u2060' and <= '\u2069') and not '\uFEFF' and not '\u061C' and not '\u2028' and not '\u2029').ToArray()).Trim();
        return s.Length == 0 ? "file" : s;
    }
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Relative path under the files folder (random name, never the user's file name).</summary>
    public string StoredName { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
