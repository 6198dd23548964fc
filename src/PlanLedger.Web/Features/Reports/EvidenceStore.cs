using Microsoft.Extensions.Options;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Reports;

public sealed record EvidenceUpload(string FileName, string ContentType, long Length, Func<Stream> Open);

/// <summary>Evidence files: type-checked by extension and content, size-limited, stored under ./data/files with random names.</summary>
public sealed class EvidenceStore(IOptions<LedgerOptions> options)
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".txt"] = "text/plain", [".zip"] = "application/zip",
    };

    public static string Accept => string.Join(",", Types.Keys);

    public Failure? Check(EvidenceUpload f)
    {
        var ext = Path.GetExtension(f.FileName);
        if (!Types.ContainsKey(ext))
            return new Failure(415, $"不支持的附件类型 {ext}（允许 {Accept}） Unsupported evidence file type");
        if (f.Length > options.Value.MaxEvidenceBytes)
            return new Failure(413, $"附件过大（上限 {options.Value.MaxEvidenceBytes / 1048576} MB） Evidence file too large");
        if (f.Length == 0) return Failure.BadRequest("附件为空 Empty evidence file");
        Span<byte> head = stackalloc byte[8];
        using var s = f.Open();
        var n = s.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        if (!ContentMatches(ext.ToLowerInvariant(), head[..n]))
            return new Failure(415, "附件内容与扩展名不符 The file's content does not match its type");
        return null;
    }

    private static bool ContentMatches(string ext, ReadOnlySpan<byte> h) => ext switch
    {
        ".pdf" => h.StartsWith("%PDF"u8),
        ".png" => h.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
        ".jpg" or ".jpeg" => h.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        ".docx" or ".xlsx" or ".zip" => h.StartsWith("PK"u8),
        ".txt" => !h.Contains((byte)0),
        _ => false,
    };

    public static string ContentType(string fileName) =>
        Types.TryGetValue(Path.GetExtension(fileName), out var t) ? t : "application/octet-stream";

    /// <summary>Writes the file and returns its stored name.</summary>
    public async Task<string> SaveAsync(EvidenceUpload f, CancellationToken ct)
    {
        var name = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(options.Value.FilesDirectory);
        await using var src = f.Open();
        await using var dst = File.Create(PathOf(name));
        await src.CopyToAsync(dst, ct);
        return name;
    }

    public string PathOf(string storedName) => Path.Combine(options.Value.FilesDirectory, Path.GetFileName(storedName));

    public void Delete(string storedName)
    {
        try { File.Delete(PathOf(storedName)); } catch (IOException) { }
    }
}
