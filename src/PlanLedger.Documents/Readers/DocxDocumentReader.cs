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
/// paragraphs. Headers, footers, footnotes, comments, text boxes, deleted text and field codes are left out.
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
internal static class DocxDocumentReader
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

    /// <summary>What is left of the inflation allowance, shared by all the parts read.</summary>
    private sealed class InflateBudget(long bytes)
    {
        public long Remaining = bytes;
    }

    /// <summary>
    /// An entry's inflating stream that counts what it hands out: more than the entry declared, or more than the
    /// budget left, is a zip bomb.
    /// </summary>
    private sealed class InflateLimitStream(Stream inner, long declared, InflateBudget budget) : Stream
    {
        private long _read;

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            budget.Remaining -= n;
            if (budget.Remaining < 0 || _read > declared) throw ReadErrors.ZipBomb();
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>The bits of OPC needed here: parts by name, found through their relationships, read on a budget.</summary>
    private sealed class Package(Dictionary<string, ZipArchiveEntry> parts, InflateBudget budget)
    {
        public Stream Open(string name)
        {
            var entry = parts[name];
            return new InflateLimitStream(entry.Open(), entry.Length, budget);
        }

        public XDocument? LoadXml(string? name)
        {
            if (name is null || !parts.ContainsKey(name)) return null;
            using var stream = Open(name);
            using var reader = XmlReader.Create(stream, PartSettings);
            return XDocument.Load(reader);
        }

        /// <summary>
        /// The part the first internal relationship of <paramref name="source"/> ("" for the package) whose type ends
        /// with <paramref name="typeSuffix"/> points at (transitional and strict relationship types alike), or null.
        /// </summary>
        public string? Related(string source, string typeSuffix)
        {
            var slash = source.LastIndexOf('/');
            var dir = slash < 0 ? "" : source[..(slash + 1)];
            var rels = $"{dir}_rels/{source[(slash + 1)..]}.rels";
            if (LoadXml(rels)?.Root is not { } root) return null;
            foreach (var rel in root.Elements())
            {
                if (rel.Name.LocalName != "Relationship") continue;
                if ((string?)rel.Attribute("TargetMode") is { } mode && mode.Equals("External", StringComparison.OrdinalIgnoreCase)) continue;
                if ((string?)rel.Attribute("Type") is not { } type || !type.EndsWith(typeSuffix, StringComparison.Ordinal)) continue;
                if ((string?)rel.Attribute("Target") is not { Length: > 0 } target) continue;
                return Resolve(dir, target);
            }
            return null;
        }

        private static string Resolve(string dir, string target)
        {
            target = Uri.UnescapeDataString(target.Replace('\\', '/'));
            var path = target.StartsWith('/') ? target : dir + target;
            var segments = new List<string>();
            foreach (var s in path.Split('/'))
            {
                if (s is "" or ".") continue;
                if (s == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); continue; }
                segments.Add(s);
            }
            return string.Join('/', segments);
        }
    }

    /// <summary>
    /// Streams word/document.xml: the body's paragraphs and tables in order (through w:sdt and w:customXml
    /// wrappers), each element handled by a flat loop over its descendants, so nesting costs no stack.
    /// </summary>
    private sealed class BodyReader
    {
        private enum Tag
        {
            Other, Skip, AlternateContent,
            Document, Body, P, Tbl, Tr, Tc, Sdt, SdtContent, CustomXml,
            PPr, RPr, TrPr, TcPr, R, T, Tab, Break, NoBreakHyphen, TxbxContent, Properties,
            PStyle, NumPr, Ilvl, NumId, Vanish, GridBefore, GridSpan, VMerge,
        }

        private readonly XmlReader _x;
        private readonly DocxNumbering _numbering;
        private readonly List<SourceBlock> _blocks = [];
        private readonly StringBuilder _text = new();
        private readonly char[] _chunk = new char[2048];
        private readonly List<(int Depth, int Start, bool Hidden, bool SawProperties)> _runs = [];
        private readonly string _w, _wStrict, _val, _alternateContent;
        private int _index;

        public BodyReader(XmlReader x, DocxNumbering numbering)
        {
            _x = x;
            _numbering = numbering;
            _w = x.NameTable.Add("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
            _wStrict = x.NameTable.Add("http://purl.oclc.org/ooxml/wordprocessingml/main");
            _val = x.NameTable.Add("val");
            _alternateContent = x.NameTable.Add("AlternateContent");
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Tag Current()
        {
            var ns = _x.NamespaceURI;
            if (!ReferenceEquals(ns, _w) && !ReferenceEquals(ns, _wStrict))
                return ReferenceEquals(_x.LocalName, _alternateContent) ? Tag.AlternateContent : Tag.Other;
            return _x.LocalName switch
            {
                "p" => Tag.P,
                "r" => Tag.R,
                "t" => Tag.T,
                "rPr" => Tag.RPr,
                "pPr" => Tag.PPr,
                "tab" or "ptab" => Tag.Tab,
                "br" or "cr" => Tag.Break,
                "noBreakHyphen" => Tag.NoBreakHyphen,
                "del" or "moveFrom" or "instrText" or "delText" or "delInstrText" or "drawing" or "pict" or "object"
                    or "footnoteReference" or "endnoteReference" or "commentReference" or "sym" or "softHyphen" => Tag.Skip,
                "txbxContent" => Tag.TxbxContent,
                "tbl" => Tag.Tbl,
                "tr" => Tag.Tr,
                "tc" => Tag.Tc,
                "trPr" => Tag.TrPr,
                "tcPr" => Tag.TcPr,
                "tblPr" or "tblGrid" or "tblPrEx" or "sdtPr" or "sdtEndPr" or "customXmlPr" or "sectPr" => Tag.Properties,
                "sdt" => Tag.Sdt,
                "sdtContent" => Tag.SdtContent,
                "customXml" => Tag.CustomXml,
                "pStyle" => Tag.PStyle,
                "numPr" => Tag.NumPr,
                "ilvl" => Tag.Ilvl,
                "numId" => Tag.NumId,
                "vanish" => Tag.Vanish,
                "gridBefore" => Tag.GridBefore,
                "gridSpan" => Tag.GridSpan,
                "vMerge" => Tag.VMerge,
                "document" => Tag.Document,
                "body" => Tag.Body,
                _ => Tag.Other,
            };
        }

        /// <summary>The current element's depth; false (and the reader moved past it) when the element is empty.</summary>
        private bool Enter(out int depth)
        {
            depth = _x.Depth;
            if (!_x.IsEmptyElement) return true;
            _x.Read();
            return false;
        }

        /// <summary>Skips what is left of the element that started at <paramref name="depth"/> (reader inside it).</summary>
        private void SkipRest(int depth)
        {
            while (true)
            {
                if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); return; }
                if (_x.NodeType == XmlNodeType.Element) _x.Skip();
                else if (!_x.Read()) throw new XmlException("unexpected end of document");
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public List<SourceBlock> Read()
        {
            _x.MoveToContent();
            if (_x.NodeType != XmlNodeType.Element || Current() != Tag.Document) throw ReadErrors.CorruptDocx();
            var sawBody = false;
            if (Enter(out var depth))
            {
                _x.Read();
                while (true)
                {
                    if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); break; }
                    if (_x.NodeType != XmlNodeType.Element)
                    {
                        if (!_x.Read()) throw new XmlException("unexpected end of document");
                        continue;
                    }
                    if (!sawBody && _x.Depth == depth + 1 && Current() == Tag.Body)
                    {
                        sawBody = true;
                        ReadBlocks();
                    }
                    else _x.Skip();
                }
            }
            if (!sawBody) throw ReadErrors.CorruptDocx();
            while (_x.Read()) { } // the rest must be well-formed too
            return _blocks;
        }

        /// <summary>The body: paragraphs and tables, through sdt/customXml wrappers (which take no line of their own).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadBlocks()
        {
            if (!Enter(out var depth)) return;
            _x.Read();
            while (true)
            {
                if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); return; }
                if (_x.NodeType != XmlNodeType.Element)
                {
                    if (!_x.Read()) throw new XmlException("unexpected end of document");
                    continue;
                }
                switch (Current())
                {
                    case Tag.P:
                        _index++;
                        if (ReadParagraph() is { Length: > 0 } text) _blocks.Add(SourceBlock.Paragraph(text, _index));
                        break;
                    case Tag.Tbl:
                        _index++;
                        ReadTable();
                        break;
                    case Tag.Sdt or Tag.SdtContent or Tag.CustomXml:
                        _x.Read(); // into the wrapper: its blocks count as the body's
                        break;
                    default:
                        _x.Skip();
                        break;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadTable()
        {
            var rows = new List<List<string>>();
            var above = new Dictionary<int, string>();
            if (Enter(out var depth))
            {
                _x.Read();
                while (true)
                {
                    if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); break; }
                    if (_x.NodeType != XmlNodeType.Element)
                    {
                        if (!_x.Read()) throw new XmlException("unexpected end of document");
                        continue;
                    }
                    switch (Current())
                    {
                        case Tag.Tr:
                            if (ReadRow(above) is { } cells) rows.Add(cells);
                            break;
                        case Tag.Sdt or Tag.SdtContent or Tag.CustomXml:
                            _x.Read(); // rows inside content controls / custom XML belong to this table
                            break;
                        default:
                            _x.Skip();
                            break;
                    }
                }
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

        /// <summary>A row's cells (gridBefore padding, spans padded empty, vertical merges repeated); null when all empty.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private List<string>? ReadRow(Dictionary<int, string> above)
        {
            var cells = new List<string>();
            if (Enter(out var depth))
            {
                var sawProperties = false;
                _x.Read();
                while (true)
                {
                    if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); break; }
                    if (_x.NodeType != XmlNodeType.Element)
                    {
                        if (!_x.Read()) throw new XmlException("unexpected end of document");
                        continue;
                    }
                    switch (Current())
                    {
                        case Tag.TrPr when !sawProperties && _x.Depth == depth + 1:
                            sawProperties = true;
                            var before = ReadRowProperties() ?? 0;
                            for (var i = 0; i < before && i < 64; i++) cells.Add("");
                            break;
                        case Tag.Tc:
                            ReadCell(cells, above);
                            break;
                        case Tag.Sdt or Tag.SdtContent or Tag.CustomXml:
                            _x.Read(); // cells inside content controls / custom XML, in document order
                            break;
                        default:
                            _x.Skip();
                            break;
                    }
                }
            }
            return cells.Exists(c => c.Length > 0) ? cells : null;
        }

        /// <summary>trPr: its gridBefore (the first one, a direct child).</summary>
        private int? ReadRowProperties()
        {
            int? before = null;
            var sawBefore = false;
            if (!Enter(out var depth)) return null;
            _x.Read();
            while (true)
            {
                if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); return before; }
                if (_x.NodeType != XmlNodeType.Element)
                {
                    if (!_x.Read()) throw new XmlException("unexpected end of document");
                    continue;
                }
                if (!sawBefore && _x.Depth == depth + 1 && Current() == Tag.GridBefore)
                {
                    sawBefore = true;
                    before = IntVal();
                }
                _x.Skip();
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadCell(List<string> cells, Dictionary<int, string> above)
        {
            var span = 1;
            var continues = false;
            var parts = new List<string>();
            if (Enter(out var depth))
            {
                var sawProperties = false;
                var started = false;
                _x.Read();
                while (true)
                {
                    if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); break; }
                    if (_x.NodeType != XmlNodeType.Element)
                    {
                        if (!_x.Read()) throw new XmlException("unexpected end of document");
                        continue;
                    }
                    var tag = Current();
                    if (tag == Tag.TcPr && !sawProperties && !started && _x.Depth == depth + 1)
                    {
                        sawProperties = true;
                        (span, continues) = ReadCellProperties();
                        continue;
                    }
                    if (!started)
                    {
                        started = true;
                        if (continues)
                        {
                            // The text is the merged cell's above: its paragraphs are not read (nor counted by the numbering).
                            SkipRest(depth);
                            break;
                        }
                    }
                    switch (tag)
                    {
                        case Tag.P:
                            if (ReadParagraph() is { Length: > 0 } text) parts.Add(text);
                            break;
                        case Tag.TxbxContent or Tag.AlternateContent or Tag.Properties or Tag.TcPr or Tag.TrPr or Tag.PPr or Tag.RPr or Tag.Skip:
                            _x.Skip();
                            break;
                        default:
                            _x.Read(); // nested tables, content controls …: their paragraphs are the cell's
                            break;
                    }
                }
            }

            var col = cells.Count;
            var value = continues ? above.GetValueOrDefault(col, "") : string.Join("\n", parts);
            cells.Add(value);
            above[col] = value;
            for (var k = 1; k < span; k++) { above[cells.Count] = ""; cells.Add(""); }
        }

        /// <summary>tcPr: gridSpan (clamped to 1…64) and whether a vMerge continues the cell above.</summary>
        private (int Span, bool Continues) ReadCellProperties()
        {
            int? span = null;
            var continues = false;
            bool sawSpan = false, sawMerge = false;
            if (Enter(out var depth))
            {
                _x.Read();
                while (true)
                {
                    if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); break; }
                    if (_x.NodeType != XmlNodeType.Element)
                    {
                        if (!_x.Read()) throw new XmlException("unexpected end of document");
                        continue;
                    }
                    if (_x.Depth == depth + 1)
                    {
                        var tag = Current();
                        if (tag == Tag.GridSpan && !sawSpan) { sawSpan = true; span = IntVal(); }
                        else if (tag == Tag.VMerge && !sawMerge)
                        {
                            sawMerge = true;
                            var val = Val();
                            continues = val is null || val == "continue";
                        }
                    }
                    _x.Skip();
                }
            }
            return (Math.Clamp(span ?? 1, 1, 64), continues);
        }

        /// <summary>
        /// A paragraph's text with its numbering label; "" when it has no text (the numbering still advances).
        /// Leaves the reader after the paragraph.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private string ReadParagraph()
        {
            int? numId = null, level = null;
            string? style = null;
            _text.Clear();
            _runs.Clear();
            if (Enter(out var depth))
            {
                var sawProperties = false;
                _x.Read();
                while (true)
                {
                    if (_x.NodeType == XmlNodeType.EndElement)
                    {
                        if (_x.Depth == depth) { _x.Read(); break; }
                        if (_runs.Count > 0 && _runs[^1].Depth == _x.Depth) EndRun();
                        if (!_x.Read()) throw new XmlException("unexpected end of document");
                        continue;
                    }
                    if (_x.NodeType != XmlNodeType.Element)
                    {
                        if (!_x.Read()) throw new XmlException("unexpected end of document");
                        continue;
                    }
                    switch (Current())
                    {
                        case Tag.R:
                            if (_x.IsEmptyElement) _x.Read();
                            else
                            {
                                _runs.Add((_x.Depth, _text.Length, false, false));
                                _x.Read();
                            }
                            break;
                        case Tag.T:
                            ReadText();
                            break;
                        case Tag.Tab:
                            _text.Append(' ');
                            _x.Skip();
                            break;
                        case Tag.Break:
                            _text.Append('\n');
                            _x.Skip();
                            break;
                        case Tag.NoBreakHyphen:
                            _text.Append('-');
                            _x.Skip();
                            break;
                        case Tag.PPr when !sawProperties && _x.Depth == depth + 1:
                            sawProperties = true;
                            (numId, level, style) = ReadParagraphProperties();
                            break;
                        case Tag.RPr when _runs.Count > 0 && _runs[^1] is { SawProperties: false } run && run.Depth == _x.Depth - 1:
                            _runs[^1] = run with { SawProperties = true, Hidden = ReadRunHidden() };
                            break;
                        case Tag.PPr or Tag.RPr or Tag.Skip or Tag.TxbxContent or Tag.AlternateContent:
                            _x.Skip();
                            break;
                        default:
                            _x.Read(); // hyperlinks, insertions, fields, content controls, smart tags …
                            break;
                    }
                }
            }

            var label = _numbering.Next(numId, level, style);
            if (_text.Length == 0) return "";
            var text = JoinBreaks(TextNormalizer.Normalize(_text.ToString())).Trim();
            if (text.Length == 0) return "";
            return label is null ? text : label + text;
        }

        private void EndRun()
        {
            var run = _runs[^1];
            _runs.RemoveAt(_runs.Count - 1);
            if (run.Hidden) _text.Length = run.Start;
        }

        /// <summary>w:t's text. Whitespace-only text counts too, whether or not xml:space="preserve" is set.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadText()
        {
            if (!Enter(out var depth)) return;
            _x.Read();
            while (true)
            {
                switch (_x.NodeType)
                {
                    case XmlNodeType.EndElement when _x.Depth == depth:
                        _x.Read();
                        return;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (_x.CanReadValueChunk)
                        {
                            // Straight into the paragraph's buffer, without a string per w:t.
                            int n;
                            while ((n = _x.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0) _text.Append(_chunk, 0, n);
                        }
                        else _text.Append(_x.Value);
                        _x.Read();
                        break;
                    case XmlNodeType.Element:
                        _x.Skip();
                        break;
                    default:
                        if (!_x.Read()) throw new XmlException("unexpected end of document");
                        break;
                }
            }
        }

        /// <summary>pPr: numPr's numId/ilvl and pStyle (the first of each, direct children only — not pPrChange's).</summary>
        private (int? NumId, int? Level, string? Style) ReadParagraphProperties()
        {
            int? numId = null, level = null;
            string? style = null;
            bool sawStyle = false, sawNumPr = false;
            if (!Enter(out var depth)) return (null, null, null);
            _x.Read();
            while (true)
            {
                if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); return (numId, level, style); }
                if (_x.NodeType != XmlNodeType.Element)
                {
                    if (!_x.Read()) throw new XmlException("unexpected end of document");
                    continue;
                }
                var tag = _x.Depth == depth + 1 ? Current() : Tag.Other;
                if (tag == Tag.PStyle && !sawStyle)
                {
                    sawStyle = true;
                    style = Val();
                    _x.Skip();
                }
                else if (tag == Tag.NumPr && !sawNumPr)
                {
                    sawNumPr = true;
                    (numId, level) = ReadNumberingProperties();
                }
                else _x.Skip();
            }
        }

        private (int? NumId, int? Level) ReadNumberingProperties()
        {
            int? numId = null, level = null;
            bool sawNumId = false, sawLevel = false;
            if (!Enter(out var depth)) return (null, null);
            _x.Read();
            while (true)
            {
                if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); return (numId, level); }
                if (_x.NodeType != XmlNodeType.Element)
                {
                    if (!_x.Read()) throw new XmlException("unexpected end of document");
                    continue;
                }
                if (_x.Depth == depth + 1)
                {
                    var tag = Current();
                    if (tag == Tag.NumId && !sawNumId) { sawNumId = true; numId = IntVal(); }
                    else if (tag == Tag.Ilvl && !sawLevel) { sawLevel = true; level = IntVal(); }
                }
                _x.Skip();
            }
        }

        /// <summary>rPr: whether its (first, direct) vanish hides the run — val absent, true, 1 or on.</summary>
        private bool ReadRunHidden()
        {
            var hidden = false;
            var sawVanish = false;
            if (!Enter(out var depth)) return false;
            _x.Read();
            while (true)
            {
                if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); return hidden; }
                if (_x.NodeType != XmlNodeType.Element)
                {
                    if (!_x.Read()) throw new XmlException("unexpected end of document");
                    continue;
                }
                if (!sawVanish && _x.Depth == depth + 1 && Current() == Tag.Vanish)
                {
                    sawVanish = true;
                    hidden = Val()?.Trim() switch
                    {
                        null or "true" or "1" or "on" => true,
                        _ => false,
                    };
                }
                _x.Skip();
            }
        }

        /// <summary>The current element's w:val.</summary>
        private string? Val()
        {
            if (!_x.MoveToFirstAttribute()) return null;
            string? value = null;
            do
            {
                if (ReferenceEquals(_x.LocalName, _val) && (ReferenceEquals(_x.NamespaceURI, _w) || ReferenceEquals(_x.NamespaceURI, _wStrict)))
                {
                    value = _x.Value;
                    break;
                }
            } while (_x.MoveToNextAttribute());
            _x.MoveToElement();
            return value;
        }

        private int? IntVal() =>
            int.TryParse(Val(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
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
