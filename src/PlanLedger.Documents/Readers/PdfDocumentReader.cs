using System.Text;
using System.Text.RegularExpressions;
using PlanLedger.Documents.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
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

    public static List<SourceBlock> Read(byte[] bytes)
    {
        List<PdfLine> lines;
        try
        {
            using var doc = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, MaxStackDepth = MaxStackDepth });
            if (doc.NumberOfPages > MaxPages) throw ReadErrors.TooManyPages(doc.NumberOfPages, MaxPages);
            lines = [];
            foreach (var page in doc.GetPages()) lines.AddRange(PageLines(page));
        }
        catch (PdfDocumentEncryptedException e) { throw ReadErrors.EncryptedPdf(e); }
        catch (DocumentReadException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException) { throw ReadErrors.CorruptPdf(e); }

        if (lines.Count == 0) throw ReadErrors.NoText();
        lines = RemoveRunningLines(lines);
        var blocks = JoinParagraphs(lines);
        if (blocks.Count == 0) throw ReadErrors.NoText();
        return blocks;
    }

    // ---------------------------------------------------------------- letters → lines

    private static List<PdfLine> PageLines(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrEmpty(l.Value)).ToList();
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
                    if ((pendingSpace && !wide) || gap > (wide ? 1.5 : 0.25) * size) sb.Append(' ');
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

    private static List<PdfLine> RemoveRunningLines(List<PdfLine> lines)
    {
        var pages = lines.Select(l => l.Page).Distinct().Count();
        var repeated = new HashSet<string>();
        if (pages >= 2)
        {
            var counts = new Dictionary<string, HashSet<int>>();
            foreach (var l in lines.Where(IsEdgeLine))
            {
                var key = EdgeKey(l);
                if (!counts.TryGetValue(key, out var set)) counts[key] = set = [];
                set.Add(l.Page);
            }
            foreach (var (key, set) in counts)
                if (set.Count >= Math.Max(2, (pages + 1) / 2)) repeated.Add(key);
        }

        return lines.Where(l => !(IsEdgeLine(l) && (PageNumber().IsMatch(l.Text) || repeated.Contains(EdgeKey(l))))).ToList();
    }

    /// <summary>The first two or last two lines of a page, or a line in its top or bottom tenth.</summary>
    private static bool IsEdgeLine(PdfLine l) =>
        l.IndexOnPage < 2 || l.IndexOnPage >= l.LinesOnPage - 2 || l.Y > l.PageHeight * 0.9 || l.Y < l.PageHeight * 0.1;

    private static string EdgeKey(PdfLine l) =>
        $"{(l.Y > l.PageHeight / 2 ? 'T' : 'B')}:{Digits().Replace(l.Text, "#")}";

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
