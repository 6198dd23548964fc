using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanLedger.Web.Features.Shared;

/// <summary>
/// The one way a Chinese text becomes the reader's language. Messages are written in Chinese only; a message with
/// values in it is a template key (<c>"密码至少 {0} 位"</c> → <c>"Passwords must be at least {0} characters"</c>) and is
/// recognised from its formatted text, so that a title made in one place (an entity rule, a service, a stored
/// notification) is translated where it is shown: the API's problem details, a page, an e-mail. A value inside a
/// template is translated too when it is itself a catalogue text (a label, a status name).
/// </summary>
internal static partial class Strings
{
    /// <summary>Whether the current request's UI language is English (anything else reads Chinese).</summary>
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text in the current UI language.</summary>
    public static string Localize(string? zh) => zh is null ? "" : English ? ToEnglish(zh) : zh;

    /// <summary>One of two texts written side by side (a document-reader error comes with its own English).</summary>
    public static string Pick(string zh, string en) => English ? en : zh;

    /// <summary>The English of a Chinese text: the catalogue's entry, a template's, or the text as it is.</summary>
    public static string ToEnglish(string zh)
    {
        if (zh.Length == 0 || !HasHan(zh)) return zh;
        if (En.TryGetValue(zh, out var exact)) return exact;
        foreach (var t in Templates.Value)
            if (t.TryApply(zh, out var en)) return en;
        return zh;
    }

    /// <summary>The catalogue's entries with values (<c>{0}</c>), the most specific first.</summary>
    private static readonly Lazy<IReadOnlyList<Template>> Templates = new(() => En
        .Where(e => e.Key.Contains("{0}", StringComparison.Ordinal))
        .Select(e => new Template(e.Key, e.Value))
        .OrderByDescending(t => t.Literal)
        .ToList());

    internal static bool HasHan(string s)
    {
        foreach (var c in s)
            if (c is >= '\u3400' and <= '\u9fff') return true;
        return false;
    }

    private sealed class Template
    {
        private readonly Regex pattern;
        private readonly string english;

        public Template(string zh, string en)
        {
            english = en;
            var sb = new StringBuilder("^");
            var literal = 0;
            var literalHan = false;
            var parts = Placeholder().Split(zh); // literal, number, literal, number, …
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (i % 2 == 1)
                    sb.Append("(?<v").Append(part).Append(">.+?)");
                else
                {
                    sb.Append(Regex.Escape(part));
                    literal += part.Count(c => !char.IsWhiteSpace(c));
                    literalHan |= HasHan(part);
                }
            }
            sb.Append('$');
            Literal = literal;
            Joins = !literalHan;
            pattern = new Regex(sb.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }

        /// <summary>How many characters of the template are fixed text (more: tried earlier).</summary>
        public int Literal { get; }

        /// <summary>Only joins values ("{0} {1}", "{0}、{1}"): then every Chinese value must translate.</summary>
        private bool Joins { get; }

        public bool TryApply(string text, out string result)
        {
            result = text;
            Match m;
            try { m = pattern.Match(text); }
            catch (RegexMatchTimeoutException) { return false; }
            if (!m.Success) return false;
            var values = new List<string>();
            for (var i = 0; m.Groups["v" + i.ToString(CultureInfo.InvariantCulture)] is { Success: true } g; i++)
            {
                var v = g.Value;
                var translated = ToEnglish(v.Trim());
                // A template that is only values ("{0} {1}") joins catalogue texts: each Chinese value must translate.
                if (Joins && HasHan(translated)) return false;
                values.Add(translated == v.Trim() ? v.Trim() : translated);
            }
            result = Placeholder().Replace(english, p => int.TryParse(p.Groups[1].Value, out var n) && n < values.Count ? values[n] : p.Value);
            return true;
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
