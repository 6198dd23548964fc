namespace PlanLedger.Documents.Parsers;

/// <summary>Removes chrome paragraphs and cleans spam out of sentences, leaving the text around it joined.</summary>
internal static class NoiseFilter
{
    public static bool IsChrome(string paragraph)
    {
        var p = paragraph.TrimStart();
        if (NoiseLexicon.ChromeLine().IsMatch(p.TrimStart())) return true;
        if (p.Length <= 120 && NoiseLexicon.MetaRowLine().IsMatch(p)) return true;
        return false;
    }

    public static string CleanInline(string text)
    {
        if (text.IndexOf('_') >= 0) text = NoiseLexicon.InlineSpam().Replace(text, "");
        if (text.Contains("机构") || text.Contains("网")) text = NoiseLexicon.InjectedKeyword().Replace(text, "");
        if (text.Contains('<') || text.Contains('>')) text = StripTags(text);
        // A doubled full stop left by editing: "发展。 。" → "发展。"
        if (text.Contains('。')) text = System.Text.RegularExpressions.Regex.Replace(text, "。[ \u00a0\u3000]*。", "。");
        return text;
    }

    /// <summary>Markup that survived a reader (tag soup inside a text cell) is removed.</summary>
    private static string StripTags(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                var end = text.IndexOf('>', i + 1);
                if (end > i && end - i < 200 && (i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!')))
                {
                    i = end;
                    continue;
                }
                sb.Append('〈');
                continue;
            }
            sb.Append(c == '>' ? '〉' : c);
        }
        return sb.ToString();
    }
}
