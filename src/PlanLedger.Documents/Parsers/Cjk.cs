namespace PlanLedger.Documents.Parsers;

/// <summary>Character classes of Chinese text.</summary>
internal static class Cjk
{
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    /// <summary>Punctuation that ends a sentence.</summary>
    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?';

    /// <summary>Punctuation that ends a clause (the span a target's text may cover).</summary>
    public static bool IsClauseEnd(char c) => c is '，' or ',' or '。' or '；' or ';' or '：' or ':' or '！' or '？' or '!' or '?' or '\n';

    public static bool HasSentencePunctuation(string s)
    {
        foreach (var c in s)
            if (c is '。' or '，' or ',' or '；' or ';' or '！' or '？') return true;
        return false;
    }

    public static int CountHan(string s)
    {
        var n = 0;
        foreach (var c in s) if (IsHan(c)) n++;
        return n;
    }

    /// <summary>Removes white space that separates two Han characters (a layout artifact in tables and PDFs).</summary>
    public static string RemoveSpacesBetweenHan(string s)
    {
        if (s.IndexOf(' ') < 0 && s.IndexOf('\u00a0') < 0) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is ' ' or '\u00a0' or '\u3000' or '\t')
            {
                var j = i;
                while (j < s.Length && s[j] is ' ' or '\u00a0' or '\u3000' or '\t') j++;
                var prev = sb.Length > 0 ? sb[^1] : '\0';
                var next = j < s.Length ? s[j] : '\0';
                if ((IsHan(prev) || IsCjkPunct(prev)) && (IsHan(next) || IsCjkPunct(next))) { i = j - 1; continue; }
                sb.Append(s, i, j - i);
                i = j - 1;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static bool IsCjkPunct(char c) => c is >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uff0f' or '“' or '”' or '‘' or '’' or '《' or '》';
}
