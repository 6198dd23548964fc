using System.Text;
using System.Text.RegularExpressions;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Sniffs a file's content and hands it to the reader for its real format.
/// (Minimal first version: UTF-8 text with tags stripped. The readers work replaces it.)
/// </summary>
public static partial class DocumentReader
{
    public static SourceDocument Read(Stream stream, string fileName, ParseOptions options)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var bytes = ms.ToArray();
        if (bytes.Length == 0)
            throw new DocumentReadException("empty", "文件为空", "the file is empty");
        var text = Encoding.UTF8.GetString(bytes);
        text = Tag().Replace(text, "\n");
        var blocks = new List<SourceBlock>();
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var t = raw.Trim().Trim('\u00a0', '\u3000').Trim();
            if (t.Length > 0) blocks.Add(SourceBlock.Paragraph(t, line));
        }
        return new SourceDocument(fileName, "txt", blocks, "utf-8");
    }

    [GeneratedRegex("<[^>\n]*>")]
    private static partial Regex Tag();
}
