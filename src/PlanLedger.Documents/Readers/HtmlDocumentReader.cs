using System.Buffers;
using System.Text;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Lays out an HTML page as a browser would — whitespace collapsed, a paragraph per block element or
/// &lt;br&gt; — after dropping structural noise (scripts, styles, navigation, headers/footers, share bars, menus,
/// forms' selects, comments). When an element clearly holds the article (id/class content, article, zoom,
/// TRS_Editor, main, detail…, or the element holding most of the Chinese text) only it is kept, plus the
/// title block above it. Data tables become <see cref="SourceBlock.Table"/> blocks. No recursion anywhere,
/// so 10,000 nested elements are fine.
/// </summary>
internal sealed class HtmlDocumentReader
{
    private static readonly HashSet<string> HardNoiseTags =
        ["script", "style", "select", "option", "template", "head", "title", "iframe", "noscript", "textarea", "button",
         "object", "embed", "svg", "canvas", "map", "input", "xmp", "noembed", "noframes", "dialog"];

    private static readonly HashSet<string> SoftNoiseTags = ["nav", "header", "footer", "aside", "menu"];

    private static readonly string[] NoiseWords =
        ["nav", "menu", "footer", "share", "breadcrumb", "crumb", "copyright", "sidebar", "side-bar", "comment",
         "toolbar", "login", "bdshare", "jiathis", "weixin", "wechat", "qrcode", "erweima", "friendlink", "links"];

    private static readonly string[] AdTokens = ["ad", "ads", "advert", "advertisement", "guanggao", "banner"];

    private static readonly string[] ArticleWords =
        ["content", "article", "zoom", "trs_editor", "trseditor", "main", "detail", "zhengwen", "wenzhang"];

    private readonly List<HtmlNode> _nodes;
    private readonly bool[] _noise;
    private readonly int[] _cjk;     // visible CJK characters in the subtree
    private int _article = -1;

    private HtmlDocumentReader(HtmlTree tree)
    {
        _nodes = tree.Nodes;
        _noise = new bool[_nodes.Count];
        _cjk = new int[_nodes.Count];
    }

    /// <summary>Reads the blocks of an HTML document (already decoded to a string).</summary>
    public static List<SourceBlock> Read(string html)
    {
        var reader = new HtmlDocumentReader(HtmlTree.Build(html));
        reader.FindNoise();
        reader.FindArticle();
        return reader.Render();
    }

    // ---------------------------------------------------------------- noise

    private void FindNoise()
    {
        var n = _nodes.Count;
        var articleish = new bool[n];
        var soft = new bool[n];
        var hardCjk = new int[n];
        for (var i = 1; i < n; i++)
        {
            var node = _nodes[i];
            articleish[i] = articleish[node.Parent] || node.Tag is "article" or "main" || HasWord(node, ArticleWords);
            if (node.IsText) { hardCjk[i] = CountHan(node.Text!); continue; }
            if (HardNoiseTags.Contains(node.Tag)) _noise[i] = true;
            else if (SoftNoiseTags.Contains(node.Tag) && !(node.Tag == "header" && articleish[node.Parent])) soft[i] = true;
            // Chrome rules apply to inner blocks, never to the document root (<html>/<body> classes say little).
            else if (node.Tag is "html" or "body") continue;
            else if (!articleish[i] || !HasWord(node, ArticleWords)) soft[i] = HasWord(node, NoiseWords) || HasToken(node, AdTokens);
        }

        // CJK totals ignoring hard noise, to spare "noise" wrappers that in fact hold most of the page.
        for (var i = n - 1; i > 0; i--)
            if (!_noise[i]) hardCjk[_nodes[i].Parent] += hardCjk[i];
        // A site header that holds the page's <h1> holds the document title: keep it (its nav stays noise).
        var holdsH1 = new bool[n];
        for (var i = n - 1; i > 0; i--)
            if (_nodes[i].Tag == "h1" || holdsH1[i]) holdsH1[_nodes[i].Parent] = true;

        var total = hardCjk[0];
        for (var i = 1; i < n; i++)
            if (soft[i] && !(total >= 50 && hardCjk[i] * 5 > total * 2) && !(holdsH1[i] && IsHeaderLike(_nodes[i]))) _noise[i] = true;

        for (var i = n - 1; i >= 0; i--)
        {
            if (_nodes[i].IsText) _cjk[i] = _noise[i] ? 0 : CountHan(_nodes[i].Text!);
            if (i > 0 && !_noise[i]) _cjk[_nodes[i].Parent] += _cjk[i];
        }
    }

