namespace PlanLedger.Documents.Readers;

/// <summary>How a text that may contain markup should be read.</summary>
internal enum TextShape
{
    /// <summary>No markup: one paragraph per line.</summary>
    PlainText,
    /// <summary>Plain lines with junk tags scattered around them (a scraped page saved as text): strip the tags, keep the lines.</summary>
    TagSoup,
    /// <summary>A web page or fragment whose text lives inside elements: lay it out as a browser would.</summary>
    Html,
}

/// <summary>The shape of a text, and whether it is a whole web page (doctype, html, head or body present).</summary>
internal readonly record struct TextShapeResult(TextShape Shape, bool IsPage);

/// <summary>
/// Decides between plain text, text with tag soup and real HTML. The text is HTML when most of its characters
/// sit inside elements that are properly closed (&lt;p&gt;…&lt;/p&gt;, &lt;td&gt;…&lt;/td&gt;, closed by their end
/// tag, an implied end or &lt;/body&gt;); when most sit outside any element it is text with tags in it. A whole
/// page (doctype/html/body) is HTML too, unless its text is clearly loose lines beside the markup (a scraped
/// page whose paragraphs are plain lines in &lt;body&gt;), which browsers would run together.
/// </summary>
internal static class HtmlShape
{
    public static TextShapeResult Analyze(string text)
    {
        if (text.AsSpan().IndexOf('<') < 0) return new(TextShape.PlainText, false);
        var tok = new HtmlTokenizer(text);
        var stack = new List<(string Name, long Pending)>();
        long enclosed = 0, free = 0, freeLines = 0;
        var knownTags = 0;
        var page = false;

        while (tok.Next())
        {
            switch (tok.Kind)
            {
                case HtmlTokenKind.Comment:
                    if (tok.Span.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)) page = true;
                    break;
                case HtmlTokenKind.Text when !tok.IsRaw:
                {
                    var n = CountVisible(tok.Span);
                    if (n == 0) break;
                    if (stack.Count > 0) stack[^1] = (stack[^1].Name, stack[^1].Pending + n);
                    else
                    {
                        free += n;
                        freeLines += CountLines(tok.Span);
                    }
                    break;
                }
                case HtmlTokenKind.StartTag:
                {
                    var name = tok.Name;
                    if (!HtmlTags.IsKnown(name)) break;
                    knownTags++;
                    if (name is "html" or "body" or "head") { page = true; break; }
                    if (HtmlTags.IsVoid(name) || tok.SelfClosing || HtmlTags.IsRawText(name)) break;
                    if (stack.Count > 0 && name is "p" or "li" or "td" or "th" or "tr" or "option" or "dt" or "dd"
                        && (stack[^1].Name == name || (name is "td" or "th" && stack[^1].Name is "td" or "th")))
                        enclosed += Pop(stack);
                    stack.Add((name, 0));
                    break;
                }
                case HtmlTokenKind.EndTag:
                {
                    if (!HtmlTags.IsKnown(tok.Name)) break;
                    knownTags++;
                    if (tok.Name is "body" or "html")
                    {
                        while (stack.Count > 0) enclosed += Pop(stack);
                        break;
                    }
                    for (var i = stack.Count - 1; i >= Math.Max(0, stack.Count - 64); i--)
                    {
                        if (stack[i].Name != tok.Name) continue;
                        while (stack.Count > i) enclosed += Pop(stack);
                        break;
                    }
                    break;
                }
            }
        }

        if (page) return new(free > 2 * enclosed && freeLines >= 3 ? TextShape.TagSoup : TextShape.Html, true);
        if (knownTags < 2) return new(TextShape.PlainText, false);
        return new(enclosed >= free && enclosed > 0 ? TextShape.Html : TextShape.TagSoup, false);
    }

    /// <summary>Closes the innermost open element; its text counts as enclosed.</summary>
    private static long Pop(List<(string Name, long Pending)> stack)
    {
        var pending = stack[^1].Pending;
        stack.RemoveAt(stack.Count - 1);
        return pending;
    }

    private static int CountLines(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var line in s.EnumerateLines())
            if (!line.IsWhiteSpace()) n++;
        return n;
    }

    private static int CountVisible(ReadOnlySpan<char> s)
    {
        // Runs of visible characters and of white space are skipped vectorised (the text between tags is mostly
        // Chinese with few spaces); the set is exactly char.IsWhiteSpace.
        var n = 0;
        while (true)
        {
            var ws = s.IndexOfAny(WhiteSpace);
            if (ws < 0) return n + s.Length;
            n += ws;
            var next = s[ws..].IndexOfAnyExcept(WhiteSpace);
            if (next < 0) return n;
            s = s[(ws + next)..];
        }
    }

    private static readonly System.Buffers.SearchValues<char> WhiteSpace = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());
}
