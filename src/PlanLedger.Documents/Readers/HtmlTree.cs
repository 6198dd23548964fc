namespace PlanLedger.Documents.Readers;

/// <summary>One node of <see cref="HtmlTree"/>: an element or a text run.</summary>
internal sealed class HtmlNode
{
    public required string Tag { get; init; }      // "#text" for text
    public int Parent { get; init; }
    public int FirstChild { get; set; } = -1;
    public int LastChild { get; set; } = -1;
    public int NextSibling { get; set; } = -1;
    /// <summary>Index of the last node of this node's subtree (nodes are stored in document order).</summary>
    public int SubtreeEnd { get; set; }
    public string? Text { get; init; }
    public int Line { get; init; }
    public string? Id { get; init; }
    public string? Class { get; init; }
    public int RowSpan { get; init; } = 1;
    public int ColSpan { get; init; } = 1;
    public bool IsText => ReferenceEquals(Tag, HtmlTree.TextTag);
}

/// <summary>
/// A lenient element tree built without recursion from <see cref="HtmlTokenizer"/> tokens, with the implied
/// end tags browsers apply (p, li, td/th, tr, option, dt/dd). Unmatched end tags are ignored; elements left open
/// end with the input. Nodes are stored in document order, so a subtree is a contiguous index range.
/// </summary>
internal sealed class HtmlTree
{
    public const string TextTag = "#text";
    public List<HtmlNode> Nodes { get; } = [];

    public static HtmlTree Build(string html)
    {
        var tree = new HtmlTree();
        var nodes = tree.Nodes;
        nodes.Add(new HtmlNode { Tag = "#root", Parent = -1 });
        var stack = new List<int> { 0 };
        var open = new Dictionary<string, int>();
        var lines = new LineCounter(html);
        var tok = new HtmlTokenizer(html);

        while (tok.Next())
        {
            switch (tok.Kind)
            {
                case HtmlTokenKind.Text:
                    if (tok.IsRaw && nodes[stack[^1]].Tag is not "title") break;
                    if (tok.Span.IsWhiteSpace() && !tok.Span.ContainsAny('\n', '\r')) { Add(TextNode(" ")); break; }
                    Add(TextNode(TextNormalizer.DecodeEntitiesAndNormalize(tok.Span.ToString())));
                    break;

                case HtmlTokenKind.StartTag:
                {
                    var name = tok.Name;
                    ImplyEnds(name);
                    var cell = name is "td" or "th";
                    var rs = cell ? ParseSpan(tok.GetAttribute("rowspan")) : 1;
                    var cs = cell ? ParseSpan(tok.GetAttribute("colspan")) : 1;
                    var index = Add(new HtmlNode
                    {
                        Tag = name, Parent = stack[^1], Line = lines.LineAt(tok.Start),
                        Id = tok.GetAttribute("id"), Class = tok.GetAttribute("class"), RowSpan = rs, ColSpan = cs,
                    });
                    if (!HtmlTags.IsVoid(name) && !tok.SelfClosing)
                    {
                        stack.Add(index);
                        open[name] = open.GetValueOrDefault(name) + 1;
                    }
                    break;
                }

                case HtmlTokenKind.EndTag:
                    if (tok.Name == "br") { Add(new HtmlNode { Tag = "br", Parent = stack[^1], Line = lines.LineAt(tok.Start) }); break; }
                    if (open.GetValueOrDefault(tok.Name) > 0) PopThrough(tok.Name);
                    break;
            }

            HtmlNode TextNode(string text) => new() { Tag = TextTag, Parent = stack[^1], Text = text, Line = lines.LineAt(tok.Start) };
        }

        // Subtree ends, computed backwards (children always follow their parent).
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            var n = nodes[i];
            if (n.SubtreeEnd < i) n.SubtreeEnd = i;
            if (n.Parent >= 0 && nodes[n.Parent].SubtreeEnd < n.SubtreeEnd) nodes[n.Parent].SubtreeEnd = n.SubtreeEnd;
        }

        return tree;

        int Add(HtmlNode node)
        {
            var index = nodes.Count;
            nodes.Add(node);
            var parent = nodes[node.Parent];
            if (parent.LastChild >= 0) nodes[parent.LastChild].NextSibling = index;
            else parent.FirstChild = index;
            parent.LastChild = index;
            return index;
        }

        void PopThrough(string name)
        {
            while (stack.Count > 1)
            {
                var top = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                var tag = nodes[top].Tag;
                open[tag]--;
                if (tag == name) return;
            }
        }

        // Close what a new start tag implicitly ends, stopping at the boundaries browsers respect.
        void ImplyEnds(string name)
        {
            // A missing </head>: the first element that cannot sit in <head> ends it (HTML5 "in head" rules).
            if (open.GetValueOrDefault("head") > 0 && !IsHeadContent(name)) PopThrough("head");
            switch (name)
            {
                case "li": CloseIfOpen("li", "ul", "ol"); break;
                case "dt" or "dd": CloseIfOpen("dd", "dl", "table"); CloseIfOpen("dt", "dl", "table"); break;
                case "td" or "th": CloseIfOpen("td", "tr", "table"); CloseIfOpen("th", "tr", "table"); break;
                case "tr": CloseIfOpen("td", "tr", "table"); CloseIfOpen("th", "tr", "table"); CloseIfOpen("tr", "table", "table"); break;
                case "thead" or "tbody" or "tfoot":
                    CloseIfOpen("td", "table", "table"); CloseIfOpen("th", "table", "table"); CloseIfOpen("tr", "table", "table");
                    CloseIfOpen("thead", "table", "table"); CloseIfOpen("tbody", "table", "table"); CloseIfOpen("tfoot", "table", "table");
                    break;
                case "option": CloseIfOpen("option", "select", "select"); break;
            }

            if (HtmlTags.IsBlock(name) && name is not ("td" or "th" or "tr" or "li") && stack.Count > 1 && nodes[stack[^1]].Tag == "p")
                PopThrough("p");
            if (name == "p" && stack.Count > 1 && nodes[stack[^1]].Tag == "p") PopThrough("p");
        }

        void CloseIfOpen(string name, string boundary1, string boundary2)
        {
            if (open.GetValueOrDefault(name) == 0) return;
            for (var i = stack.Count - 1; i > 0; i--)
            {
                var tag = nodes[stack[i]].Tag;
                if (tag == name) { PopThrough(name); return; }
                if (tag == boundary1 || tag == boundary2) return;
            }
        }
    }

    private static bool IsHeadContent(string name) =>
        name is "title" or "meta" or "link" or "style" or "script" or "base" or "noscript" or "template" or "basefont" or "bgsound" or "head";

    private static int ParseSpan(string? value) =>
        int.TryParse(value?.Trim().Trim('"', '\''), out var n) ? Math.Clamp(n, 1, 1000) : 1;
}

/// <summary>Maps offsets to 1-based line numbers for offsets visited in increasing order (linear overall).</summary>
internal struct LineCounter(string text)
{
    private int _offset;
    private int _line = 1;

    public int LineAt(int offset)
    {
        if (offset > _offset)
        {
            _line += text.AsSpan(_offset, offset - _offset).Count('\n');
            _offset = offset;
        }
        return _line;
    }
}
