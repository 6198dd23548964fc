using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Reads a .docx: body paragraphs in order with Word's automatic numbering resolved into their labels
/// ("（一）加强党建工作。"), real tables as <see cref="SourceBlock.Table"/> (a cell's paragraphs joined with "\n",
/// vertically merged cells repeated, horizontally merged ones padded empty), one-column layout tables as
/// paragraphs; text boxes (w:txbxContent in a drawing, a VML picture or mc:AlternateContent — one branch only)
/// as blocks of their own beside the paragraph that anchors them. Headers, footers, footnotes, comments, deleted
/// text and field codes are left out.
/// <c>Line</c> is the 1-based index of the body element.
/// <para>
/// The zip is checked for bombs from its directory first; the parts actually read (the package and main-part
/// relationships, numbering.xml, styles.xml and the main document part) are then inflated through a counting
/// stream with one budget for them all (ZipArchive also stops an entry at its declared size), so a size an entry
/// lies about is caught while it is read, not by inflating everything twice. The body is streamed with an
/// <see cref="XmlReader"/> — no DOM — and walked without recursion: beyond the blocks it returns, neither memory
/// nor the stack grows with the document's size or nesting. Header and footer parts are never opened.
/// </para>
/// </summary>
internal static partial class DocxDocumentReader
{
    private const long BombEntryBytes = 10L * 1024 * 1024;
    private const long BombRatio = 200;
    private const string DefaultMainPart = "word/document.xml";

    private static readonly XmlReaderSettings BodySettings = new()
    {
        IgnoreWhitespace = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    };

    private static readonly XmlReaderSettings PartSettings = new()
    {
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    };

    public static List<SourceBlock> Read(byte[] bytes, ParseOptions options)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read); }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException) { throw ReadErrors.CorruptDocx(e); }

        using (zip)
        {
            var parts = Inspect(zip, options);
            try
            {
                var package = new Package(parts, new InflateBudget(options.MaxUncompressedBytes));
                var mainName = package.Related("", "/officeDocument") ?? DefaultMainPart;
                if (!parts.ContainsKey(mainName)) throw ReadErrors.CorruptDocx();
                var numbering = DocxNumbering.Load(package.LoadXml(package.Related(mainName, "/numbering")),
                    package.LoadXml(package.Related(mainName, "/styles")));
                using var stream = package.Open(mainName);
                using var xml = XmlReader.Create(stream, BodySettings);
                return new BodyReader(xml, numbering).Read();
            }
            catch (DocumentReadException) { throw; }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
            {
                // Whatever a damaged package throws (XmlException, InvalidDataException, IOException …).
                throw ReadErrors.CorruptDocx(e);
            }
        }
    }

    /// <summary>
    /// Refuses zip bombs (by the sizes the directory declares) and zips that are not Word documents.
    /// Returns the entries by part name (case-insensitive, as OPC part names are).
    /// </summary>
    private static Dictionary<string, ZipArchiveEntry> Inspect(ZipArchive zip, ParseOptions options)
    {
        long total = 0;
        var names = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var entry in zip.Entries)
            {
                names.TryAdd(entry.FullName.TrimStart('/'), entry);
                total += entry.Length;
                if (total > options.MaxUncompressedBytes || entry.Length < 0) throw ReadErrors.ZipBomb();
                if (entry.Length > BombEntryBytes && entry.Length > Math.Max(1, entry.CompressedLength) * BombRatio) throw ReadErrors.ZipBomb();
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException) { throw ReadErrors.CorruptDocx(e); }

        if (names.ContainsKey("word/document.xml") || names.ContainsKey("word/document2.xml")) return names;
        if (names.ContainsKey("xl/workbook.xml"))
            throw ReadErrors.Unsupported("这是 Excel 表格（.xlsx），不是 Word 文档；请把工作要点另存为 .docx 后再导入",
                "this is an Excel workbook (.xlsx), not a Word document; save the plan as .docx and import again");
        if (names.ContainsKey("ppt/presentation.xml"))
            throw ReadErrors.Unsupported("这是 PowerPoint 演示文稿（.pptx），无法导入", "this is a PowerPoint presentation (.pptx); it cannot be imported");
        if (names.ContainsKey("content.xml") && names.ContainsKey("mimetype"))
            throw ReadErrors.Unsupported("这是 OpenDocument 文档（.odt 等），请另存为 .docx 后再导入",
                "this is an OpenDocument file (.odt …); save it as .docx and import again");
        if (names.ContainsKey("[Content_Types].xml")) return names; // maybe a document whose main part has another name
        throw ReadErrors.Unsupported("这是 zip 压缩包，不是 Word 文档；请解压后导入其中的 .docx",
            "this is a zip archive, not a Word document; extract it and import the .docx inside");
    }

    /// <summary>A line break inside a paragraph: nothing between Chinese characters, a space otherwise.</summary>
    private static string JoinBreaks(string s)
    {
        if (!s.Contains('\n')) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\n') { sb.Append(s[i]); continue; }
            var prev = sb.Length > 0 ? sb[^1] : ' ';
            var next = i + 1 < s.Length ? s[i + 1] : ' ';
            if (!(TextNormalizer.IsWide(prev) && TextNormalizer.IsWide(next)) && prev != ' ' && next != ' ') sb.Append(' ');
        }
        return sb.ToString();
    }
}
