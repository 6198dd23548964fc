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
            return new Failure(415, $"不支持的附件类型 {ext}（允许 {Accept}）");
        if (f.Length > options.Value.MaxEvidenceBytes)
            return new Failure(413, $"附件过大（上限 {options.Value.MaxEvidenceBytes / 1048576} MB）");
        if (f.Length == 0) return Failure.BadRequest("附件为空");
        Span<byte> head = stackalloc byte[8];
        using var s = f.Open();
        var n = s.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        if (!ContentMatches(ext.ToLowerInvariant(), head[..n]))
            return new Failure(415, "附件内容与扩展名不符");
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

    /// <summary>Suffix of a file still being written (never served; removed by the cleanup job if a crash left it).</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>
    /// Writes the file under a temporary name, flushes it to disk (fsync), then renames it to its stored name, which
    /// is returned; the caller commits the row after that. A crash leaves a temporary file or a file without a row,
    /// both removed by <see cref="EvidenceCleanup"/>. A full disk is <see cref="EvidenceStorageException"/> 507, an
    /// unwritable folder 503 — never a partial file under a stored name.
    /// </summary>
    public async Task<string> SaveAsync(EvidenceUpload f, CancellationToken ct)
    {
        var name = Guid.NewGuid().ToString("N");
        var final = PathOf(name);
        var temp = final + TempSuffix;
        try
        {
            Directory.CreateDirectory(options.Value.FilesDirectory);
            await using (var dst = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await using var src = f.Open();
                await src.CopyToAsync(dst, ct);
                await dst.FlushAsync(ct);
                dst.Flush(flushToDisk: true);
            }
            File.Move(temp, final);
            return name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw EvidenceStorageException.From(e);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    public string PathOf(string storedName) => Path.Combine(options.Value.FilesDirectory, Path.GetFileName(storedName));

    public void Delete(string storedName)
    {
        try { File.Delete(PathOf(storedName)); } catch (IOException) { }
    }
}

/// <summary>The evidence folder could not take a file: full (507) or not writable (503). Nothing was stored.</summary>
public sealed class EvidenceStorageException(int status, string message, Exception inner) : Exception(message, inner)
{
    public int Status { get; } = status;

    public static EvidenceStorageException From(Exception e) => Full(e)
        ? new(507, "存储空间不足，附件未保存，请联系管理员", e)
        : new(503, "附件存储暂不可用，附件未保存，请联系管理员", e);

    /// <summary>ENOSPC/EDQUOT on Unix, ERROR_DISK_FULL/ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static bool Full(Exception e) => e is IOException &&
        (e.HResult is 28 or 122 || (e.HResult & 0xFFFF) is 112 or 39 || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
         || e.Message.Contains("quota", StringComparison.OrdinalIgnoreCase));
}
