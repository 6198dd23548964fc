using System.Text.RegularExpressions;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Builds the item tree from paragraphs: each label opens an item; a label style seen before on the
/// current path closes back to that level (so skipped levels, restarts per section and continuous
/// numbers across sections all nest as a reader sees them); unlabelled paragraphs continue the current
/// item. The preamble before the first label and the trailer after the body (落款, 印发, 抄送) are kept
/// apart for the metadata parser.
/// </summary>
internal sealed partial class StructureBuilder(ParseOptions options)
{
    public List<ItemDraft> Roots { get; } = [];
    public List<string> Preamble { get; } = [];
    public List<string> Trailer { get; } = [];

    private readonly List<ItemDraft> _stack = [];
    private bool _inBody;
    private bool _ended;

    [GeneratedRegex(@"^(?:具体|主要|工作|重点|推进|保障)?(?:措施|举措|做法|步骤|指标|考评指标|考核指标|评分细则)[:：]$|(?:具体措施|主要措施|工作措施|重点措施)[:：]$")]
    private static partial Regex MeasuresLine();

    [GeneratedRegex(@"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")]
    private static partial Regex PointValue();

    [GeneratedRegex(@"^附\s*件\s*\d{0,2}\s*[:：]")]
    private static partial Regex AttachmentListLine();

    [GeneratedRegex(@"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|发布|制发)?|抄送[:：].*|抄报[:：].*|主送[:：].*|.{0,30}(?:办公室|办公厅)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发.*)$")]
    private static partial Regex TrailerLine();

    [GeneratedRegex(@"^.{2,30}(?:局|厅|委|委员会|政府|办公室|办公厅|中心|部|院|署|会|处|科|校|中学|小学|幼儿园)$")]
    private static partial Regex SignatureLine();

    /// <summary>The item the next unlabelled paragraph would continue, if any.</summary>
    public ItemDraft? Current => _stack.Count > 0 ? _stack[^1] : null;

    /// <summary>A 附件 line opens a level-1 attachment item; a signature held back before it was the 落款.</summary>
    public void OpenAttachment(Paragraph p, Blocks.BlockParser parser)
    {
        if (_pendingSignature is not null) { Trailer.Add(_pendingSignature.Text); _pendingSignature = null; }
        var att = new ItemDraft { Kind = LabelKind.Attachment, Label = "附件", Source = p, FirstOffset = p.Offset, First = "", Parser = parser };
        _stack.Clear();
        Roots.Add(att);
        _stack.Add(att);
        _ended = false;
        _inBody = true;
    }

    public void Add(Paragraph p)
    {
        var text = p.Text;
        if (!_inBody && (p.Outline || Contents(text)))
        {
            Preamble.Add(text);
            return;
        }
        if (!_inBody)
        {
            if (IsBodyStart(text))
            {
                _inBody = true;
                // A later page of a long text ("四、工作保障" / "（一）明确责任。…"): the section line just before the first
                // child numbered 1 opens the body, whatever its own number.
                if (_lastPreamble is { } section && Preamble.Count > 0 && ReferenceEquals(Preamble[^1], section.Text) && OpensExcerpt(section.Text, text))
                {
                    Preamble.RemoveAt(Preamble.Count - 1);
                    AddBody(section);
                }
            }
            else
            {
                Preamble.Add(text);
                _lastPreamble = p;
                return;
            }
        }

        if (_ended)
        {
            Trailer.Add(text);
            return;
        }
        if (_pendingSignature is not null)
        {
            var pending = _pendingSignature;
            _pendingSignature = null;
            if (IsDateLine(text))
            {
                _ended = true;
                Trailer.Add(pending.Text);
                Trailer.Add(text);
                return;
            }
            AddBody(pending);
        }
        if (_stack.Count > 0 && IsSignature(text) && !LabelParser.TryMatch(text, out _))
        {
            // A 落款 only when a date follows it: "…新格局", "…服务中心" headings do not end the document.
            _pendingSignature = p;
            return;
        }
        if (AttachmentListLine().IsMatch(text) || (_stack.Count > 0 && IsClosing(text)))
        {
            _ended = true;
            Trailer.Add(text);
            return;
        }
        AddBody(p);
    }

