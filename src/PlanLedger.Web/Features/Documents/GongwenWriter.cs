using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using L = PlanLedger.Web.Features.Documents.GongwenLayout;

namespace PlanLedger.Web.Features.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a .docx laid out by <see cref="GongwenLayout"/> (Open XML SDK).
/// Portrait A4 sections for text, landscape sections for tables, odd/even footers with "— n —".
/// </summary>
public static class GongwenWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Character spacing of body runs (twips): 16 pt − 0.25 pt = 15.75 pt a character, so 28 fit the 156 mm line.</summary>
    private const int BodyCharSpacing = -5;

    public static byte[] Write(OfficialDocument d)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = Clean(d.Title);
            doc.PackageProperties.Creator = "PlanLedger";
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            AddFontTable(main);
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new DefaultTabStop { Val = (short)(L.Indent2Chars / 2) }, new EvenAndOddHeaders(),
                new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
            var (odd, even) = AddFooters(main);
            var body = new Body();
            var w = new Writer(body, odd, even);
            w.Front(d);
            foreach (var b in d.Body) w.Block(b);
            w.Closing(d);
            foreach (var b in d.Appendix) w.Block(b);
            // A document that ends with a landscape table ends in that landscape section (no empty portrait page after it).
            if (body.LastChild is Paragraph { ParagraphProperties.SectionProperties: { } last } && body.LastChild == w.LastLandscapeEnd)
            {
                last.Remove();
                body.Append(w.Section(landscape: true));
            }
            else body.Append(w.Section(landscape: false));
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }

    private sealed class Writer(Body body, string oddFooter, string evenFooter)
    {
        private bool _landscape;
        public Paragraph? LastLandscapeEnd { get; private set; }

        public void Front(OfficialDocument d)
        {
            if (!string.IsNullOrWhiteSpace(d.HeaderIssuer))
            {
                var issuer = Clean(d.HeaderIssuer);
                // 发文机关标志: red, centred; as large as 小初 but never wider than the 版心.
                var size = Math.Min(L.IssuerPt, Math.Floor(L.TextWidthMm / 25.4 * 72 / Math.Max(1, VisualLength(issuer))));
                body.Append(Para(JustificationValues.Center, exactLine: (int)(size * 20 * 1.3), indent: false,
                    Run(issuer, L.TitleFont, size, color: L.Red)));
                body.Append(Blank());
                if (!string.IsNullOrWhiteSpace(d.DocNumber))
                    body.Append(Para(JustificationValues.Center, indent: false, run: Run(Clean(d.DocNumber), L.BodyFont, L.BodyPt)));
                // 红色分隔线: a red rule under the 文号, the full width of the 版心.
                var rule = Para(JustificationValues.Center, indent: false, exactLine: 240);
                rule.ParagraphProperties!.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18, Color = L.Red, Space = 1 }));
                Reorder(rule.ParagraphProperties!);
                body.Append(rule);
                body.Append(Blank());
            }
            if (!string.IsNullOrWhiteSpace(d.Subtitle))
                body.Append(Para(JustificationValues.Center, indent: false, run: Run(Clean(d.Subtitle), L.Level1Font, L.BodyPt)));
            foreach (var line in Lines(d.Title))
                body.Append(Para(JustificationValues.Center, exactLine: 700, indent: false, run: Run(line, L.TitleFont, L.TitlePt)));
            body.Append(Blank());
            if (!string.IsNullOrWhiteSpace(d.MainRecipient))
                body.Append(Para(JustificationValues.Both, indent: false, run: BodyRun(Clean(d.MainRecipient).TrimEnd('：', ':') + "：")));
        }

        public void Block(DocBlock b)
        {
            switch (b)
            {
                case DocHeading h:
                    var (font, bold) = h.Level switch { 1 => (L.Level1Font, false), 2 => (L.Level2Font, false), 3 => (L.BodyFont, true), _ => (L.BodyFont, false) };
                    foreach (var line in Lines(h.Text))
                        body.Append(Para(JustificationValues.Both, run: Run(line, font, L.BodyPt, bold: bold, spacing: BodyCharSpacing)));
                    break;
                case DocParagraph p:
                    var first = true;
                    foreach (var line in Lines(p.Text))
                    {
                        var runs = new List<Run>();
                        if (first && !string.IsNullOrEmpty(p.Lead)) runs.Add(Run(Clean(p.Lead), L.BodyFont, L.BodyPt, bold: true, spacing: BodyCharSpacing));
                        runs.Add(BodyRun(line));
                        body.Append(Para(Align(p.Align), indent: p.Indent, runs: [.. runs]));
                        first = false;
                    }
                    break;
                case DocTitle t:
                    foreach (var line in Lines(t.Text))
                        body.Append(Para(JustificationValues.Center, exactLine: 700, indent: false, run: Run(line, L.TitleFont, L.TitlePt)));
                    body.Append(Blank());
                    break;
                case DocTable t:
                    Table(t);
                    break;
                case DocPageBreak:
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                    break;
            }
        }

        public void Closing(OfficialDocument d)
        {
            if (d.Attachments.Count > 0)
            {
                body.Append(Blank());
                for (var i = 0; i < d.Attachments.Count; i++)
                {
                    var label = d.Attachments.Count == 1 ? Clean(d.Attachments[i]) : $"{i + 1}.{Clean(d.Attachments[i])}";
                    var p = i == 0
                        ? Para(JustificationValues.Left, indent: true, run: BodyRun("附件：" + label))
                        : Para(JustificationValues.Left, indent: false, run: BodyRun(label));
                    if (i > 0) p.ParagraphProperties!.Indentation = new Indentation { Left = (L.Indent2Chars / 2 * 5).ToString() };
                    body.Append(p);
                }
            }
            if (d.Signature is null && d.Date is null) return;
            body.Append(Blank());
            body.Append(Blank());
            var date = d.Date is { } dt ? DateText(dt) : null;
            if (!string.IsNullOrWhiteSpace(d.Signature))
            {
                // 落款 centred above the 成文日期, which stands four characters from the right edge.
                var sig = Clean(d.Signature);
                var shift = date is null ? 0 : Math.Max(0, (VisualLength(date) - VisualLength(sig)) / 2);
                body.Append(RightAligned(sig, 4 + shift));
            }
            if (date is not null) body.Append(RightAligned(date, 4));
        }

        private Paragraph RightAligned(string text, double charsFromRight)
        {
            var p = Para(JustificationValues.Right, indent: false, run: BodyRun(text));
            p.ParagraphProperties!.Indentation = new Indentation { Right = ((int)(charsFromRight * L.BodyPt * 20)).ToString() };
            Reorder(p.ParagraphProperties);
            return p;
        }

        private void Table(DocTable t)
        {
            // A landscape table is a section of its own: the portrait section before it ends here, the landscape one after it.
            if (t.Landscape) { body.Append(new Paragraph(new ParagraphProperties(Section(landscape: false)))); _landscape = true; }
            if (t.Caption is { } caption)
                foreach (var line in Lines(caption))
                    body.Append(Para(JustificationValues.Center, exactLine: 700, indent: false, run: Run(line, L.TitleFont, L.TitlePt)));

            var widthTw = L.Mm(_landscape ? L.PageHeightMm - 72 : L.TextWidthMm);
            var total = t.Widths.Sum();
            var cols = t.Widths.Select(x => (int)(widthTw * x / total)).ToArray();
            var border = () => new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
            var table = new Table(new TableProperties(
                    new TableWidth { Width = cols.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
                    new TableJustification { Val = TableRowAlignmentValues.Center },
                    border(),
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
                new TableGrid(cols.Select(c => new GridColumn { Width = c.ToString() })));
            var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            for (var i = 0; i < t.Headers.Count; i++)
                header.Append(Cell(t.Headers[i], cols[i], L.Level1Font, L.TableHeaderPt, JustificationValues.Center, shade: "D9D9D9"));
            table.Append(header);
            foreach (var row in t.Rows)
            {
                var tr = new TableRow();
                if (row.Cells.Count == 1 && t.Headers.Count > 1)
                {
                    var c = Cell(row.Cells[0], cols.Sum(), L.Level1Font, L.TablePt, JustificationValues.Left, shade: row.Emphasis ? "F2F2F2" : null);
                    c.TableCellProperties!.Append(new GridSpan { Val = cols.Length });
                    Reorder(c.TableCellProperties);
                    tr.Append(c);
                }
                else
                    for (var i = 0; i < t.Headers.Count; i++)
                        tr.Append(Cell(i < row.Cells.Count ? row.Cells[i] : "", cols[i], row.Emphasis ? L.Level1Font : L.BodyFont, L.TablePt,
                            JustificationValues.Left, shade: row.Emphasis ? "F2F2F2" : null));
                table.Append(tr);
            }
            body.Append(table);
            var after = Para(JustificationValues.Left, indent: false, exactLine: 240);
            if (_landscape) { after.ParagraphProperties!.Append(Section(landscape: true)); _landscape = false; LastLandscapeEnd = after; }
            body.Append(after);
        }

        private static TableCell Cell(string text, int width, string font, double pt, JustificationValues align, string? shade)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
            if (shade is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = shade, Color = "auto" });
            props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            var cell = new TableCell(props);
            foreach (var line in Lines(text, keepEmpty: true))
            {
                var p = new Paragraph(new ParagraphProperties(new OverflowPunctuation { Val = false }, new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" },
                    new Justification { Val = align }), Run(line, font, pt));
                cell.Append(p);
            }
            return cell;
        }

        /// <summary>The section properties of the section that ends here (portrait or landscape), with both footers.</summary>
        public SectionProperties Section(bool landscape) => new(
            new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooter },
            new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooter },
            landscape
                ? new PageSize { Width = (uint)L.Mm(L.PageHeightMm), Height = (uint)L.Mm(L.PageWidthMm), Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = (uint)L.Mm(L.PageWidthMm), Height = (uint)L.Mm(L.PageHeightMm) },
            landscape
                ? new PageMargin { Top = L.Mm(L.LeftMm), Bottom = L.Mm(L.RightMm), Left = (uint)L.Mm(L.BottomMm), Right = (uint)L.Mm(L.TopMm), Header = 851, Footer = (uint)L.FooterMm, Gutter = 0 }
                : new PageMargin { Top = L.Mm(L.TopMm), Bottom = L.Mm(L.BottomMm), Left = (uint)L.Mm(L.LeftMm), Right = (uint)L.Mm(L.RightMm), Header = 851, Footer = (uint)L.FooterMm, Gutter = 0 },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = L.LinePitch });
    }

    private static Paragraph Para(JustificationValues align, int? exactLine = null, bool indent = true, Run? run = null, params Run[] runs)
    {
        // No punctuation hanging into the margin (Word's and LibreOffice's default): the 版心 is a hard edge.
        var props = new ParagraphProperties(new OverflowPunctuation { Val = false });
        props.Append(new SpacingBetweenLines { Line = (exactLine ?? L.LinePitch).ToString(), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        if (indent) props.Append(new Indentation { FirstLine = L.Indent2Chars.ToString() });
        props.Append(new Justification { Val = align });
        var p = new Paragraph(props);
        if (run is not null) p.Append(run);
        foreach (var r in runs) p.Append(r);
        return p;
    }

    private static Paragraph Blank() => Para(JustificationValues.Left, indent: false);

    private static Run BodyRun(string text) => Run(text, L.BodyFont, L.BodyPt, spacing: BodyCharSpacing);

    private static Run Run(string text, string font, double pt, bool bold = false, string? color = null, int? spacing = null)
    {
        var props = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia });
        if (bold) props.Append(new Bold(), new BoldComplexScript());
        if (color is not null) props.Append(new Color { Val = color });
        if (spacing is { } s) props.Append(new Spacing { Val = s });
        props.Append(new FontSize { Val = L.HalfPoints(pt).ToString() }, new FontSizeComplexScript { Val = L.HalfPoints(pt).ToString() });
        return new Run(props, new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static JustificationValues Align(DocAlign a) => a switch
    {
        DocAlign.Left => JustificationValues.Left, DocAlign.Center => JustificationValues.Center,
        DocAlign.Right => JustificationValues.Right, _ => JustificationValues.Both,
    };

    /// <summary>Puts paragraph/cell property children in schema order after an append (Word refuses out-of-order elements).</summary>
    private static void Reorder(OpenXmlCompositeElement props)
    {
        var order = new[] { typeof(ParagraphBorders), typeof(OverflowPunctuation), typeof(SpacingBetweenLines), typeof(Indentation), typeof(Justification), typeof(SectionProperties) };
        if (props is ParagraphProperties)
        {
            var kids = props.ChildElements.ToList();
            props.RemoveAllChildren();
            foreach (var k in kids.OrderBy(k => Array.IndexOf(order, k.GetType()) is var i && i < 0 ? -1 : i)) props.Append(k);
        }
        else if (props is TableCellProperties)
        {
            var cellOrder = new[] { typeof(TableCellWidth), typeof(GridSpan), typeof(Shading), typeof(TableCellVerticalAlignment) };
            var kids = props.ChildElements.ToList();
            props.RemoveAllChildren();
            foreach (var k in kids.OrderBy(k => Array.IndexOf(cellOrder, k.GetType()))) props.Append(k);
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = L.BodyFont, HighAnsi = L.BodyFont, EastAsia = L.BodyFont, ComplexScript = L.BodyFont },
                    new FontSize { Val = L.HalfPoints(L.BodyPt).ToString() }, new FontSizeComplexScript { Val = L.HalfPoints(L.BodyPt).ToString() },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = L.LinePitch.ToString(), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "footer" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }))
            { Type = StyleValues.Paragraph, StyleId = "Footer" });
    }

    private static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        var fonts = new Fonts();
        foreach (var (name, alt, family, panose) in L.Fonts)
            fonts.Append(new Font(new AltName { Val = alt }, new Panose1Number { Val = panose }, new FontCharSet { Val = "86" },
                new FontFamily { Val = family switch { "roman" => FontFamilyValues.Roman, "modern" => FontFamilyValues.Modern, "swiss" => FontFamilyValues.Swiss, _ => FontFamilyValues.Auto } },
                new Pitch { Val = FontPitchValues.Variable }) { Name = name });
        part.Fonts = fonts;
    }

    /// <summary>Odd pages: "— n —" right, one character in; even pages: left, one character in (四号 宋体).</summary>
    private static (string Odd, string Even) AddFooters(MainDocumentPart main)
    {
        string Add(bool odd)
        {
            var part = main.AddNewPart<FooterPart>();
            var props = new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new SnapToGrid { Val = false },
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" },
                odd ? new Indentation { Right = L.PageNumberInset.ToString() } : new Indentation { Left = L.PageNumberInset.ToString() },
                new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left });
            var p = new Paragraph(props,
                Run("— ", L.PageNumberFont, L.PageNumberPt),
                new SimpleField(Run("1", L.PageNumberFont, L.PageNumberPt)) { Instruction = " PAGE " },
                Run(" —", L.PageNumberFont, L.PageNumberPt));
            part.Footer = new Footer(p);
            return main.GetIdOfPart(part);
        }
        return (Add(true), Add(false));
    }

    /// <summary>成文日期 in Arabic numerals without padding: 2026年5月6日.</summary>
    public static string DateText(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>Width in character cells (ASCII counts half).</summary>
    private static double VisualLength(string s) => s.Sum(c => c < 0x2E80 ? 0.5 : 1.0);

    private static IEnumerable<string> Lines(string? text, bool keepEmpty = false)
    {
        var lines = Clean(text ?? "").Replace("\r\n", "\n").Split('\n').Select(l => l.Trim());
        var list = keepEmpty ? lines.ToList() : lines.Where(l => l.Length > 0).ToList();
        return list.Count == 0 ? [""] : list;
    }

    /// <summary>Removes characters XML cannot hold (control characters from scraped documents).</summary>
    public static string Clean(string s) =>
        s.Any(c => c < 0x20 && c is not '\n' and not '\r' || c is '\uFFFE' or '\uFFFF')
            ? new string(s.Where(c => (c >= 0x20 || c is '\n' or '\r') && c is not '\uFFFE' and not '\uFFFF').ToArray()) : s;
}
