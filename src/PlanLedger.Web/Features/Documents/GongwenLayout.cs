namespace PlanLedger.Web.Features.Documents;

/// <summary>
/// The layout rules of GB/T 9704-2012《党政机关公文格式》, in one place. Lengths are in twentieths of a point (twips,
/// 1 mm = 56.69 twips), font sizes in half-points as Word stores them.
/// <list type="bullet">
/// <item>A4 210 × 297 mm; margins top 37 mm, bottom 35 mm, left (binding side) 28 mm, right 26 mm: a 156 × 225 mm 版心.</item>
/// <item>22 lines of 28 characters: body 三号 (16 pt) 仿宋_GB2312; fixed line spacing 225 mm / 22 ≈ 28.9 pt; the
///   character grid pitch 156 mm / 28 ≈ 15.8 pt.</item>
/// <item>Title 二号 (22 pt) 方正小标宋简体, centred; levels 一、黑体 · （一）楷体_GB2312 · 1. and （1）仿宋_GB2312; paragraphs
///   indented two characters.</item>
/// <item>版头: issuer (发文机关标志) red 方正小标宋简体, 文号 三号 仿宋 centred, red rule under it.</item>
/// <item>Page numbers "— 1 —" 四号 (14 pt) 宋体, 7 mm below the 版心; odd pages right, even pages left, one character in.</item>
/// <item>Table pages are landscape sections (297 × 210 mm) whose margins stay on the same sheet edges (the binding
///   edge becomes the top): top 28, bottom 26, left 37, right 35 mm; table text 五号 (10.5 pt).</item>
/// </list>
/// The fonts the standard names are rarely installed outside Chinese Windows: every one is declared in the font table
/// with the common Windows name (宋体/黑体/楷体/仿宋) as its alternative, and families and panose that make Word,
/// WPS and LibreOffice pick a serif (Song) or sans (Hei) CJK font present on the machine.
/// </summary>
public static class GongwenLayout
{
    public const double TwipsPerMm = 1440 / 25.4;
    public static int Mm(double mm) => (int)Math.Round(mm * TwipsPerMm);

    public const double PageWidthMm = 210, PageHeightMm = 297;
    public const double TopMm = 37, BottomMm = 35, LeftMm = 28, RightMm = 26;
    public const int LinesPerPage = 22, CharsPerLine = 28;
    public static double TextWidthMm => PageWidthMm - LeftMm - RightMm;      // 156
    public static double TextHeightMm => PageHeightMm - TopMm - BottomMm;    // 225

    /// <summary>Fixed line spacing: 225 mm / 22 lines ≈ 28.95 pt (579 twips, rounded down so that 22 lines fit).</summary>
    public static int LinePitch => (int)Math.Floor(TextHeightMm * TwipsPerMm / LinesPerPage);
    /// <summary>Character grid pitch in points: 156 mm / 28 ≈ 15.8 pt.</summary>
    public static double CharPitchPt => TextWidthMm / 25.4 * 72 / CharsPerLine;

    // Sizes in points (号 → pt): 初号 42, 小初 36, 一号 26, 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5.
    public const double IssuerPt = 36, TitlePt = 22, BodyPt = 16, PageNumberPt = 14, TablePt = 10.5, TableHeaderPt = 12;
    public static int HalfPoints(double pt) => (int)Math.Round(pt * 2);

    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string Level1Font = "黑体";
    public const string Level2Font = "楷体_GB2312";
    public const string PageNumberFont = "宋体";
    public const string Red = "FF0000";

    /// <summary>Two characters of first-line indent (2 × 16 pt).</summary>
    public static int Indent2Chars => (int)(2 * BodyPt * 20);
    /// <summary>One character of the page-number size, the distance of the page number from the 版心 edge.</summary>
    public static int PageNumberInset => (int)(PageNumberPt * 20);
    /// <summary>Footer distance from the bottom edge so that the page number's top is 7 mm below the 版心.</summary>
    public static int FooterMm => Mm(BottomMm - 7 - PageNumberPt * 25.4 / 72 - 1);

    /// <summary>Declared fonts: name, alternative name present on most machines, family (roman = serif/Song, swiss = sans/Hei), panose.</summary>
    public static readonly (string Name, string Alt, string Family, string Panose)[] Fonts =
    [
        (TitleFont, "宋体", "roman", "02000000000000000000"),
        (BodyFont, "仿宋", "modern", "02010609030101010101"),
        (Level1Font, "SimHei", "modern", "02010609060101010101"),
        (Level2Font, "楷体", "modern", "02010609030101010101"),
        (PageNumberFont, "SimSun", "auto", "02010600030101010101"),
    ];
}