    private Paragraph? _pendingSignature;

    /// <summary>The last paragraph put in the preamble (a section line an excerpt may open with).</summary>
    private Paragraph? _lastPreamble;

    /// <summary>"四、工作保障" right before "（一）…" or "1.…": a section line (not 一/二, which open a body anyway) over its first child.</summary>
    private static bool OpensExcerpt(string section, string child) =>
        LabelParser.TryMatch(section, out var s) && s.Kind is LabelKind.ChineseComma or LabelKind.Part && s.Number > 2
        && section.Length - s.Length is > 0 and <= 30 && !section.Contains('。')
        && LabelParser.TryMatch(child, out var c) && c.Kind is LabelKind.ChineseParen or LabelKind.Arabic && c.Number == 1;

    /// <summary>Whether the preamble is inside a table of contents (after a <c>目录</c> line, before the first document).</summary>
    private bool _inContents;

    /// <summary>
    /// A compilation's table of contents: a <c>目录</c> line, then entries that end with their page number
    /// ("区教育局2024年工作要点15", some numbered "2.", a number alone on a line). The entries are no items; the body
    /// starts after them.
    /// </summary>
    private bool Contents(string text)
    {
        if (ContentsLine().IsMatch(text)) { _inContents = true; return true; }
        if (!_inContents) return false;
        if (ContentsEntry().IsMatch(text)) return true;
        _inContents = false;
        return false;
    }

    [GeneratedRegex(@"^目\s*录$")]
    private static partial Regex ContentsLine();

    [GeneratedRegex(@"^(?:\d{1,3}\s*[.．、]?|(?:\d{1,3}\s*[.．、])?\s*\D.{2,80}?\D\s*[.…·]{0,40}\s*\d{1,4})$")]
    private static partial Regex ContentsEntry();

    /// <summary>End of input: a signature line held back without a date after it is the 落款 after all.</summary>
    public void Finish()
    {
        if (_pendingSignature is not null)
        {
            Trailer.Add(_pendingSignature.Text);
            _pendingSignature = null;
            _ended = true;
        }
        foreach (var root in Roots) MarkCutLines(root, _cutLines > 0);
        foreach (var root in Roots) PlaceParagraphsAfterLastChild(root);
        DropClosingMatter();
    }

    /// <summary>
    /// An unlabelled paragraph after the last child of an item (before the next label at that item's level or
    /// above) belongs to that item, not to the last child.
    /// </summary>
    private static void PlaceParagraphsAfterLastChild(ItemDraft item)
    {
        foreach (var c in item.Children) PlaceParagraphsAfterLastChild(c);
        if (item.Children.Count == 0 || item.Kind is LabelKind.Attachment or LabelKind.TableRow or LabelKind.Measure) return;
        var last = item.Children[^1];
        if (last.Children.Count > 0 || last.More.Count == 0 || last.KeepsParagraphs || last.Kind is LabelKind.TableRow or LabelKind.Measure or LabelKind.Attachment) return;
        // A child that is only a title line ("（二）工作原则") has its body in the paragraphs after it.
        if (IsTitleLine(last)) return;
        // A child's line cut inside its sentence ("2.推进…活动,将开学第一课" / "作为一项政治任务,…") goes on in the paragraph after it.
        if (last.ContinuesOnNextLine) return;
        // "——建设廉洁政治。…" entries are the list of the child above them (its goals, its principles).
        if (last.More[0].Text.StartsWith("——", StringComparison.Ordinal)) return;
        item.More.AddRange(last.More);
        last.More.Clear();
    }

    /// <summary>Body lines that end with a comma or 、 and go on in the next paragraph: the page kept line breaks inside sentences.</summary>
    private int _cutLines;

    private static bool EndsInsideClause(string text) => text.Length > 0 && text[^1] is '，' or ',' or '、';

    private static void MarkCutLines(ItemDraft item, bool cutLines)
    {
        foreach (var c in item.Children) MarkCutLines(c, cutLines);
        if (item.More.Count > 0 && item.Kind is not (LabelKind.Attachment or LabelKind.TableRow or LabelKind.Measure)
            && !Extractors.UnitExtractor.IsRoleLine(item.More[0].Text) && !item.More[0].Text.StartsWith("——", StringComparison.Ordinal))
            item.ContinuesOnNextLine = StopsInsideSentence(item, cutLines);
    }

