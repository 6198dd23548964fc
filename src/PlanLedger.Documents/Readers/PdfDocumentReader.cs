using System.Text;
using System.Text.RegularExpressions;
using PlanLedger.Documents.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using PlanLedger.Documents.Syntax;
using UglyToad.PdfPig.Exceptions;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Reads a PDF's text layer (PdfPig): letters grouped into lines by baseline, lines ordered top to bottom,
/// running headers/footers (the same line at the top or bottom of most pages) and page numbers ("- 3 -",
/// "第 3 页", "3") removed, and lines re-joined into paragraphs across line wraps and page breaks. A line starts
/// a new paragraph when it begins with a list label (一、 （一） 1. （1） ① 一是 第一), is indented, follows a line
/// ending in 。！？： or a line clearly shorter than the text width. <c>Line</c> is the 1-based page number.
/// </summary>
internal static partial class PdfDocumentReader
{
    private sealed record PdfLine(string Text, double Left, double Right, double Y, double Size, int Page, int IndexOnPage, int LinesOnPage, double PageHeight);

    /// <summary>PdfPig's limit on nested operations (content streams, form XObjects); real documents nest a few levels.</summary>
    private const int MaxStackDepth = 64;

    /// <summary>A work plan has tens of pages; thousands are a report or an attack on the reader.</summary>
    private const int MaxPages = 2000;

