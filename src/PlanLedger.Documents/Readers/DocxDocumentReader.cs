using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanLedger.Documents.Text;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Reads a .docx: body paragraphs in order with Word's automatic numbering resolved into their labels
/// ("（一）加强党建工作。"), real tables as <see cref="SourceBlock.Table"/> (a cell's paragraphs joined with "\n",
/// vertically merged cells repeated, horizontally merged ones padded empty), one-column layout tables as
/// paragraphs. Headers, footers, footnotes, comments, text boxes, deleted text and field codes are left out.
/// The zip is checked for bombs before OpenXml opens it. <c>Line</c> is the 1-based index of the body element.
/// </summary>
internal static class DocxDocumentReader
{
    private const long BombEntryBytes = 10L * 1024 * 1024;
    private const long BombRatio = 200;

    public static List<SourceBlock> Read(byte[] bytes, ParseOptions options)
    {
        Inspect(bytes, options);
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = Math.Max(1, options.MaxUncompressedBytes) });
            var main = doc.MainDocumentPart ?? throw ReadErrors.CorruptDocx();
            var numbering = DocxNumbering.Load(LoadXml(main.NumberingDefinitionsPart), LoadXml(main.StyleDefinitionsPart));
            var body = main.Document?.Body ?? throw ReadErrors.CorruptDocx();
            return new BodyReader(numbering).Read(body);
        }
        catch (DocumentReadException) { throw; }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // Whatever a damaged package makes OpenXml throw (OpenXmlPackageException, XmlException, InvalidDataException …).
            throw ReadErrors.CorruptDocx(e);
        }
    }

    private static XDocument? LoadXml(OpenXmlPart? part)
    {
        if (part is null) return null;
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return XDocument.Load(stream);
    }

    /// <summary>Refuses zip bombs, corrupt archives and zips that are not Word documents, before OpenXml sees them.</summary>
    private static void Inspect(byte[] bytes, ParseOptions options)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read); }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException) { throw ReadErrors.CorruptDocx(e); }

        using (zip)
        {
            long total = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                names.Add(entry.FullName);
                total += entry.Length;
                if (total > options.MaxUncompressedBytes || entry.Length < 0) throw ReadErrors.ZipBomb();
                if (entry.Length > BombEntryBytes && entry.Length > Math.Max(1, entry.CompressedLength) * BombRatio) throw ReadErrors.ZipBomb();
            }

            if (names.Contains("word/document.xml") || names.Contains("word/document2.xml")) { CheckReallyInflates(zip, options); return; }
            if (names.Contains("xl/workbook.xml"))
                throw ReadErrors.Unsupported("这是 Excel 表格（.xlsx），不是 Word 文档；请把工作要点另存为 .docx 后再导入",
                    "this is an Excel workbook (.xlsx), not a Word document; save the plan as .docx and import again");
            if (names.Contains("ppt/presentation.xml"))
                throw ReadErrors.Unsupported("这是 PowerPoint 演示文稿（.pptx），无法导入", "this is a PowerPoint presentation (.pptx); it cannot be imported");
            if (names.Contains("content.xml") && names.Contains("mimetype"))
                throw ReadErrors.Unsupported("这是 OpenDocument 文档（.odt 等），请另存为 .docx 后再导入",
                    "this is an OpenDocument file (.odt …); save it as .docx and import again");
            if (names.Contains("[Content_Types].xml"))
            {
                CheckReallyInflates(zip, options);
                return; // maybe a document whose main part has another name: let OpenXml decide
            }
            throw ReadErrors.Unsupported("这是 zip 压缩包，不是 Word 文档；请解压后导入其中的 .docx",
                "this is a zip archive, not a Word document; extract it and import the .docx inside");
        }
    }

    /// <summary>Inflates the XML parts with a budget, in case the sizes the archive declares are lies.</summary>
    private static void CheckReallyInflates(ZipArchive zip, ParseOptions options)
    {
        var budget = options.MaxUncompressedBytes;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) continue;
            try
            {
                using var s = entry.Open();
                long read = 0;
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    read += n;
                    budget -= n;
                    if (budget < 0 || read > entry.Length) throw ReadErrors.ZipBomb();
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException) { throw ReadErrors.CorruptDocx(e); }
        }
    }

    /// <summary>Walks the body in order, without recursion.</summary>
    private sealed class BodyReader(DocxNumbering numbering)
    {
        private readonly List<SourceBlock> _blocks = [];
        private int _index;

        public List<SourceBlock> Read(Body body)
        {
            var stack = new Stack<OpenXmlElement>();
            PushChildren(stack, body);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                switch (e)
                {
                    case Paragraph p:
                        _index++;
                        if (ParagraphText(p) is { Length: > 0 } text) _blocks.Add(SourceBlock.Paragraph(text, _index));
                        break;
                    case Table t:
                        _index++;
                        AddTable(t);
                        break;
                    case SdtBlock or CustomXmlBlock or SdtContentBlock:
                        PushChildren(stack, e);
                        break;
                }
            }
            return _blocks;
        }

        private static void PushChildren(Stack<OpenXmlElement> stack, OpenXmlElement parent)
        {
            // ChildElements is a linked list: index access is O(n), so copy once (O(n) in all).
            var children = new List<OpenXmlElement>(parent.ChildElements);
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }

        private void AddTable(Table table)
        {
            var rows = new List<List<string>>();
            var above = new Dictionary<int, string>();
            foreach (var row in table.Descendants<TableRow>())
            {
                if (!ReferenceEquals(row.Ancestors<Table>().FirstOrDefault(), table)) continue;
                var cells = new List<string>();
                var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (var i = 0; i < before && i < 64; i++) cells.Add("");
                foreach (var cell in row.Elements<TableCell>().Concat(row.Elements<SdtCell>().SelectMany(s => s.Descendants<TableCell>())))
                {
                    var props = cell.TableCellProperties;
                    var span = Math.Clamp(props?.GridSpan?.Val?.Value ?? 1, 1, 64);
                    var merge = props?.VerticalMerge;
                    var continues = merge is not null && (merge.Val is null || merge.Val.InnerText == "continue");
                    var col = cells.Count;
                    var text = continues ? above.GetValueOrDefault(col, "") : CellText(cell);
                    cells.Add(text);
                    above[col] = text;
                    for (var k = 1; k < span; k++) { above[cells.Count] = ""; cells.Add(""); }
                }
                if (cells.Exists(c => c.Length > 0)) rows.Add(cells);
            }

            if (rows.Count == 0) return;
            var width = rows.Max(r => r.Count);
            if (width <= 1)
            {
                // A one-column table is a frame around text, not data.
                foreach (var r in rows)
                    foreach (var line in r[0].Split('\n'))
                        _blocks.Add(SourceBlock.Paragraph(line, _index));
                return;
            }

            foreach (var r in rows) while (r.Count < width) r.Add("");
            _blocks.Add(SourceBlock.Table(rows.ConvertAll(r => (IReadOnlyList<string>)r), _index));
        }

        /// <summary>A cell's paragraphs (nested tables' too) joined with "\n", numbering resolved.</summary>
        private string CellText(TableCell cell)
        {
            var parts = new List<string>();
            foreach (var p in cell.Descendants<Paragraph>())
            {
                if (p.Ancestors<TextBoxContent>().Any()) continue;
                if (ParagraphText(p) is { Length: > 0 } text) parts.Add(text);
            }
            return string.Join("\n", parts);
        }

        private string ParagraphText(Paragraph p)
        {
            var pPr = p.ParagraphProperties;
            var numPr = pPr?.NumberingProperties;
            var label = numbering.Next(numPr?.NumberingId?.Val?.Value, numPr?.NumberingLevelReference?.Val?.Value, pPr?.ParagraphStyleId?.Val?.Value);
            var text = RunText(p);
            if (text.Length == 0) return "";
            return label is null ? text : label + text;
        }

        private static string RunText(Paragraph p)
        {
            var sb = new StringBuilder();
            var stack = new Stack<OpenXmlElement>();
            PushChildren(stack, p);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                switch (e)
                {
                    case WText t: sb.Append(t.Text); break;
                    case TabChar or PositionalTab: sb.Append(' '); break;
                    case Break or CarriageReturn: sb.Append('\n'); break;
                    case NoBreakHyphen: sb.Append('-'); break;
                    case ParagraphProperties or RunProperties or DeletedRun or MoveFromRun or FieldCode or DeletedText
                        or DeletedFieldCode or Drawing or Picture or TextBoxContent or EmbeddedObject or FootnoteReference
                        or EndnoteReference or CommentReference or SymbolChar or SoftHyphen:
                        break;
                    case Run r when r.RunProperties?.Vanish is { } v && (v.Val is null || v.Val.Value):
                        break;
                    default:
                        if (e.LocalName == "AlternateContent") break;
                        PushChildren(stack, e);
                        break;
                }
            }

            return JoinBreaks(TextNormalizer.Normalize(sb.ToString())).Trim();
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
}