    /// <summary>
    /// A label line that ends with a comma or 、, or — in a text whose lines break inside sentences — with a word after a
    /// clause of its own and no closing mark ("2.推进…活动,将开学第一课"): its sentence goes on in the next paragraph.
    /// </summary>
    private static bool StopsInsideSentence(ItemDraft item, bool cutLines)
    {
        var first = item.First.TrimEnd();
        if (first.Length == 0 || item.Source is not { RunOn: false }) return false;
        var end = first[^1];
        if (EndsInsideClause(first)) return true;
        return cutLines && first.IndexOfAny(['。', '；', ';', '！', '？', '!', '?', '：', ':']) < 0 && Cjk.IsHan(end) && first.IndexOfAny(['，', ',']) > 0 && item.More[0].Text is { Length: > 0 } next && Cjk.IsHan(next[0]);
    }

    /// <summary>
    /// A label line that is only a title ("（二）工作原则"), also closed by its one full stop ("（一）发展环境。"); a short
    /// line with a number in it ("4.零售总额增长10.5%以上。") is a sentence, not a title. A line without any punctuation is a
    /// title however long ("（一）2019年国家督导发现问题的整改落实情况和…的达标情况", 41 characters): a sentence would have
    /// a comma or a stop in it.
    /// </summary>
    private static bool IsTitleLine(ItemDraft item)
    {
        var stop = item.First.EndsWith('。');
        var first = stop ? item.First[..^1] : item.First;
        if (stop && (first.Length > 20 || first.Any(char.IsDigit))) return false;
        return first.Length > 0 && first.Length <= (stop ? 30 : 60) && item.Source is { RunOn: false } && !Cjk.HasSentencePunctuation(first)
            && first.IndexOfAny(['，', ',', '：', ':']) < 0;
    }

    /// <summary>
    /// After the body's last item, paragraphs addressed to all recipients are closing matter, and so is the notice's
    /// contact block ("联系人：…", "电 话：…", "聯系人:…,聯系電話:…") with everything after it.
    /// </summary>
    private void DropClosingMatter()
    {
        if (Roots.Count == 0 || Roots[^1].Kind == LabelKind.Attachment) return;
        var owner = Roots[^1];
        while (owner.Children.Count > 0 && owner.More.Count == 0) owner = owner.Children[^1];
        var cut = owner.More.FindIndex(p => (AddressedToAll().IsMatch(p.Text) || Outlook().IsMatch(p.Text)) && p.Text.Length <= 200);
        // The item's only body may itself be addressed to all ("各单位应…"): then the contact block after it still closes.
        if (cut == 0 && owner.Children.Count == 0 && !owner.First.Contains('。')) cut = -1;
        var contact = owner.More.FindIndex(p => IsContactLine(p.Text));
        if (contact > 0 || contact == 0 && (owner.Children.Count > 0 || owner.First.Contains('。'))) cut = cut < 0 ? contact : Math.Min(cut, contact);
        if (cut < 0) return;
        // Only when nothing after it reads as the item's own content.
        foreach (var p in owner.More.Skip(cut)) Trailer.Add(p.Text);
        owner.More.RemoveRange(cut, owner.More.Count - cut);
    }

    private void AddBody(Paragraph p)
    {
        var text = p.Text;

        if (LabelParser.TryMatch(text, out var label) && Accepts(label) || SequelDecimalLabel(text, out label) || p.LostDot && LabelParser.TryLostDot(text, out label))
        {
            if (EndsInsideClause(text)) _cutLines++;
            Open(label, p);
            return;
        }
        if (_stack.Count == 0)
        {
            Preamble.Add(text);
            return;
        }
        var current = _stack[^1];
        if (current.Kind == LabelKind.Attachment && current.Children.Count == 0)
        {
            // The line(s) under 附件 are the attachment's title.
            current.First = current.First.Length == 0 ? text : current.First + text;
            return;
        }
        current.More.Add(p);
        if (EndsInsideClause(text)) _cutLines++;
        if (MeasuresLine().IsMatch(text)) current.MeasuresFollow = true;
    }