    /// <summary>
    /// The PDF's paragraphs. A page that cannot be read is skipped with a warning in <paramref name="diagnostics"/>
    /// (all pages bad: "corrupt-pdf"); glyphs drawn in fonts without a Unicode mapping are "undecodable-fonts",
    /// not a scan; no glyphs at all is "no-text".
    /// </summary>
    public static List<SourceBlock> Read(byte[] bytes, List<Diagnostic>? diagnostics = null)
    {
        var lines = new List<PdfLine>();
        var glyphs = new GlyphCount();
        var bad = new List<int>();
        var strict = new StrictCheck(bytes);
        Exception? firstError = null;
        int pages;
        try
        {
            using var doc = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, MaxStackDepth = MaxStackDepth });
            pages = doc.NumberOfPages;
            if (pages > MaxPages) throw ReadErrors.TooManyPages(pages, MaxPages);
            for (var n = 1; n <= pages; n++)
            {
                try
                {
                    var pageLines = PageLines(doc.GetPage(n), glyphs);
                    // Lenient parsing turns a page whose content fails into an empty page: ask a strict parse.
                    if (pageLines.Count == 0 && strict.Fails(n)) bad.Add(n);
                    lines.AddRange(pageLines);
                }
                catch (Exception e) when (e is not (OutOfMemoryException or DocumentReadException or PdfDocumentEncryptedException))
                {
                    bad.Add(n);
                    firstError ??= e;
                }
            }
        }
        catch (PdfDocumentEncryptedException e) { throw ReadErrors.EncryptedPdf(e); }
        catch (DocumentReadException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException) { throw ReadErrors.CorruptPdf(e); }
        finally { strict.Dispose(); }

        if (pages > 0 && bad.Count == pages) throw ReadErrors.CorruptPdf(firstError);
        if (bad.Count > 0)
            diagnostics?.Add(new Diagnostic(DiagnosticSeverity.Warning, "pdf-bad-pages",
                $"第 {string.Join("、", bad)} 页已损坏，无法读取，已跳过（共 {pages} 页） page(s) {string.Join(", ", bad)} of {pages} could not be read and were skipped", bad[0]));
        // Glyphs were drawn but (mostly) do not map to characters: the fonts lack a ToUnicode table — not a scan.
        if (glyphs.Total > 0 && glyphs.Undecodable * 2 > glyphs.Total) throw ReadErrors.UndecodableFonts();
        if (lines.Count == 0) throw ReadErrors.NoText();
        lines = RemoveRunningLines(lines);
        var blocks = JoinParagraphs(lines);
        if (blocks.Count == 0) throw ReadErrors.NoText();
        return blocks;
    }

    // ---------------------------------------------------------------- letters → lines

    private sealed class GlyphCount { public int Total, Undecodable; }

    /// <summary>Whether a page fails to parse without PdfPig's lenient repairs (the document opened once, on demand).</summary>
    private sealed class StrictCheck(byte[] bytes)
    {
        private PdfDocument? _doc;
        private bool _opened, _unusable;

        public bool Fails(int page)
        {
            if (!_opened)
            {
                _opened = true;
                try { _doc = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true, MaxStackDepth = MaxStackDepth }); }
                catch (Exception e) when (e is not OutOfMemoryException) { _unusable = true; }
            }
            if (_unusable || _doc is null) return false;
            try { return _doc.GetPage(page).Letters.Count < 0; }
            catch (Exception e) when (e is not OutOfMemoryException) { return true; }
        }

        public void Dispose() => _doc?.Dispose();
    }

    /// <summary>A glyph whose text is missing, a replacement character, a control or a private-use code point.</summary>
    private static bool Undecodable(string? value)
    {
        if (string.IsNullOrEmpty(value)) return true;
        foreach (var c in value)
            if (!(c == '\ufffd' || c < ' ' || c is >= '\ue000' and <= '\uf8ff')) return false;
        return true;
    }

    private static List<PdfLine> PageLines(Page page, GlyphCount glyphs)
    {
        foreach (var l in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(l.Value) && !string.IsNullOrEmpty(l.Value)) continue; // a space is a space
            glyphs.Total++;
            if (Undecodable(l.Value)) glyphs.Undecodable++;
        }
        var letters = page.Letters.Where(l => !Undecodable(l.Value) || (l.Value is { Length: > 0 } v && string.IsNullOrWhiteSpace(v))).ToList();
        var result = new List<PdfLine>();
        if (letters.Count == 0) return result;

        letters.Sort((a, b) => b.StartBaseLine.Y.CompareTo(a.StartBaseLine.Y));
        var groups = new List<List<Letter>>();
        List<Letter>? current = null;
        double lineY = 0, lineSize = 0;
        foreach (var l in letters)
        {
            var size = Size(l);
            if (current is null || Math.Abs(l.StartBaseLine.Y - lineY) > Math.Max(1, 0.35 * Math.Min(size, lineSize)))
            {
                current = [];
                groups.Add(current);
                lineY = l.StartBaseLine.Y;
                lineSize = size;
            }
            current.Add(l);
        }

        var texts = new List<(string Text, double Left, double Right, double Y, double Size)>();
        foreach (var g in groups)
        {
            g.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var wordGap = WordGap(g);
            var sb = new StringBuilder();
            double prevEnd = double.NaN;
            var pendingSpace = false;
            double left = double.MaxValue, right = double.MinValue;
            var sizes = new List<double>();
            foreach (var l in g)
            {
                var value = TextNormalizer.Normalize(l.Value);
                if (string.IsNullOrWhiteSpace(value)) { pendingSpace = sb.Length > 0; continue; }
                var size = Size(l);
                sizes.Add(size);
                var x = l.StartBaseLine.X;
                if (sb.Length > 0)
                {
                    var gap = x - prevEnd;
                    var wide = TextNormalizer.IsWide(sb[^1]) && TextNormalizer.IsWide(value[0]);
                    var narrow = !TextNormalizer.IsWide(sb[^1]) && !TextNormalizer.IsWide(value[0]);
                    if ((pendingSpace && !wide) || gap > (wide ? 1.5 * size : narrow ? wordGap : 0.25 * size)) sb.Append(' ');
                }
                pendingSpace = false;
                sb.Append(value);
                prevEnd = Math.Max(l.EndBaseLine.X, x + l.Width);
                left = Math.Min(left, x);
                right = Math.Max(right, prevEnd);
            }

            var text = sb.ToString().Trim();
            if (text.Length == 0) continue;
            sizes.Sort();
            texts.Add((text, left, right, g[0].StartBaseLine.Y, sizes[sizes.Count / 2]));
        }

        for (var i = 0; i < texts.Count; i++)
        {
            var t = texts[i];
            result.Add(new PdfLine(t.Text, t.Left, t.Right, t.Y, t.Size, page.Number, i, texts.Count, page.Height));
        }
        return result;
    }

    private static double Size(Letter l) => l.PointSize > 0 ? l.PointSize : Math.Max(1, l.BoundingBox.Height);

    // ---------------------------------------------------------------- headers, footers, page numbers

    /// <summary>
    /// The gap between two Latin letters or digits of a line that separates words, for PDFs that set words without
    /// space glyphs: a little more than the line's usual gap between letters (its median, which tracking and kerning
    /// move), between 0.08 and 0.25 em.
    /// </summary>
    private static double WordGap(List<Letter> line)
    {
        var gaps = new List<double>();
        Letter? prev = null;
        var sizes = 0.0;
        foreach (var l in line)
        {
            if (string.IsNullOrWhiteSpace(l.Value)) { prev = null; continue; }
            sizes += Size(l);
            if (prev is not null && !TextNormalizer.IsWide(prev.Value[^1]) && !TextNormalizer.IsWide(l.Value[0]))
                gaps.Add(l.StartBaseLine.X - Math.Max(prev.EndBaseLine.X, prev.StartBaseLine.X + prev.Width));
            prev = l;
        }
        var size = line.Count > 0 ? sizes / line.Count : 10;
        if (gaps.Count < 3) return 0.25 * size;
        gaps.Sort();
        return Math.Clamp(gaps[gaps.Count / 2] + 0.12 * size, 0.08 * size, 0.25 * size);
    }

    /// <summary>
    /// Removes page numbers at the edges of pages, and running headers and footers: a line in the margin band —
    /// above (below) the page's body, separated from it by a clear gap, among the first (last) two lines — whose
    /// text (digits aside) comes back at the same height on most pages.
    /// </summary>
    private static List<PdfLine> RemoveRunningLines(List<PdfLine> lines)
    {
        var pages = lines.Select(l => l.Page).Distinct().Count();
        var margin = MarginLines(lines);
        var repeated = new HashSet<string>();
        if (pages >= 2)
        {
            var counts = new Dictionary<string, HashSet<int>>();
            foreach (var l in margin)
            {
                var key = EdgeKey(l);
                if (!counts.TryGetValue(key, out var set)) counts[key] = set = [];
                set.Add(l.Page);
            }
            var most = Math.Max(2, (int)Math.Ceiling(pages * 0.6));
            foreach (var (key, set) in counts)
                if (set.Count >= most) repeated.Add(key);
        }

        return lines.Where(l => !(IsEdgeLine(l) && PageNumber().IsMatch(l.Text)) && !(margin.Contains(l) && repeated.Contains(EdgeKey(l)))).ToList();
    }

    /// <summary>Per page: the first lines above, and the last lines below, a gap wider than the body's line spacing.</summary>
    private static HashSet<PdfLine> MarginLines(List<PdfLine> lines)
    {
        var result = new HashSet<PdfLine>(ReferenceEqualityComparer.Instance);
        foreach (var page in lines.GroupBy(l => l.Page))
        {
            var p = page.ToList();
            if (p.Count < 2) continue;
            // Top: line i (i < 2) in the upper quarter whose distance to the next line is a clear gap.
            for (var i = 0; i < Math.Min(2, p.Count - 1); i++)
            {
                if (p[i].Y < p[i].PageHeight * 0.75) break;
                if (p[i].Y - p[i + 1].Y > 1.8 * Math.Max(p[i].Size, p[i + 1].Size))
                {
                    for (var k = 0; k <= i; k++) result.Add(p[k]);
                    break;
                }
            }
            for (var i = p.Count - 1; i >= Math.Max(1, p.Count - 2); i--)
            {
                if (p[i].Y > p[i].PageHeight * 0.25) break;
                if (p[i - 1].Y - p[i].Y > 1.8 * Math.Max(p[i].Size, p[i - 1].Size))
                {
                    for (var k = i; k < p.Count; k++) result.Add(p[k]);
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>The first two or last two lines of a page, or a line in its top or bottom tenth.</summary>
    private static bool IsEdgeLine(PdfLine l) =>
        l.IndexOnPage < 2 || l.IndexOnPage >= l.LinesOnPage - 2 || l.Y > l.PageHeight * 0.9 || l.Y < l.PageHeight * 0.1;

    /// <summary>Top or bottom, the height to 4 pt, and the text with its digits masked (page numbers in headers).</summary>
    private static string EdgeKey(PdfLine l) =>
        $"{(l.Y > l.PageHeight / 2 ? 'T' : 'B')}:{Math.Round(l.Y / 4)}:{Digits().Replace(l.Text, "#")}";

    [GeneratedRegex(@"^\s*[-—–－~·.\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/／]\s*(共\s*)?\d{1,4}\s*页?)?[-—–－~·.\s]*$|^\s*(Page\s+)?\d{1,4}\s+of\s+\d{1,4}\s*$|^\s*共\s*\d+\s*页\s*第\s*\d+\s*页\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    // ---------------------------------------------------------------- lines → paragraphs

    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}[、．.](?!\d)|[（(]\d{1,3}[）)]|[①-⑳]|[一二三四五六七八九十]+是|第[一二三四五六七八九十百]+[，,、条章节部分是])")]
    private static partial Regex ListLabel();

    private static List<SourceBlock> JoinParagraphs(List<PdfLine> lines)
    {
        var blocks = new List<SourceBlock>();
        if (lines.Count == 0) return blocks;

        var lefts = lines.Select(l => l.Left).OrderBy(x => x).ToList();
        var rights = lines.Select(l => l.Right).OrderBy(x => x).ToList();
        var bodyLeft = Mode(lefts);
        var bodyRight = rights[(int)(rights.Count * 0.9)];

        var sb = new StringBuilder();
        var start = 0;
        PdfLine? prev = null;
        foreach (var l in lines)
        {
            if (prev is null || StartsParagraph(prev, l, bodyLeft, bodyRight))
            {
                Flush();
                start = l.Page;
                sb.Append(l.Text);
            }
            else
            {
                if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(l.Text[0])) sb.Append(' ');
                sb.Append(l.Text);
            }
            prev = l;
        }
        Flush();
        return blocks;

        void Flush()
        {
            var s = sb.ToString().Trim();
            sb.Clear();
            if (s.Length > 0) blocks.Add(SourceBlock.Paragraph(s, start));
        }
    }

    private static bool StartsParagraph(PdfLine prev, PdfLine line, double bodyLeft, double bodyRight)
    {
        var size = Math.Max(line.Size, 1);
        if (ListLabel().IsMatch(line.Text)) return true;
        if (prev.Text[^1] is '。' or '！' or '？' or '：' or ':' or '!' or '?') return true;
        if (prev.Right < bodyRight - 1.5 * size) return true;
        if (line.Left > bodyLeft + 1.0 * size) return true;
        if (Math.Abs(line.Size - prev.Size) > 1.5) return true;
        if (line.Page == prev.Page && prev.Y - line.Y > 2.5 * size) return true;
        return false;
    }

    private static double Mode(List<double> sorted)
    {
        double best = sorted[0];
        int bestCount = 0;
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j < sorted.Count && sorted[j] - sorted[i] < 2) j++;
            if (j - i > bestCount) { bestCount = j - i; best = sorted[i]; }
            i = j;
        }
        return best;
    }
}
