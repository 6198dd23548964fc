using System.Text;
using System.Text.RegularExpressions;

namespace PlanLedger.Documents.Parsers;

/// <summary>Removes chrome paragraphs and cleans spam out of sentences, leaving the text around it joined.</summary>
internal sealed partial class NoiseFilter
{
    private readonly List<string> _injected;

    private NoiseFilter(List<string> injected) => _injected = injected;

    /// <summary>
    /// Learns the document's injected SEO keyword ("…精神沧州市教育机构,…" twice → "沧州市教育机构"): the
    /// longest common ending of every place+机构 phrase glued before a comma. One occurrence: a two-character place.
    /// </summary>
    public static NoiseFilter For(IEnumerable<string> paragraphs)
    {
        var hits = new List<string>();
        foreach (var p in paragraphs)
        {
            if (!MayHoldInjectedKeyword(p)) continue;
            foreach (Match m in NoiseLexicon.InjectedKeyword().Matches(p)) hits.Add(m.Value);
        }
        var injected = new List<string>();
        foreach (var group in hits.GroupBy(h => h[^5..]))
        {
            var list = group.ToList();
            var common = list[0];
            foreach (var h in list.Skip(1))
            {
                var n = 0;
                while (n < common.Length && n < h.Length && common[^(n + 1)] == h[^(n + 1)]) n++;
                common = common[^n..];
            }
            if (list.Count == 1)
            {
                var cut = common.IndexOfAny(['市', '县', '区']);
                common = common[Math.Max(0, cut - 2)..];
            }
            if (common.Length >= 5) injected.Add(common);
        }
        return new NoiseFilter(injected);
    }

    [GeneratedRegex("。[ \u00a0\u3000]*。")]
    private static partial Regex DoubledStop();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    private static bool MayHoldInjectedKeyword(string p) =>
        (p.Contains("机构", StringComparison.Ordinal) || p.Contains("教育网", StringComparison.Ordinal)
        || p.Contains("人才网", StringComparison.Ordinal) || p.Contains("招聘网", StringComparison.Ordinal)) && KeywordBeforeStop(p);