    /// <summary>A task table (real, or rebuilt from one-cell-per-line paragraphs) at the current position.</summary>
    public void AddTable(TaskTable table)
    {
        _inBody = true;
        _ended = false;
        ItemDraft? container = null;
        if (_stack.Count > 0 && _stack[0].Kind == LabelKind.Attachment) container = _stack[0];
        foreach (var row in table.Rows)
        {
            row.Parent = container;
            if (container is null) Roots.Add(row); else container.Children.Add(row);
        }
        if (container is not null && container.First.Length == 0 && table.Title is not null) container.First = table.Title;
        // After a table the trailer rules apply again.
        _stack.Clear();
        if (container is not null) _stack.Add(container);
    }

    private bool IsBodyStart(string text) =>
        LabelParser.TryMatch(text, out var m) && m.Kind is LabelKind.Part or LabelKind.ChineseComma or LabelKind.ChineseParen
            or LabelKind.Arabic or LabelKind.Shi or LabelKind.Ordinal && m.Number <= 2;

    /// <summary>
    /// Each regex runs only where it can match, read from its pattern (decision 0005): <see cref="TrailerLine"/> starts
    /// with a digit or 抄/主 or has 印发 in it, <see cref="ChineseNumeralDate"/> has 年 after its four digits,
    /// <see cref="ClosingFormula"/> starts with 特此, 请 or 以上 — this runs on every body paragraph.
    /// </summary>
    private static bool IsClosing(string text) =>
        text.Length > 0 && ((char.IsDigit(text[0]) || text[0] is '抄' or '主' || text.Contains("印发", StringComparison.Ordinal)) && TrailerLine().IsMatch(text)
            || text.Length > 4 && text[4] == '年' && ChineseNumeralDate().IsMatch(text)
            || text[0] is '特' or '请' or '以' && ClosingFormula().IsMatch(text));

    [GeneratedRegex(@"^(?:特此(?:通知|通报|报告|函告|公告|批复)|请.{0,24}(?:贯彻执行|遵照执行|认真执行|抓好落实|贯彻落实|执行)|以上(?:意见|方案|要点)?.{0,6}请.{0,20})[。！]?$")]
    private static partial Regex ClosingFormula();

    /// <summary>
    /// Paragraphs addressed to all recipients after the body's last item: "各县区要于每月5日前报送进展情况。", also as a request
    /// ("请各校高度重视，…").
    /// </summary>
    [GeneratedRegex(@"^请?各[\p{IsCJKUnifiedIdeographs}、]{0,12}?(?:要|请|须|务必|应当|应|高度重视)")]
    private static partial Regex AddressedToAll();

    /// <summary>
    /// A contact line: 联系人, 联系电话, 联系方式, 电话, 手机, 邮箱, 电子邮箱 or 传真 before a colon, layout spaces allowed
    /// ("电 话:7212142"), also in traditional characters (聯系人, 電話).
    /// </summary>
    private static bool IsContactLine(string text) =>
        text.Length > 2 && text[0] is '联' or '聯' or '电' or '電' or '手' or '邮' or '郵' or '传' or '傳' && ContactLine().IsMatch(Text.TraditionalFold.Apply(text));

    [GeneratedRegex(@"^(?:联\s*系\s*人|联\s*系\s*电\s*话|联\s*系\s*方\s*式|电\s*话|手\s*机|电\s*子\s*邮\s*箱|邮\s*箱|传\s*真)\s*[:：]")]
    private static partial Regex ContactLine();

    /// <summary>A report's closing outlook after its last item: "在今后的工作中,我们将…", "今后,我校将…".</summary>
    [GeneratedRegex(@"^(?:在)?今后(?:的工作中)?[，,]?(?:我们|我校|我局|我县|我区|我市|我单位)(?:将|要|会)")]
    private static partial Regex Outlook();

    private static bool IsSignature(string text) =>
        text.Length <= 30 && !Cjk.HasSentencePunctuation(text) && text.IndexOfAny([':', '：', '(', '（']) < 0 && SignatureLine().IsMatch(Text.TraditionalFold.Apply(text));

