namespace PlanLedger.Documents.Readers;

/// <summary>The kinds of token <see cref="HtmlTokenizer"/> yields.</summary>
internal enum HtmlTokenKind { None, Text, StartTag, EndTag, Comment }

/// <summary>
/// A small, lenient, allocation-light HTML tokenizer over a string. It never backtracks more than one tag, so
/// it is linear and cannot hang on garbage: a "&lt;" not followed by a letter, "/", "!" or "?" is text; a tag
/// without its closing "&gt;" is text; an unclosed quote ends at the next "&gt;". The content of script, style,
/// textarea, title, iframe, noscript, xmp, noembed and noframes is raw text up to its end tag.
/// </summary>
internal struct HtmlTokenizer
{
    private readonly string _s;
    private int _pos;
    private string? _rawEnd;

    public HtmlTokenizer(string s) { _s = s; _pos = 0; }

    public HtmlTokenKind Kind { get; private set; }
    /// <summary>Start offset of the token in the source.</summary>
    public int Start { get; private set; }
    /// <summary>End offset (exclusive) of the token.</summary>
    public int End { get; private set; }
    /// <summary>Lower-case tag name of a start or end tag.</summary>
    public string Name { get; private set; } = "";
    /// <summary>True when the text token is the raw content of script/style/…</summary>
    public bool IsRaw { get; private set; }
    public bool SelfClosing { get; private set; }
    private int _attrStart, _attrEnd;
    private int _nextGt = -2, _nextDq = -2, _nextSq = -2;

    /// <summary>IndexOf with a cached answer, so that repeated searches over the same tail stay linear overall.</summary>
    private static int NextIndex(string s, ref int cache, char c, int from)
    {
        if (cache == -1) return -1;
        if (cache >= from) return cache;
        cache = s.IndexOf(c, from);
        return cache;
    }

    public readonly ReadOnlySpan<char> Span => _s.AsSpan(Start, End - Start);

    /// <summary>Advances to the next token; false at the end of input.</summary>
    public bool Next()
    {
        var s = _s;
        IsRaw = false;
        SelfClosing = false;
        if (_pos >= s.Length) { Kind = HtmlTokenKind.None; return false; }
        Start = _pos;

        if (_rawEnd is not null)
        {
            var end = FindRawEnd(_rawEnd);
            _rawEnd = null;
            if (end > _pos) { Kind = HtmlTokenKind.Text; IsRaw = true; End = _pos = end; return true; }
        }

        var scan = _pos;
        while (true)
        {
            var lt = s.AsSpan(scan).IndexOf('<');
            if (lt < 0) { Text(s.Length); return true; }
            lt += scan;
            if (lt > _pos) { Text(lt); return true; }
            if (TryMarkup(lt)) return true;
            scan = lt + 1; // a literal '<': keep it in the text
        }
    }

    private void Text(int end)
    {
        Kind = HtmlTokenKind.Text;
        End = _pos = end;
    }

    private bool TryMarkup(int lt)
    {
        var s = _s;
        if (lt + 1 >= s.Length) return false;
        var c = s[lt + 1];
        if (c == '!' && string.CompareOrdinal(s, lt, "<!--", 0, 4) == 0)
        {
            var close = s.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            End = _pos = close < 0 ? s.Length : close + 3;
            Kind = HtmlTokenKind.Comment;
            return true;
        }

        if (c is '!' or '?')
        {
            var gt = s.IndexOf('>', lt + 2);
            if (gt < 0) return false;
            End = _pos = gt + 1;
            Kind = HtmlTokenKind.Comment;
            return true;
        }

        var isEnd = c == '/';
        var nameStart = isEnd ? lt + 2 : lt + 1;
        if (nameStart >= s.Length || !char.IsAsciiLetter(s[nameStart])) return false;
        var nameEnd = nameStart + 1;
        while (nameEnd < s.Length && (char.IsAsciiLetterOrDigit(s[nameEnd]) || s[nameEnd] is '-' or ':' or '_')) nameEnd++;

        // Find the closing '>' honouring quotes; a quote left open (or absurdly long) ends at the first '>'.
        var i = nameEnd;
        var gtPos = -1;
        while (i < s.Length)
        {
            var ch = s[i];
            if (ch == '>') { gtPos = i; break; }
            if (ch == '<') break; // "<a <b>": the first one was not a tag
            if (ch is '"' or '\'' && s[i - 1] == '=')
            {
                var q = ch == '"' ? NextIndex(s, ref _nextDq, ch, i + 1) : NextIndex(s, ref _nextSq, ch, i + 1);
                var gt = NextIndex(s, ref _nextGt, '>', i + 1);
                if (q < 0 || (gt >= 0 && gt < q && q - i > 2048)) { gtPos = gt; break; }
                i = q + 1;
                continue;
            }
            i++;
        }

        if (gtPos < 0) return false;
        Name = HtmlTags.Intern(s.AsSpan(nameStart, nameEnd - nameStart));
        Kind = isEnd ? HtmlTokenKind.EndTag : HtmlTokenKind.StartTag;
        _attrStart = nameEnd;
        _attrEnd = gtPos;
        SelfClosing = gtPos > nameEnd && s[gtPos - 1] == '/';
        End = _pos = gtPos + 1;
        if (!isEnd && HtmlTags.IsRawText(Name) && !SelfClosing) _rawEnd = Name;
        return true;
    }