    /// <summary>
    /// <see cref="NoiseLexicon.InjectedKeyword"/> ends with 机构/教育网/人才网/招聘网 right before ，,。: only then is it
    /// worth running (its leading look-behind and Han run make every Han character a candidate start).
    /// </summary>
    private static bool KeywordBeforeStop(string p)
    {
        var s = p.AsSpan();
        for (var i = s.IndexOfAny('，', ',', '。'); i >= 0; i = s.Slice(i + 1).IndexOfAny('，', ',', '。') is var n and >= 0 ? i + 1 + n : -1)
        {
            var before = s[..i];
            if (before.EndsWith("机构", StringComparison.Ordinal) || before.EndsWith("教育网", StringComparison.Ordinal) || before.EndsWith("人才网", StringComparison.Ordinal) || before.EndsWith("招聘网", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The characters a chrome line can start with (read from the pattern): the regex runs only on those paragraphs.</summary>
    private static readonly System.Buffers.SearchValues<char>? ChromeStarts = Text.RegexFirstChars.Of(NoiseLexicon.ChromeLine());

    /// <summary>"发文字号:某政办发〔2022〕9号 | 发布日期:… |": a metadata row that gives the 文号 is the document's, not chrome.</summary>
    private static bool HoldsDocNumber(string p) => p.Contains('〔') && (p.Contains('号') || p.Contains('號'));

    public static bool IsChrome(string paragraph)
    {
        var p = paragraph.TrimStart();
        if (p.Length == 0) return true;
        if ((ChromeStarts is null || ChromeStarts.Contains(p[0])) && NoiseLexicon.ChromeLine().IsMatch(p)) return true;
        // URLs, "2021-03-22 | 格式:DOC" rows and punctuation-only lines (cheap checks before the regex).
        if (p.Length <= 120 && (p.Contains('|') || p.StartsWith("http", StringComparison.OrdinalIgnoreCase) || p.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || char.IsAsciiDigit(p[0]) && p.Length > 4 && p[4] == '-' || !char.IsLetterOrDigit(p[0]))
            && NoiseLexicon.MetaRowLine().IsMatch(p) && !HoldsDocNumber(p)) return true;
        return false;
    }

    public string Clean(string text)
    {
        foreach (var s in _injected)
            if (text.Contains(s, StringComparison.Ordinal)) text = RemoveBeforeStop(text, s);
        if (text.StartsWith("全文共", StringComparison.Ordinal)) text = NoiseLexicon.WordCountPrefix().Replace(text, "");
        if (text.IndexOf('_') < 0 && text.IndexOf('<') < 0 && text.IndexOf('>') < 0 && !text.Contains("。 ", StringComparison.Ordinal) && !text.Contains("。。", StringComparison.Ordinal))
            return text;
        return CleanInline(text);
    }

    /// <summary>
    /// <paramref name="text"/> without each <paramref name="keyword"/> that a comma or full stop follows — what
    /// <c>Regex.Replace(text, Regex.Escape(keyword) + "(?=[，,。])", "")</c> does, without building and interpreting a
    /// regex for every paragraph (leftmost first, a removed occurrence is not searched again).
    /// </summary>
    private static string RemoveBeforeStop(string text, string keyword)
    {
        StringBuilder? sb = null;
        var from = 0;
        var at = text.IndexOf(keyword, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + keyword.Length;
            if (end < text.Length && text[end] is '，' or ',' or '。')
            {
                (sb ??= new StringBuilder(text.Length)).Append(text, from, at - from);
                from = end;
                at = text.IndexOf(keyword, end, StringComparison.Ordinal);
            }
            else
            {
                at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal);
            }
        }
        return sb is null ? text : sb.Append(text, from, text.Length - from).ToString();
    }

    public static string CleanInline(string text)
    {
        if (text.IndexOf('_') >= 0) text = NoiseLexicon.UnderscoreChain().Replace(text, RemoveSpamChain);
        if (text.Contains('<') || text.Contains('>')) text = StripTags(text);
        // A doubled full stop left by editing: "发展。 。" → "发展。"
        if (MayHaveDoubledStop(text)) text = DoubledStop().Replace(text, "。");
        return text;
    }

    /// <summary>A 。 followed by another or by a space: only then can <see cref="DoubledStop"/> match.</summary>
    private static bool MayHaveDoubledStop(string text)
    {
        for (var i = text.IndexOf('。'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('。', i + 1))
            if (text[i + 1] is '。' or ' ' or '\u00a0' or '\u3000') return true;
        return false;
    }

    /// <summary>
    /// In a chain such as "教师365不给提款怎么办_出行365官方电话_365bet体育在线网址招聘办法", only the spam goes: from the
    /// first spam word (with the Latin/digit run it starts) of the first link to the end of the last spam word of the last link.
    /// </summary>
    private static string RemoveSpamChain(Match chain)
    {
        var s = chain.Value;
        var words = NoiseLexicon.SpamWord().Matches(s);
        if (words.Count == 0) return s;
        var firstLink = s.IndexOf('_');
        var start = firstLink;
        var firstWord = NoiseLexicon.SpamWord().Match(s);
        if (firstWord.Success && firstWord.Index < firstLink) start = firstWord.Index;
        while (start > 0 && char.IsAsciiLetterOrDigit(s[start - 1])) start--;
        var lastLink = s.LastIndexOf('_');
        var end = lastLink + 1;
        foreach (Match w in words)
            if (w.Index + w.Length > end) end = w.Index + w.Length;
        while (end < s.Length && char.IsAsciiLetterOrDigit(s[end])) end++;
        return s[..start] + s[end..];
    }

    /// <summary>Markup that survived a reader (tag soup inside a text cell) is removed; scripts and styles with their content.</summary>
    private static string StripTags(string text)
    {
        text = ScriptOrStyle().Replace(text, "");
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                var end = text.IndexOf('>', i + 1);
                if (end > i && end - i < 200 && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!'))
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