    private static bool IsDateLine(string text) => DateOnlyLine().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|(?:19|20)\d{2}[.．]\d{1,2}[.．]\d{1,2})(?:\s*印发)?$")]
    private static partial Regex DateOnlyLine();

    [GeneratedRegex(@"^[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$")]
    private static partial Regex ChineseNumeralDate();

    /// <summary>
    /// "11.121人才梯队项目" after item 10: a number whose dot is followed by digits reads as a decimal, but when the number
    /// is the next of the Arabic items on the current path and Chinese text follows the digits, it is that item's label.
    /// </summary>
    private bool SequelDecimalLabel(string text, out LabelMatch label)
    {
        label = default;
        var m = DecimalStart().Match(text);
        if (!m.Success) return false;
        var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var last = _stack.FindLast(d => d.Kind == LabelKind.Arabic);
        if (last is null || last.Number != n - 1) return false;
        label = new LabelMatch(LabelKind.Arabic, m.Groups[1].Value, n, m.Groups[1].Length + 1);
        return true;
    }

    [GeneratedRegex(@"^(\d{1,3})[.．]\d{1,4}(?=[^万亿千百倍年月日\P{IsCJKUnifiedIdeographs}])")]
    private static partial Regex DecimalStart();

    private static bool Accepts(LabelMatch label) => label.Kind != LabelKind.None;

    private void Open(LabelMatch label, Paragraph p)
    {
        // Close back to a sibling of the same style when that style is on the path.
        var idx = _stack.FindLastIndex(d => SameStyle(d.Kind, label.Kind));
        if (idx >= 0 && !RestartsBelow(_stack[idx], label)) _stack.RemoveRange(idx, _stack.Count - idx);
        var parent = _stack.Count > 0 ? _stack[^1] : null;
        if (parent is not null && _stack.Count >= options.MaxDepth)
        {
            // Too deep (hostile input): keep the paragraph as text of the deepest item.
            parent.More.Add(p);
            parent.KeepsParagraphs = true;
            return;
        }
        var item = new ItemDraft
        {
            Kind = label.Kind,
            Label = label.Label,
            Number = label.Number,
            Parent = parent,
            First = p.Text[label.Length..].Trim(),
            // Measures listed under a task ("具体措施：1．…") and scored indicators ("…（0.8分）") have no heading.
            NoHeading = parent is { MeasuresFollow: true } && label.Kind is not (LabelKind.ChineseComma or LabelKind.Part)
                || label.Kind is LabelKind.Arabic or LabelKind.ArabicParen && PointValue().IsMatch(p.Text)
                || InClauseList(parent is null ? Roots : parent.Children, label.Kind),
            Source = p,
            FirstOffset = p.Offset + label.Length,
        };
        if (parent is null) Roots.Add(item); else parent.Children.Add(item);
        _stack.Add(item);
    }

    private static bool SameStyle(LabelKind a, LabelKind b) => a == b;

    /// <summary>
    /// "一、全市教育工作总结" directly followed by "一、完善…": a first item right under a first item of the same style that has
    /// nothing of its own yet is the numbering restarting one level down, not a repeat of the sibling.
    /// </summary>
    private bool RestartsBelow(ItemDraft open, LabelMatch label) =>
        label.Number == 1 && open.Number == 1 && ReferenceEquals(open, _stack[^1]) && open.Children.Count == 0 && open.More.Count == 0
        && open.First.Length is > 0 and <= 30 && open.First.IndexOfAny(['。', '；', ';', '，', ',']) < 0;

    /// <summary>
    /// "1、教室光线不够充足；2、…；4、浴池设施少,设备简陋。": an item after a sibling that is one clause closed by ；
    /// is a clause of the same enumerated sentence, so it has no heading either (sections keep theirs).
    /// </summary>
    private static bool InClauseList(List<ItemDraft> siblings, LabelKind kind) =>
        kind is not (LabelKind.ChineseComma or LabelKind.Part) && siblings.Count > 0 && siblings[^1] is { } prev && prev.Kind == kind
        && prev.Children.Count == 0 && prev.More.Count == 0 && prev.First.TrimEnd() is { Length: > 0 } f && f[^1] is '；' or ';';
}
