using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace PlanLedger.Web.Tests.Documents;

/// <summary>A line of text on a PDF page as a reader sees it (letters on one baseline), with its box and letters.</summary>
public sealed record PdfLine(string Text, double Left, double Right, double Bottom, double Top, double Size, IReadOnlyList<Letter> Letters);

/// <summary>A vertical rule drawn on a page (a table's column border): x and its vertical extent.</summary>
public sealed record PdfRule(double X, double Bottom, double Top);

public sealed record PdfPageView(int Number, double Width, double Height, IReadOnlyList<PdfLine> Lines, IReadOnlyList<PdfRule> VerticalRules, IReadOnlyList<string> Fonts);

/// <summary>Reads a PDF the way a person checks a printed page: page size, text lines and where they sit, fonts, table rules.</summary>
public static class PdfPages
{
    public const double PtPerMm = 72 / 25.4;

    public static List<PdfPageView> Read(string pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var pages = new List<PdfPageView>();
        foreach (var page in doc.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var lines = letters
                .GroupBy(l => Math.Round(l.StartBaseLine.Y / 2.0))
                .OrderByDescending(g => g.Key)
                .Select(g =>
                {
                    var ls = g.OrderBy(l => l.BoundingBox.Left).ToList();
                    return new PdfLine(string.Concat(ls.Select(l => l.Value)), ls.Min(l => l.BoundingBox.Left), ls.Max(l => l.BoundingBox.Right),
                        ls.Min(l => l.BoundingBox.Bottom), ls.Max(l => l.BoundingBox.Top), ls.Max(l => l.PointSize), ls);
                }).ToList();
            var rules = new List<PdfRule>();
            foreach (var path in page.Paths)
            {
                foreach (var sub in path)
                {
                    var r = sub.GetBoundingRectangle();
                    if (r is not { } box) continue;
                    if (box.Width < 2.5 && box.Height > 4) rules.Add(new PdfRule((box.Left + box.Right) / 2, box.Bottom, box.Top));
                }
            }
            pages.Add(new PdfPageView(page.Number, page.Width, page.Height, lines, rules, letters.Select(l => l.FontName ?? "").Distinct().ToList()));
        }
        return pages;
    }

    /// <summary>Letters that a vertical table rule passes through (text running over a cell border), as "page: text".</summary>
    public static List<string> Overflows(IEnumerable<PdfPageView> pages)
    {
        var bad = new List<string>();
        foreach (var p in pages)
            foreach (var line in p.Lines)
                foreach (var l in line.Letters)
                {
                    var g = l.BoundingBox;
                    var hit = p.VerticalRules.FirstOrDefault(r => r.X > g.Left + 0.8 && r.X < g.Right - 0.8 && r.Bottom < g.Top - 1 && r.Top > g.Bottom + 1);
                    if (hit is not null)
                        bad.Add($"p{p.Number}: '{l.Value}' [{g.Left:0.0}–{g.Right:0.0}, {g.Bottom:0.0}–{g.Top:0.0}] crosses the rule at x={hit.X:0.0} ({hit.Bottom:0.0}–{hit.Top:0.0}) in: {line.Text}");
                }
        return bad.Distinct().ToList();
    }
}