    /// <summary>Offset of "&lt;/name" (case-insensitive) from the current position, or the end of input.</summary>
    private readonly int FindRawEnd(string name)
    {
        var s = _s;
        var from = _pos;
        while (true)
        {
            var i = s.IndexOf("</", from, StringComparison.Ordinal);
            if (i < 0) return s.Length;
            if (i + 2 + name.Length <= s.Length && s.AsSpan(i + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var after = i + 2 + name.Length;
                if (after >= s.Length || !char.IsAsciiLetterOrDigit(s[after])) return i;
            }
            from = i + 2;
        }
    }

    /// <summary>The value of an attribute of the current tag (entities not decoded), or null.</summary>
    public readonly string? GetAttribute(string name)
    {
        var a = _s.AsSpan(_attrStart, _attrEnd - _attrStart);
        var i = 0;
        while (i < a.Length)
        {
            while (i < a.Length && (char.IsWhiteSpace(a[i]) || a[i] == '/')) i++;
            var ns = i;
            while (i < a.Length && !char.IsWhiteSpace(a[i]) && a[i] is not ('=' or '/')) i++;
            var attrName = a[ns..i];
            while (i < a.Length && char.IsWhiteSpace(a[i])) i++;
            ReadOnlySpan<char> value = default;
            if (i < a.Length && a[i] == '=')
            {
                i++;
                while (i < a.Length && char.IsWhiteSpace(a[i])) i++;
                if (i < a.Length && a[i] is '"' or '\'')
                {
                    var q = a[i];
                    var close = a[(i + 1)..].IndexOf(q);
                    var vEnd = close < 0 ? a.Length : i + 1 + close;
                    value = a[(i + 1)..vEnd];
                    i = Math.Min(a.Length, vEnd + 1);
                }
                else
                {
                    var vs = i;
                    while (i < a.Length && !char.IsWhiteSpace(a[i])) i++;
                    value = a[vs..i];
                }
            }

            if (attrName.Length == 0) { i++; continue; }
            if (attrName.Equals(name, StringComparison.OrdinalIgnoreCase)) return value.ToString();
        }

        return null;
    }
}

/// <summary>Tag-name facts the HTML readers need.</summary>
internal static class HtmlTags
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "title", "meta", "link", "script", "style", "noscript", "iframe", "textarea", "xmp",
        "noembed", "noframes", "template", "nav", "header", "footer", "aside", "main", "article", "section", "div", "p",
        "span", "a", "b", "i", "u", "s", "em", "strong", "font", "small", "big", "sub", "sup", "br", "hr", "img", "input",
        "select", "option", "button", "form", "label", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
        "col", "colgroup", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "center", "address", "figure", "figcaption", "wbr", "area", "base", "embed", "param", "source", "track", "map",
        "object", "svg", "canvas", "legend", "fieldset", "samp", "mark", "del", "ins", "menu", "menuitem", "rt", "rp",
        "ruby", "meter", "code", "abbr", "cite", "q", "dfn", "kbd", "var", "time", "video", "audio", "o:p", "tt", "strike",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> Void = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
    private static readonly HashSet<string> Raw = ["script", "style", "textarea", "title", "iframe", "noscript", "xmp", "noembed", "noframes"];

    private static readonly HashSet<string> Block =
    [
        "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
        "td", "th", "caption", "ul", "legend", "option", "title", "select",
    ];

    /// <summary>The canonical lower-case string for a tag name (no allocation for known tags).</summary>
    public static string Intern(ReadOnlySpan<char> name) =>
        Lookup.TryGetValue(name, out var known) ? known : name.ToString().ToLowerInvariant();

    public static bool IsVoid(string name) => Void.Contains(name);
    public static bool IsRawText(string name) => Raw.Contains(name);
    public static bool IsBlock(string name) => Block.Contains(name);
    public static bool IsKnown(string name) => Known.Contains(name);
}
