using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>The streaming reader of word/document.xml.</summary>
internal static partial class DocxDocumentReader
{
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
            PStyle, NumPr, Ilvl, NumId, Vanish, GridBefore, GridSpan, VMerge, Drawing,
        }

        private readonly XmlReader _x;
        private readonly DocxNumbering _numbering;
        private List<SourceBlock> _blocks = [];
        /// <summary>Text boxes of the paragraph being read, placed before or after its own text.</summary>
        private readonly List<SourceBlock> _boxesBefore = [], _boxesAfter = [];
        private bool _inBox;
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
                "drawing" or "pict" => Tag.Drawing,
                "del" or "moveFrom" or "instrText" or "delText" or "delInstrText" or "object"
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

        /// <summary>
        /// Moves to the next direct child element of the element that started at <paramref name="depth"/> (reader
        /// inside it); false, with the reader after the element, when there is none. The caller consumes each child
        /// (reads it or skips it) before asking for the next.
        /// </summary>
        private bool NextChild(int depth)
        {
            while (true)
            {
                if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); return false; }
                if (_x.NodeType == XmlNodeType.Element) return true;
                if (!_x.Read()) throw new XmlException("unexpected end of document");
            }
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

        /// <summary>
        /// The body (or a text box's content, <paramref name="lines"/> false: its blocks take the anchor paragraph's
        /// line): paragraphs and tables, through sdt/customXml wrappers (which take no line of their own).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadBlocks(bool lines = true)
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
                        if (lines) _index++;
                        var text = ReadParagraph();
                        if (!_inBox) _blocks.AddRange(_boxesBefore);
                        if (text.Length > 0) _blocks.Add(SourceBlock.Paragraph(text, _index));
                        if (!_inBox) _blocks.AddRange(_boxesAfter);
                        if (!_inBox) { _boxesBefore.Clear(); _boxesAfter.Clear(); }
                        break;
                    case Tag.Tbl:
                        if (lines) _index++;
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
            while (NextChild(depth))
            {
                if (!sawBefore && Current() == Tag.GridBefore)
                {
                    sawBefore = true;
                    before = IntVal();
                }
                _x.Skip();
            }
            return before;
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
                            // A line break inside a cell separates lines as a new paragraph would ("基教科" / "教研室"),
                            // as the HTML and spreadsheet readers keep a cell's <br> and Alt+Enter.
                            var text = ReadParagraph(inCell: true);
                            if (!_inBox) AddBoxTexts(parts, _boxesBefore);
                            if (text.Length > 0) parts.Add(text);
                            if (!_inBox) { AddBoxTexts(parts, _boxesAfter); _boxesBefore.Clear(); _boxesAfter.Clear(); }
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
                while (NextChild(depth))
                {
                    var tag = Current();
                    if (tag == Tag.GridSpan && !sawSpan) { sawSpan = true; span = IntVal(); }
                    else if (tag == Tag.VMerge && !sawMerge)
                    {
                        sawMerge = true;
                        var val = Val();
                        continues = val is null || val == "continue";
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
        private string ReadParagraph(bool inCell = false)
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
                        case Tag.Drawing or Tag.TxbxContent or Tag.AlternateContent when !_inBox:
                            ReadTextBoxes();
                            break;
                        case Tag.PPr or Tag.RPr or Tag.Skip or Tag.TxbxContent or Tag.AlternateContent or Tag.Drawing:
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
            var normalized = TextNormalizer.Normalize(_text.ToString());
            var text = (inCell ? string.Join('\n', normalized.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) : JoinBreaks(normalized)).Trim();
            if (text.Length == 0) return "";
            return label is null ? text : label + text;
        }

        private static void AddBoxTexts(List<string> parts, List<SourceBlock> boxes)
        {
            foreach (var b in boxes)
                if (b.Kind == BlockKind.Paragraph) parts.Add(b.Text);
                else if (b.Rows is { } rows) foreach (var r in rows) parts.Add(string.Join(" ", r.Where(c => c.Length > 0)));
        }

        /// <summary>
        /// The text boxes inside a drawing, a VML picture or an mc:AlternateContent (reader on it): each
        /// w:txbxContent read like the body. Of an AlternateContent only the first branch with a text box is read
        /// (mc:Choice's DrawingML box and mc:Fallback's VML copy hold the same text).
        /// </summary>
        private void ReadTextBoxes()
        {
            var tag = Current();
            if (tag == Tag.TxbxContent) { ReadTextBox(); return; }
            var alternate = tag == Tag.AlternateContent;
            if (!Enter(out var depth)) return;
            _x.Read();
            var found = false;
            while (true)
            {
                if (_x.NodeType == XmlNodeType.EndElement && _x.Depth == depth) { _x.Read(); return; }
                if (_x.NodeType != XmlNodeType.Element)
                {
                    if (!_x.Read()) throw new XmlException("unexpected end of document");
                    continue;
                }
                if (alternate && found && _x.Depth == depth + 1) { _x.Skip(); continue; }
                if (Current() == Tag.TxbxContent) { ReadTextBox(); found = true; continue; }
                _x.Read(); // into shapes, groups, mc:Choice …
            }
        }

        /// <summary>One w:txbxContent: its blocks, before the paragraph's text when nothing precedes the anchor.</summary>
        private void ReadTextBox()
        {
            var before = _text.Length == 0;
            var savedText = _text.ToString();
            var savedRuns = _runs.ToList();
            var savedBlocks = _blocks;
            _blocks = [];
            _inBox = true;
            try { ReadBlocks(lines: false); }
            finally
            {
                _inBox = false;
                (before ? _boxesBefore : _boxesAfter).AddRange(_blocks);
                _blocks = savedBlocks;
                _text.Clear().Append(savedText);
                _runs.Clear();
                _runs.AddRange(savedRuns);
            }
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
            while (NextChild(depth))
            {
                var tag = Current();
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
            return (numId, level, style);
        }

        private (int? NumId, int? Level) ReadNumberingProperties()
        {
            int? numId = null, level = null;
            bool sawNumId = false, sawLevel = false;
            if (!Enter(out var depth)) return (null, null);
            _x.Read();
            while (NextChild(depth))
            {
                var tag = Current();
                if (tag == Tag.NumId && !sawNumId) { sawNumId = true; numId = IntVal(); }
                else if (tag == Tag.Ilvl && !sawLevel) { sawLevel = true; level = IntVal(); }
                _x.Skip();
            }
            return (numId, level);
        }

        /// <summary>rPr: whether its (first, direct) vanish hides the run — val absent, true, 1 or on.</summary>
        private bool ReadRunHidden()
        {
            var hidden = false;
            var sawVanish = false;
            if (!Enter(out var depth)) return false;
            _x.Read();
            while (NextChild(depth))
            {
                if (!sawVanish && Current() == Tag.Vanish)
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
            return hidden;
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
}