    private static bool IsHeaderLike(HtmlNode node) => node.Tag == "header" || HasWord(node, HeaderWords);

    private static readonly string[] HeaderWords = ["header", "head", "top"];
    private static readonly string[] TitleWords = ["title", "biaoti"];

    private static bool HasWord(HtmlNode node, string[] words) => ContainsAny(node.Id, words) || ContainsAny(node.Class, words);

    private static bool ContainsAny(string? value, string[] words)
    {
        if (string.IsNullOrEmpty(value)) return false;
        foreach (var w in words)
            if (value.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool HasToken(HtmlNode node, string[] tokens) => HasTokenIn(node.Id, tokens) || HasTokenIn(node.Class, tokens);

    private static bool HasTokenIn(string? value, string[] tokens)
    {
        if (string.IsNullOrEmpty(value)) return false;
        foreach (var range in value.AsSpan().SplitAny(" \t-_"))
        {
            var token = value.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            foreach (var t in tokens)
                if (token.Equals(t, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static int CountHan(string s)
    {
        var n = 0;
        foreach (var c in s) if (TextNormalizer.IsHan(c)) n++;
        return n;
    }

    // ---------------------------------------------------------------- article

    private void FindArticle()
    {
        var total = _cjk[0];
        if (total < 100) return;

        // The deepest element named like an article container that still holds half of the text.
        var best = -1;
        var seen = 0;
        for (var i = 1; i < _nodes.Count && seen < 500; i++)
        {
            var node = _nodes[i];
            if (node.IsText || _noise[i] || !HasWord(node, ArticleWords)) continue;
            seen++;
            if (_cjk[i] * 2 >= total && (best < 0 || (i > best && i <= _nodes[best].SubtreeEnd))) best = i;
        }

        // Otherwise the deepest element holding 80 % of it.
        if (best < 0)
        {
            var cur = 0;
            while (true)
            {
                var next = -1;
                for (var c = _nodes[cur].FirstChild; c >= 0; c = _nodes[c].NextSibling)
                    if (!_nodes[c].IsText && !_noise[c] && _cjk[c] * 5 >= total * 4) { next = c; break; }
                if (next < 0) break;
                cur = next;
            }
            if (_nodes[cur].Tag is not ("#root" or "html" or "body")) best = cur;
        }

        _article = best;
    }

    private bool InArticle(int node) => _article < 0 || (node >= _article && node <= _nodes[_article].SubtreeEnd);

    // ---------------------------------------------------------------- rendering

    private readonly record struct Rendered(SourceBlock Block, int Node, bool TitleLike);

    private List<SourceBlock> Render()
    {
        var all = new List<Rendered>();
        var walker = new Walker(this, tablesAsText: false, (text, line, node, title) => all.Add(new(SourceBlock.Paragraph(text, line), node, title)),
            (table, line, node) => all.Add(new(table, node, false)));
        walker.Walk(0);

        if (_article < 0) return all.ConvertAll(r => r.Block);

        var result = new List<SourceBlock>();
        var first = all.FindIndex(r => InArticle(r.Node));
        if (first < 0) return all.ConvertAll(r => r.Block);
        if (!all.Exists(r => r.TitleLike && InArticle(r.Node)))
        {
            // The nearest title group above the article (the article container often excludes the <h1>).
            var end = first - 1;
            while (end >= 0 && first - end <= 30 && !all[end].TitleLike) end--;
            if (end >= 0 && all[end].TitleLike)
            {
                var start = end;
                while (start > 0 && all[start - 1].TitleLike) start--;
                for (var i = start; i <= end; i++) result.Add(all[i].Block);
            }
        }

        foreach (var r in all)
            if (InArticle(r.Node)) result.Add(r.Block);
        return result;
    }

    /// <summary>Walks a subtree without recursion and emits paragraphs (and tables) in reading order.</summary>
    private sealed class Walker(HtmlDocumentReader owner, bool tablesAsText,
        Action<string, int, int, bool> paragraph, Action<SourceBlock, int, int>? table = null)
    {
        private readonly StringBuilder _sb = new();
        private bool _pendingSpace, _pendingNewline, _breakAfterLabel;
        private int _line, _node, _titleDepth, _preDepth, _labelRun = -1;
        private bool _title;

        public void Walk(int root)
        {
            var nodes = owner._nodes;
            var cur = root;
            var descend = Enter(cur);
            while (true)
            {
                if (descend && nodes[cur].FirstChild >= 0)
                {
                    cur = nodes[cur].FirstChild;
                    descend = Enter(cur);
                    continue;
                }

                while (true)
                {
                    Leave(cur);
                    if (cur == root) { Flush(); return; }
                    var next = nodes[cur].NextSibling;
                    if (next >= 0) { cur = next; descend = Enter(cur); break; }
                    cur = nodes[cur].Parent;
                }
            }
        }

        private bool Enter(int i)
        {
            var node = owner._nodes[i];
            if (owner._noise[i]) return false;
            if (node.IsText) { Append(node.Text!, node.Line, i); return false; }
            var tag = node.Tag;
            if (tag == "br") { Flush(); return false; }
            if (HtmlTags.IsBlock(tag)) Flush();
            else if (_labelRun < 0 && tag is "b" or "strong" && (_sb.Length == 0 || _pendingNewline) && owner.IsLabelHeadingLine(i))
            {
                // Pasted plain text inside one element: a bold section label on a source line of its own is a heading
                // line ("…如下。\n<b>一、各地自查</b>\n各市要…"), though a browser would run it into the text around it.
                Flush();
                _labelRun = i;
            }
            if (IsTitle(node)) _titleDepth++;
            if (tag is "pre" or "listing" or "plaintext") _preDepth++;
            if (tag == "table" && !tablesAsText && table is not null && owner.TryTable(i) is { } t)
            {
                table(t, node.Line, i);
                return false;
            }
            return true;
        }

        private void Leave(int i)
        {
            var node = owner._nodes[i];
            if (node.IsText || owner._noise[i]) return;
            if (HtmlTags.IsBlock(node.Tag)) Flush();
            if (i == _labelRun) { _labelRun = -1; _breakAfterLabel = true; }
            if (IsTitle(node)) _titleDepth--;
            if (node.Tag is "pre" or "listing" or "plaintext") _preDepth--;
        }

        private static bool IsTitle(HtmlNode node) =>
            node.Tag is "h1" or "h2" or "h3" || HasWord(node, TitleWords);

        private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\n\r\f");

        /// <summary>Appends a text node, collapsing whitespace as a browser does (runs of text are copied whole).</summary>
        private void Append(string text, int line, int node)
        {
            var span = text.AsSpan();
            while (span.Length > 0)
            {
                var ws = span.IndexOfAny(Whitespace);
                if (ws != 0)
                {
                    AppendRun(ws < 0 ? span : span[..ws], line, node);
                    if (ws < 0) return;
                    span = span[ws..];
                }

                var end = span.IndexOfAnyExcept(Whitespace);
                var run = end < 0 ? span : span[..end];
                if ((_preDepth > 0 || _breakAfterLabel) && run.Contains('\n')) Flush();
                else
                {
                    _pendingSpace = true;
                    if (run.ContainsAny('\n', '\r')) _pendingNewline = true;
                }
                if (end < 0) return;
                span = span[end..];
            }
        }

        private void AppendRun(ReadOnlySpan<char> run, int line, int node)
        {
            if (_sb.Length == 0)
            {
                _line = line;
                _node = node;
                _title = _titleDepth > 0;
            }
            // A line break between two Chinese characters is not a space (CSS segment-break rule for CJK).
            else if (_pendingSpace && !(_pendingNewline && TextNormalizer.IsWide(_sb[^1]) && TextNormalizer.IsWide(run[0])))
                _sb.Append(' ');
            _pendingSpace = _pendingNewline = _breakAfterLabel = false;
            _sb.Append(run);
        }

        public void Flush()
        {
            _pendingSpace = _pendingNewline = _breakAfterLabel = false;
            if (_sb.Length == 0) return;
            var s = _sb.ToString().Trim();
            _sb.Clear();
            if (s.Length > 0) paragraph(s, _line, _node, _title);
        }
    }

    /// <summary>
    /// A bold run that holds a whole short label heading (一、各地自查, （二）工作要求) and is followed by a source line break.
    /// </summary>
    private bool IsLabelHeadingLine(int bold)
    {
        var node = _nodes[bold];
        var sb = new StringBuilder();
        for (var k = bold + 1; k <= node.SubtreeEnd && sb.Length <= 40; k++)
            if (_nodes[k].IsText) sb.Append(_nodes[k].Text);
        var text = sb.ToString().Trim();
        if (text.Length is < 3 or > 40 || text.AsSpan().IndexOfAny("。；;") >= 0) return false;
        if (!Parsers.LabelParser.TryMatch(text, out var m) || m.Kind is not (Syntax.LabelKind.ChineseComma or Syntax.LabelKind.ChineseParen)) return false;
        var next = node.NextSibling;
        return next >= 0 && _nodes[next].IsText && _nodes[next].Text!.TrimStart(' ', '\t', '\u00a0', '\u3000').StartsWith('\n')
            || next >= 0 && _nodes[next].Tag == "br";
    }

    // ---------------------------------------------------------------- tables

    /// <summary>The table as a block, or null when it is a layout table (one column, or wrapping the article).</summary>
    private SourceBlock? TryTable(int tableIndex)
    {
        var rows = CollectRows(tableIndex);
        if (rows.Count == 0) return null;
        var maxCols = 0;
        foreach (var r in rows)
        {
            var cols = 0;
            foreach (var c in r) cols += _nodes[c].ColSpan;
            maxCols = Math.Max(maxCols, cols);
        }

        if (maxCols <= 1) return null;
        var table = _nodes[tableIndex];
        if (_article > tableIndex && _article <= table.SubtreeEnd) return null;
        var tableCjk = _cjk[tableIndex];
        foreach (var r in rows)
            foreach (var c in r)
                if (_cjk[c] > 500 && _cjk[c] * 10 > tableCjk * 7) return null;

        // Lay the cells on a grid: a rowspan repeats the text downwards, a colspan leaves the covered cells empty.
        var grid = new List<string[]>();
        var carry = new Dictionary<int, (string Text, int Left)>();
        foreach (var r in rows)
        {
            var row = new List<string>();
            var col = 0;
            void FillCarried()
            {
                while (carry.TryGetValue(col, out var cv))
                {
                    row.Add(cv.Text);
                    if (cv.Left <= 1) carry.Remove(col); else carry[col] = (cv.Text, cv.Left - 1);
                    col++;
                }
            }

            foreach (var c in r)
            {
                FillCarried();
                var text = CellText(c);
                var cell = _nodes[c];
                var rowSpan = Math.Min(cell.RowSpan, rows.Count);
                for (var k = 0; k < cell.ColSpan; k++)
                {
                    var value = k == 0 ? text : "";
                    row.Add(value);
                    if (rowSpan > 1) carry[col] = (value, rowSpan - 1);
                    col++;
                }
            }
            FillCarried();
            while (carry.Count > 0 && carry.Keys.Max() >= col) { row.Add(""); col++; FillCarried(); }
            if (row.Exists(s => s.Length > 0)) grid.Add(row.ToArray());
        }

        if (grid.Count == 0) return null;
        var width = grid.Max(r => r.Length);
        var result = grid.ConvertAll(r => (IReadOnlyList<string>)(r.Length == width ? r : [.. r, .. Enumerable.Repeat("", width - r.Length)]));
        return SourceBlock.Table(result, table.Line);
    }

    /// <summary>The table's own rows (not those of nested tables) and their cells.</summary>
    private List<List<int>> CollectRows(int tableIndex)
    {
        var rows = new List<List<int>>();
        var end = _nodes[tableIndex].SubtreeEnd;
        for (var i = tableIndex + 1; i <= end; i++)
        {
            var node = _nodes[i];
            if (node.Tag == "table") { i = node.SubtreeEnd; continue; }
            if (node.Tag != "tr" || _noise[i]) continue;
            var cells = new List<int>();
            for (var c = node.FirstChild; c >= 0; c = _nodes[c].NextSibling)
                if (_nodes[c].Tag is "td" or "th" && !_noise[c]) cells.Add(c);
            if (cells.Count > 0) rows.Add(cells);
        }
        return rows;
    }

    /// <summary>A cell's paragraphs joined with "\n"; nested tables are flattened into it.</summary>
    private string CellText(int cell)
    {
        var parts = new List<string>();
        new Walker(this, tablesAsText: true, (text, _, _, _) => parts.Add(text)).Walk(cell);
        return string.Join("\n", parts);
    }
}
