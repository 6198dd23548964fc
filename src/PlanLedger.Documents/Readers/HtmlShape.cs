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

/// <summary>
/// Decides between plain text, text with tag soup and real HTML. A page with html/body/head/doctype is HTML.
/// Otherwise the text is HTML when most of its characters sit inside elements that are properly closed
/// (&lt;p&gt;…&lt;/p&gt;, &lt;td&gt;…&lt;/td&gt;); when most sit outside any element it is text with tags in it.
/// </summary>
internal static class HtmlShape
{
    public static TextShape Analyze(string text)
    {
        if (text.AsSpan().IndexOf('<') < 0) return TextShape.PlainText;
        var tok = new HtmlTokenizer(text);
        var stack = new List<(string Name, long Pending)>();
        long enclosed = 0, free = 0;
        var knownTags = 0;

        while (tok.Next())
        {
            switch (tok.Kind)
            {
                case HtmlTokenKind.Comment:
                    if (tok.Span.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)) return TextShape.Html;
                    break;
                case HtmlTokenKind.Text when !tok.IsRaw:
                {
                    var n = CountVisible(tok.Span);
                    if (n == 0) break;
                    if (stack.Count > 0) stack[^1] = (stack[^1].Name, stack[^1].Pending + n);
                    else free += n;
                    break;
                }
                case HtmlTokenKind.StartTag:
                {
                    var name = tok.Name;
                    if (!HtmlTags.IsKnown(name)) break;
                    knownTags++;
                    if (name is "html" or "body" or "head") return TextShape.Html;
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

        if (knownTags < 2) return TextShape.PlainText;
        return enclosed >= free && enclosed > 0 ? TextShape.Html : TextShape.TagSoup;
    }

    /// <summary>Closes the innermost open element; its text counts as enclosed.</summary>
    private static long Pop(List<(string Name, long Pending)> stack)
    {
        var pending = stack[^1].Pending;
        stack.RemoveAt(stack.Count - 1);
        return pending;
    }

    private static int CountVisible(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
            if (!char.IsWhiteSpace(c)) n++;
        return n;
    }
}
