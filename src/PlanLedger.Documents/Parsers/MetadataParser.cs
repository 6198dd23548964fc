using System.Globalization;
using System.Text.RegularExpressions;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// Document fields from the paragraphs around the body: title, issuer, plan year, issue date, 文号.
/// Reads the raw paragraphs (before noise removal) because labelled dates live in site chrome.
/// </summary>
internal static partial class MetadataParser
{
    /// <summary>Words a plan's title ends with.</summary>
    [GeneratedRegex(@"(?:工作要点|工作计划|工作思路|工作谋划|工作安排|工作方案|实施方案|行动方案|行动计划|任务分工方案|分工方案|任务分解表|任务分解|责任分解|责任分工|任务清单|工作总结|工作打算|汇编|工作小结|要点|意見|計劃|規劃|總結|要點|報告|清單|计划|方案|规划|意见|总结|谋划|安排|打算|清单|分解表|通报|报告|请示|办法|细则|决定|(?:考核|分解|任务|责任|项目|计划|进度|安排|一览|统计|评分|考评|目标|推进|督办)表)(?:范文)?(?:[(（][^)）]{1,12}[)）])?$")]
    private static partial Regex TitleEnding();

    [GeneratedRegex(@"^(?<org>.{2,40}?(?:教育和体育局|教育体育局|教体局|教育局|体育局|人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|教育厅|教育委员会|教委|委员会|工委|局|厅|委|部|院|署|中学|小学|学校|幼儿园))(?:[(（][^)）]{2,30}[)）])?(?=\d{4}|20\*\*|[XxＸ×]{2}|关于|$)")]
    private static partial Regex OrgPrefix();

    [GeneratedRegex(@"^.{2,30}(?:局|厅|委|委员会|政府|办公室|办公厅|中心|学校|学院|中学|小学|幼儿园|部|院|署|会|室)(?:办公室)?$")]
    private static partial Regex OrgLine();

    /// <summary>An organisation's line, its body suffix also in traditional characters (盤錦市人民政府辦公室).</summary>
    private static bool IsOrgLine(string p) => OrgLine().IsMatch(Text.TraditionalFold.Apply(p));

    [GeneratedRegex(@"(?<y>[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?<m>[一二三四五六七八九十]{1,3})\s*月\s*(?<d>[一二三四五六七八九十]{1,3})\s*日")]
    private static partial Regex ChineseNumeralDate();

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?:发布时间|发布日期|发文日期|成文日期|印发日期)\s*[:：]?\s*\|?\s*(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})")]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"(?<no>[\p{IsCJKUnifiedIdeographs}]{1,12}\s?[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*[号號]?)")]
    private static partial Regex DocNumber();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})\s*年")]
    private static partial Regex Year();

    public static void Fill(PlanDocument doc, IReadOnlyList<string> preamble, IReadOnlyList<string> trailer, IReadOnlyList<string> all)
    {
        if (FindTitle(preamble) is null && GluedNotice(preamble) is { } glued)
        {
            doc.Title = glued.Title;
            doc.Issuer = IsPlaceholderName(glued.Issuer) ? null : glued.Issuer;
            doc.DocNumber = glued.DocNumber;
            doc.Date = glued.Date ?? FindLabelledDate(all);
            doc.Year = FindYear(glued.Title, preamble, glued.DocNumber, glued.Date);
            return;
        }
        var title = FindTitle(preamble) ?? GluedTitle(preamble);
        doc.Title = title;
        var notice = FindNotice(preamble);
        var sender = notice is not null ? NoticeSender(notice) : null;
        doc.Issuer = sender ?? FindIssuer(title, preamble, trailer) ?? LabelledIssuer(preamble);
        if (doc.Issuer is not null) doc.Issuer = JointIssuer(doc.Issuer);
        if (sender is not null && SignedInFull(doc.Issuer!, preamble, trailer) is { } full) doc.Issuer = full;
        if (doc.Issuer is not null && IsPlaceholderName(doc.Issuer)) doc.Issuer = null;
        doc.DocNumber = FindDocNumber(preamble);
        var ownDate = FindOwnDate(notice is not null ? [] : preamble, notice is not null ? preamble : trailer, all)
            ?? (notice is not null ? NoticeDateLine(preamble) ?? FindOwnDate([], trailer, all) : null);
        doc.Date = ownDate ?? FindLabelledDate(all);
        // A site's 成文日期 is the document's own (落款) date: it gives the year like one.
        doc.Year = FindYear(title, preamble, doc.DocNumber, ownDate ?? (doc.Date is not null && IsWrittenDate(all) ? doc.Date : null));
    }

    private static bool IsTitleLike(string p) =>
        p.Length is >= 4 and <= 90 && !Cjk.HasSentencePunctuation(p) && !p.Contains(':') && !p.Contains('：')
        && !p.Contains('|') && !NoiseFilter.IsChrome(p) && TitleEnding().IsMatch(p);

    /// <summary>A line that may be the first part of a title block wrapped over two or three lines.</summary>
    private static bool IsTitlePiece(string p) =>
        p.Length is >= 2 and <= 40 && !Cjk.HasSentencePunctuation(p) && p.IndexOfAny([':', '：', '|', '>', '》']) < 0 && !NoiseFilter.IsChrome(p)
        && !TitleEnding().IsMatch(p) && !ChineseDate().IsMatch(p) && !ChineseNumeralDate().IsMatch(p) && !DocNumber().IsMatch(p)
        && !p.EndsWith("文件", StringComparison.Ordinal) && p[0] is not ('(' or '（') && !LayoutGap().IsMatch(p) && !SiteLinks.Any(l => p.Contains(l, StringComparison.Ordinal))
        && (IsOrgName(p) || p.Length is >= 8 and <= 30 || p.StartsWith("关于", StringComparison.Ordinal) || p.EndsWith("关于", StringComparison.Ordinal) || p.Contains("关于", StringComparison.Ordinal) && p.Length <= 30);

    /// <summary>A forwarding or issuing notice's own title line (…关于印发/转发…的通知).</summary>
    private static bool IsNoticeLine(string p) =>
        p.Length <= 140 && !Cjk.HasSentencePunctuation(p) && p.EndsWith("通知", StringComparison.Ordinal)
        && (p.Contains("印发", StringComparison.Ordinal) || p.Contains("转发", StringComparison.Ordinal) || p.Contains("下发", StringComparison.Ordinal)
            || p.Contains("印發", StringComparison.Ordinal) || p.Contains("轉發", StringComparison.Ordinal) || p.Contains("下發", StringComparison.Ordinal));

    internal static string? FindTitle(IReadOnlyList<string> preamble)
    {
        // The document's own title block is the last title-like paragraph before the body; a notice that
        // forwards a plan ("印发《…》的通知") comes before the plan's own title and loses to it.
        string? best = null;
        string? compilation = null;
        var closed = false;
        for (var i = 0; i < preamble.Count; i++)
        {
            var p = BeforeContents(JoinLayoutSpace(StripHeadlinePrefix(preamble[i].Trim())));
            // After the notice's 落款 date, "附件：《title》" heads the inner document: the title is the rest of the line.
            if (closed && AttachmentTitle().Match(p) is { Success: true } att) p = att.Groups["t"].Value.Trim();
            if (!closed && IsDate(p) && p.Length <= 16) closed = true;
            if (IsNoticeLine(p) || !IsTitleLike(p) || IsHeadline(preamble, i)) continue;
            // "…工作要点汇编(6篇)" before its 目录: the compilation is the document, its first part's title is not.
            if (compilation is null && Compilation().IsMatch(p)) compilation = p;
            var candidate = p;
            // A title block wrapped over two or three lines: issuing body, then "2020年工作要点"; "关于调整中职学校" + "招生计划的请示".
            for (var k = 1; k <= 2 && i - k >= 0; k++)
            {
                var prev = JoinLayoutSpace(preamble[i - k].Trim());
                if (k == 1 && StartsWithYearOrType(p) && IsOrgName(prev) || IsTitlePiece(prev) && !IsNoticeLine(prev) && !candidate.Contains(prev, StringComparison.Ordinal)
                    && !IsHeadline(preamble, i - k)) candidate = prev + candidate;
                else break;
            }
            // "(2018—2020年)" on the line after the title block belongs to it.
            if (i + 1 < preamble.Count && YearSuffixLine().IsMatch(preamble[i + 1].Trim())) candidate += preamble[i + 1].Trim();
            best = candidate;
        }
        if (compilation is not null) return compilation;
        if (best is null)
        {
            // Only a notice that forwards the plan ("关于印发《2024年教育工作要点》的通知"): the plan's title is
            // the name inside 《》; otherwise a notice's own title.
            for (var i = 0; i < preamble.Count; i++)
            {
                var p = JoinLayoutSpace(StripHeadlinePrefix(preamble[i].Trim()));
                if (!p.EndsWith("通知", StringComparison.Ordinal) || p.Length > 140 || Cjk.HasSentencePunctuation(p) || NoiseFilter.IsChrome(p)) continue;
                if (i > 0 && IsTitlePiece(preamble[i - 1].Trim()) && !preamble[i - 1].Contains("通知")) p = preamble[i - 1].Trim() + p;
                // Without 《》 the name is only the notice's wording: the notice's own title block stands ("凉山州…办公室" + "关于印发…的通知").
                var inner = NoticeInner().Match(p);
                best = inner.Success && TitleEnding().IsMatch(inner.Groups["t"].Value) && p.Contains('《') ? inner.Groups["t"].Value : p;
            }
        }
        return best;
    }

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日\s*印发\s*$")]
    private static partial Regex IssuedAtEnd();

    /// <summary>A seal line under a signature: "（某县人民政府办公室代章）", "(盖章)".</summary>
    [GeneratedRegex(@"^[(（][^()（）]{0,30}(?:代章|盖章|印章)[)）]$")]
    private static partial Regex SealLine();

    [GeneratedRegex(@"^附\s*件\s*\d{0,2}\s*[:：]\s*《?(?<t>[^《》]{4,90}?)》?$")]
    private static partial Regex AttachmentTitle();

    [GeneratedRegex(@"汇编\s*(?:[(（]\s*\d{1,3}\s*篇\s*[)）])?$")]
    private static partial Regex Compilation();

    /// <summary>"…工作总结汇编(3篇)目录1.…": a compilation's title, with its table of contents glued after it.</summary>
    private static string BeforeContents(string p)
    {
        var toc = p.IndexOf("目录", StringComparison.Ordinal);
        return toc >= 6 && TitleEnding().IsMatch(p[..toc]) ? p[..toc] : p;
    }

    /// <summary>
    /// A page headline repeated by a template site: "…(全文)", "【精选推荐】…", or a line followed by the page's
    /// "时间:2023-02-24 12:14:02" stamp.
    /// </summary>
    private static bool IsHeadline(IReadOnlyList<string> preamble, int i)
    {
        var p = preamble[i];
        if (TemplateSuffix().IsMatch(p) || p.StartsWith('【') && !TemplatePartMarker().IsMatch(p) || p.Contains("【精选", StringComparison.Ordinal) || p.Contains("推荐】", StringComparison.Ordinal)) return true;
        for (var k = i + 1; k < preamble.Count && k <= i + 2; k++)
            if (PageStamp().IsMatch(preamble[k])) return true;
        return false;
    }

    /// <summary>"(全文)", "(全文完整)", "（完整版）", "(范文)": a template site's suffix to its headline.</summary>
    [GeneratedRegex(@"[(（](?:全文|完整版|范文|精选)[\p{IsCJKUnifiedIdeographs}]{0,4}[)）]$")]
    private static partial Regex TemplateSuffix();

    [GeneratedRegex(@"时间\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}")]
    private static partial Regex PageStamp();

    /// <summary>
    /// A sender the notice's title abbreviates ("某市政府办公室", also in traditional characters) signs the 落款 with its full
    /// name ("某市人民政府办公室"): the full name is the issuer. Null when the 落款 names no such body.
    /// </summary>
    private static string? SignedInFull(string sender, IReadOnlyList<string> preamble, IReadOnlyList<string> trailer)
    {
        var short_ = Text.TraditionalFold.Apply(sender);
        if (!short_.Contains("政府", StringComparison.Ordinal) || short_.Contains("人民政府", StringComparison.Ordinal)) return null;
        if (FindIssuer(null, preamble, trailer) is not { } signed) return null;
        signed = JointIssuer(signed);
        return Text.TraditionalFold.Apply(signed) == short_.Replace("政府", "人民政府", StringComparison.Ordinal) ? signed : null;
    }

    /// <summary>A party body signing with the government body ("中共安徽省委教育工委  安徽省教育厅"): the government body; two
    /// government bodies signing together: the first.</summary>
    private static string JointIssuer(string issuer)
    {
        var parts = issuer.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return GluedGovernment(issuer) ?? issuer;
        var government = parts.Where(p => Text.TraditionalFold.Apply(p) is var x && !x.StartsWith("中共", StringComparison.Ordinal) && !x.Contains("党委", StringComparison.Ordinal) && !x.EndsWith("工委", StringComparison.Ordinal) && !x.Contains("县委", StringComparison.Ordinal) && !x.Contains("市委", StringComparison.Ordinal) && !x.Contains("区委", StringComparison.Ordinal)).ToList();
        // Two government bodies signing together ("常州市人力资源和社会保障局  常州市城乡建设局"): the first, the lead signer.
        if (government.Count == parts.Length) return parts[0];
        return government.Count >= 1 ? government[^1] : issuer;
    }

    /// <summary>
    /// "中共六盘水市委六盘水市人民政府": the party committee glued to the government co-signer with no space; the government
    /// body after the committee's 委 (委员会, 委办公室) is the issuer. Null when no 人民政府 follows.
    /// </summary>
    private static string? GluedGovernment(string issuer)
    {
        if (!issuer.StartsWith("中共", StringComparison.Ordinal)) return null;
        var at = issuer.IndexOf('委', 2);
        if (at < 0) return null;
        var rest = issuer.AsSpan(at + 1);
        if (rest.StartsWith("员会", StringComparison.Ordinal)) rest = rest[2..];
        else if (rest.StartsWith("办公室", StringComparison.Ordinal)) rest = rest[3..];
        return rest.Length >= 6 && rest.IndexOf("人民政府", StringComparison.Ordinal) > 0 ? rest.ToString() : null;
    }

    /// <summary>A name with a placeholder in it (XX市教育局), a bare bureau (文教局) or one led by a year (2023年文教局) names no body.</summary>
    private static bool IsPlaceholderName(string name) =>
        name.Length > 0 && ("市县区省乡镇某".Contains(name[0]) || char.IsAsciiDigit(name[0])) || name is "教育局" or "教体局" or "文教局" or "教育体育局" or "教育和体育局" or "政府" or "人民政府" || name.Contains("XX", StringComparison.OrdinalIgnoreCase) || name.Contains("××", StringComparison.Ordinal) || name.Contains("**", StringComparison.Ordinal) || name.Contains("ＸＸ", StringComparison.Ordinal)
        // A template site's redaction of the place: "〔...〕市教育局", "…县教育局".
        || name.Contains("...", StringComparison.Ordinal) || name.Contains('…') || name.Contains("〔〕", StringComparison.Ordinal);

    /// <summary>
    /// A title glued to the text after it, as files without line breaks store it
    /// ("XX市教育局2024年工作要点总体要求:…"): the longest start of the first run before a punctuation mark that
    /// ends like a plan's title and begins with a year or a body's name.
    /// </summary>
    [GeneratedRegex(@"\.(?:docx?|pdf|wps|xlsx?|txt)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    /// <summary>The length of the file name that <paramref name="p"/> starts with, when the preamble has a line naming the file
    /// (<c>X.docx</c>) and a title-length text follows the name; else null.</summary>
    private static int? FileNameRepeat(IReadOnlyList<string> preamble, string p)
    {
        foreach (var line in preamble)
        {
            var l = line.Trim();
            if (FileName().Match(l) is not { Success: true } ext) continue;
            var name = l[..ext.Index].Trim();
            if (name.Length >= 6 && p.Length >= name.Length + 6 && p.StartsWith(name, StringComparison.Ordinal)) return name.Length;
        }
        return null;
    }

    private static string? GluedTitle(IReadOnlyList<string> preamble)
    {
        var tried = 0;
        for (var i = 0; i < preamble.Count; i++)
        {
            var p = preamble[i].Trim();
            if (p.Length < 12 || NoiseFilter.IsChrome(p) || IsHeadline(preamble, i) || p.Contains("由会员分享", StringComparison.Ordinal) || FileName().IsMatch(p)) continue;
            // "第1页共4页教育体育局…": a document-sharing page header before the title.
            if (PageHeader().Match(p) is { Success: true } ph) p = p[ph.Length..];
            if (LabelParser.TryMatch(p, out var lm)) p = p[lm.Length..];
            // "X范文X'…": a document-sharing page repeats the file's name (its "X范文.docx" line) before the document's own title.
            // The document's own title then runs to the layout space that ends it ("…工作准备范文 xxxx年在区委…").
            if (FileNameRepeat(preamble, p) is { } repeat)
            {
                var own = p[repeat..];
                var space = own.IndexOfAny([' ', '\u3000']);
                if (space is >= 6 and <= 60 && own.AsSpan(0, space).IndexOfAny("，,。；;：:！!？") < 0
                    && (OrgPrefix().IsMatch(own[..space]) || Year().Match(own[..space]) is { Success: true, Index: 0 }))
                    return own[..space];
                // "X范文百年大计,教育为本。…": the file's name glued to the opening sentence is the document's own title.
                if (TitleEnding().IsMatch(p[..repeat]) && OpensSentence(own)) return p[..repeat];
            }
            // "义务教育均衡发展整改报告 商州区大荆中学 关于…整改报告 商州区大荆中学于…": the title block (body, layout space,
            // 关于…) between layout spaces, after the file's name a sharing page puts first.
            if (SpacedTitleBlock(p) is { } block) return block;
            var run = p.AsSpan();
            var cut = run.IndexOfAny("，,。；;：:！!？（(《“");
            // "…工作总结汇编(7篇)目录…": a bracketed count or year range belongs to the title; a 目录 after it ends it.
            if (cut > 0 && run[cut] is '(' or '（' && BracketSuffix().Match(p[cut..]) is { Success: true } bs)
            {
                var next = run[(cut + bs.Length)..].IndexOfAny("，,。；;：:！!？（(《“");
                cut = next < 0 ? -1 : cut + bs.Length + next;
            }
            if (cut > 0) run = run[..cut];
            var toc = run.IndexOf("目录", StringComparison.Ordinal);
            if (toc >= 6) run = run[..toc];
            if (run.Length > 80) run = run[..80];
            for (var end = run.Length; end >= 6; end--)
            {
                var prefix = run[..end].ToString();
                if (end < run.Length && !Cjk.IsHan(run[end]) && run[end] is not (' ' or '\u3000') || !TitleEnding().IsMatch(prefix)) continue;
                if (OrgPrefix().IsMatch(prefix) || Year().Match(prefix) is { Success: true, Index: 0 }) return prefix;
            }
            if (++tried >= 3) return null;
        }
        return null;
    }

    /// <summary>
    /// An issuing notice stored without line breaks ("滨教函202011号滨州市教育局关于印发…方案的通知各县(市、区)教体局,…:现将…
    /// 印发给你们,请遵照执行。 滨州市教育局 2020年1月8日滨州市…培养方案(2019-2022年)为落实…"): the 文号 glued before the
    /// sender, the sender before 关于, the 落款 date, and the inner document's title glued to the text after the 落款 (the
    /// shortest start that ends like a plan's title, with a bracketed suffix such as (2019-2022年)); null if any part is missing.
    /// </summary>
    /// <summary>A sentence starts here: Han text up to a comma or full stop within a clause's length, with no title ending before it.</summary>
    private static bool OpensSentence(string own)
    {
        var stop = own.AsSpan(0, Math.Min(own.Length, 30)).IndexOfAny("，,。");
        return stop > 0 && own.Length > 0 && Cjk.IsHan(own[0]) && !TitleEnding().IsMatch(own[..stop]);
    }

    /// <summary>A body's name and a title that opens with 关于, each between layout spaces of a text without line breaks; else null.</summary>
    private static string? SpacedTitleBlock(string p)
    {
        var at = p.IndexOf(" 关于", StringComparison.Ordinal);
        if (at < 0) at = p.IndexOf("\u3000关于", StringComparison.Ordinal);
        if (at <= 0 || at > 80) return null;
        var from = p.LastIndexOfAny([' ', '\u3000'], at - 1) + 1;
        var org = p[from..at];
        var to = p.IndexOfAny([' ', '\u3000'], at + 1);
        if (to < 0) return null;
        var title = p[(at + 1)..to];
        return IsOrgName(org) && title.Length <= 60 && !Cjk.HasSentencePunctuation(title) && TitleEnding().IsMatch(title) ? org + title : null;
    }

    private static (string Title, string Issuer, string? DocNumber, string? Date)? GluedNotice(IReadOnlyList<string> preamble)
    {
        for (var i = 0; i < preamble.Count && i < 3; i++)
        {
            var p = preamble[i].Trim();
            if (p.Length < 40 || NoiseFilter.IsChrome(p) || p.Contains("由会员分享", StringComparison.Ordinal)) continue;
            if (LabelParser.TryMatch(p, out var lm) && lm.Kind == Syntax.LabelKind.Arabic) p = p[lm.Length..];
            var m = GluedNoticeHead().Match(p);
            if (!m.Success) return null;
            var org = m.Groups["org"].Value;
            if (!IsOrgName(org)) return null;
            var sig = GluedSignature().Match(p, m.Index + m.Length);
            if (!sig.Success || sig.Groups["org"].Value != org) return null;
            var rest = p.AsSpan(sig.Index + sig.Length);
            string? title = null;
            for (var end = 6; end <= Math.Min(rest.Length, 80); end++)
            {
                if (rest[..end].IndexOfAny("，,。；;：:！!？《“") >= 0) break;
                var prefix = rest[..end].ToString();
                if (!TitleEnding().IsMatch(prefix) || prefix.EndsWith(')') || prefix.EndsWith('）')) continue;
                var suffix = BracketSuffix().Match(rest[end..].ToString());
                title = suffix.Success ? prefix + suffix.Value : prefix;
                break;
            }
            if (title is null) return null;
            var no = m.Groups["no"].Success ? m.Groups["no"].Value : null;
            var date = ChineseDate().Match(sig.Value);
            return (title, org, no, Iso(date));
        }
        return null;
    }

    [GeneratedRegex(@"^(?<no>[\p{IsCJKUnifiedIdeographs}]{1,10}(?:发|函|字)\s*[〔\[［(（【]?\s*(?:19|20)\d{2}\s*[〕\]］)）】]?\s*\d{1,4}\s*号)?(?<org>[\p{IsCJKUnifiedIdeographs}（）()]{2,40}?)关于(?:印发|转发|下发)[^。]{4,120}?的通知(?=[\p{IsCJKUnifiedIdeographs}（）()、，, ]{2,80}[:：])")]
    private static partial Regex GluedNoticeHead();

    [GeneratedRegex(@"[。！][ \u3000]*(?<org>[\p{IsCJKUnifiedIdeographs}（）()]{2,30}?)[ \u3000]*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \u3000]*")]
    private static partial Regex GluedSignature();

    [GeneratedRegex(@"^[(（][^()（）]{1,12}[)）]")]
    private static partial Regex BracketSuffix();

    /// <summary>"【市政府重点工作及责任分解】滁州市人民政府关于…的通知": a site's bracketed tag before a headline goes.</summary>
    [GeneratedRegex(@"^[(（]\s*(?:19|20)\d{2}\s*年?\s*[-—–－~～至到]\s*(?:19|20)\d{2}\s*年\s*[)）]$")]
    private static partial Regex YearSuffixLine();

    [GeneratedRegex(@"^(?:标\s*题|名\s*称)(?:\s*[:：]\s*|[ \u3000]+)")]
    private static partial Regex MetadataLabel();

    private static readonly string[] SiteLinks = ["手机版", "无障碍", "English", "繁体", "简体"];

    [GeneratedRegex(@"[ \u3000\u00a0]{3,}")]
    private static partial Regex LayoutGap();

    /// <summary>
    /// "发文机关:襄垣县教育局 | 主题词: |": the issuer a government site's metadata table names, when the document names
    /// none in a title block or signature.
    /// </summary>
    private static string? LabelledIssuer(IReadOnlyList<string> preamble)
    {
        foreach (var p in preamble)
            if (IssuerLabel().Match(p) is { Success: true } m && IsOrgLine(m.Groups["org"].Value)) return m.Groups["org"].Value;
        return null;
    }

    [GeneratedRegex(@"^发\s*文\s*机\s*关\s*[:：]\s*(?<org>[\p{IsCJKUnifiedIdeographs}（）()]{2,30})\s*(?:\||$)")]
    private static partial Regex IssuerLabel();

    [GeneratedRegex(@"^【\s*第\s*[0-9一二三四五六七八九十]{1,3}\s*篇(?![^【】]*】)\s*")]
    private static partial Regex TemplatePartMarker();

    private static string StripHeadlinePrefix(string p)
    {
        // "标题 【政策】…的通知": a government site's metadata table labels the notice's title.
        // "标题:关于…的通知 | |": the metadata row's empty cells after it go.
        if (MetadataLabel().Match(p) is { Success: true } label && p.Length > label.Length + 6) p = p[label.Length..].TrimEnd(' ', '\u3000', '|');
        // "无障碍      手机版昌黎县人民政府关于…": site links before a wide layout gap.
        var gap = LayoutGap().Matches(p);
        if (gap.Count > 0) p = p[(gap[^1].Index + gap[^1].Length)..];
        foreach (var link in SiteLinks)
            if (p.StartsWith(link, StringComparison.Ordinal) && p.Length > link.Length + 6) p = p[link.Length..];
        // A title written as 《…》 on its own line.
        if (p.Length > 6 && p[0] == '《' && p[^1] == '》' && p.IndexOf('《', 1) < 0) p = p[1..^1];
        if (p.Length < 6 || p[0] != '【') return p;
        // "【第1篇 2023年全市教育工作总结": a template site's unclosed part marker before the part's own title.
        if (TemplatePartMarker().Match(p) is { Success: true } part && p.Length > part.Length + 4) return p[part.Length..];
        var close = p.IndexOf('】');
        return close > 0 && close < p.Length - 4 ? p[(close + 1)..].TrimStart() : p;
    }

    /// <summary>"某区卫健局 关于开展义诊活动的通知": the layout space between the issuing body and 关于 goes.</summary>
    private static string JoinLayoutSpace(string p)
    {
        // "…的通 知": a layout space inside the notice's last word; a title block that is only "通 知" is the title 通知.
        if (p.Length >= 3 && p.EndsWith('知') && (p[^2] is ' ' or '\u3000') && p.TrimEnd('知').TrimEnd().EndsWith('通')) p = p.TrimEnd('知').TrimEnd() + "知";
        var at = p.IndexOf(" 关于", StringComparison.Ordinal);
        if (at < 0) at = p.IndexOf("\u3000关于", StringComparison.Ordinal);
        if (at <= 0) return p;
        var org = p[..at].TrimEnd();
        return IsOrgName(org) ? org + p[(at + 1)..].TrimStart() : p;
    }

    private static string? FindNotice(IReadOnlyList<string> preamble)
    {
        foreach (var raw in preamble)
        {
            var p = JoinLayoutSpace(StripHeadlinePrefix(raw.Trim()));
            if (IsNoticeLine(p)) return p;
        }
        return null;
    }

    /// <summary>The sender of a notice: the body before 关于 in its title ("教育部办公厅关于印发…的通知").</summary>
    private static string? NoticeSender(string notice)
    {
        var at = -1;
        foreach (var w in new[] { "关于", "转发", "印发", "下发", "關于", "關於", "轉發", "印發", "下發" })
        {
            var k = notice.IndexOf(w, StringComparison.Ordinal);
            if (k >= 0 && (at < 0 || k < at)) at = k;
        }
        if (at < 2) return null;
        var org = notice[..at].Trim();
        return IsOrgName(org) && !org.StartsWith('全') ? org : null;
    }

    [GeneratedRegex(@"(?:印发|转发|下发|印發|轉發|下發)\s*《?(?<t>[^《》]{4,80}?)》?\s*的通知$|(?:印发|印發)\s*《(?<t>[^》]{4,80})》")]
    private static partial Regex NoticeInner();

    private static bool StartsWithYearOrType(string p) =>
        p.Length > 0 && (char.IsAsciiDigit(p[0]) || p.StartsWith("20**", StringComparison.Ordinal) || p.StartsWith("年度", StringComparison.Ordinal)) || p.Length <= 8;

    private static bool IsOrgName(string p) =>
        p.Length is >= 3 and <= 50 && !Cjk.HasSentencePunctuation(p) && OrgPrefix().Match(Text.TraditionalFold.Apply(p)) is { Success: true } m && m.Length == p.Length;

    [GeneratedRegex(@"^(?<org>[\p{IsCJKUnifiedIdeographs}]{1,6}?[省市县縣区區州旗][\p{IsCJKUnifiedIdeographs}]{2,10}?(?:局|委员会|委員會))(?=[^，,。；;：:《》]{2,80}?(?:方案|计划|計劃|要点|要點|规划|規劃|总结|總結|报告|報告)(?:[(（][^()（）]{1,12}[)）])?$)")]
    private static partial Regex GluedBureau();

    internal static string? FindIssuer(string? title, IReadOnlyList<string> preamble, IReadOnlyList<string> trailer)
    {
        if (title is not null)
        {
            var m = OrgPrefix().Match(title);
            if (m.Success && !m.Groups["org"].Value.StartsWith('全')) return m.Groups["org"].Value;
            // "某县教育科技体育局农村学校办学条件整改方案": a place's bureau glued to the plan's subject opens the title.
            if (GluedBureau().Match(title) is { Success: true } glued) return glued.Groups["org"].Value;
        }
        // A signature line (落款) followed by a date, in the notice before the body or after it.
        foreach (var block in new[] { preamble, trailer })
        {
            for (var i = 0; i < block.Count; i++)
            {
                var p = block[i].Trim();
                var sig = SignatureWithDate().Match(p);
                if (sig.Success && IsOrgLine(sig.Groups["org"].Value.Trim())) return sig.Groups["org"].Value.Trim();
                if (i + 1 < block.Count && IsOrgLine(p) && !Cjk.HasSentencePunctuation(p) && IsDate(block[i + 1])) return p;
                // "（某县人民政府办公室代章）" between the signature and its date.
                if (i + 2 < block.Count && IsOrgLine(p) && !Cjk.HasSentencePunctuation(p) && SealLine().IsMatch(block[i + 1].Trim()) && IsDate(block[i + 2])) return p;
            }
        }
        return null;
    }

    private static bool IsDate(string p) => ChineseDate().IsMatch(p) || ChineseNumeralDate().IsMatch(p) || DigitDate(p).Shaped || DottedDate().IsMatch(p.Trim());

    /// <summary>A 落款 date written with dots ("2018.06.15").</summary>
    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})[.．](?<m>\d{1,2})[.．](?<d>\d{1,2})$")]
    private static partial Regex DottedDate();

    /// <summary>
    /// A 落款 date whose 年/月/日 were lost on the page ("2024327", "20240327"): a date when its digits read one way
    /// only (2024-03-27); "2015115" (01-15 or 11-05) is date-shaped but no date.
    /// </summary>
    internal static (bool Shaped, string? Iso) DigitDate(string raw)
    {
        var p = raw.Trim();
        if (p.Length is < 6 or > 8 || !(p.StartsWith("19", StringComparison.Ordinal) || p.StartsWith("20", StringComparison.Ordinal))) return (false, null);
        foreach (var c in p) if (!char.IsAsciiDigit(c)) return (false, null);
        var y = int.Parse(p[..4], CultureInfo.InvariantCulture);
        var rest = p[4..];
        string? found = null;
        var readings = 0;
        for (var ml = 1; ml <= 2 && ml < rest.Length; ml++)
        {
            var ms = rest[..ml];
            var ds = rest[ml..];
            if (ds.Length > 2 || ml == 1 && ms[0] == '0' || ds.Length == 1 && ds[0] == '0') continue;
            var mo = int.Parse(ms, CultureInfo.InvariantCulture);
            var d = int.Parse(ds, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) continue;
            readings++;
            found = $"{y:D4}-{mo:D2}-{d:D2}";
        }
        return (true, readings == 1 ? found : null);
    }

    [GeneratedRegex(@"^(?<org>[\p{IsCJKUnifiedIdeographs}（）()]{2,30})[ \u3000]+(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$")]
    private static partial Regex SignatureWithDate();

    internal static string? FindDocNumber(IReadOnlyList<string> preamble)
    {
        foreach (var p in preamble)
        {
            var m = DocNumber().Match(p);
            if (!m.Success && p.Length <= 40 && DamagedDocNumber().Match(p.Trim()) is { Success: true } damaged && damaged.Length == p.Trim().Length) return damaged.Value;
            if (!m.Success) continue;
            // A 文号 line, or a headline that opens with the 文号 ("凌政办发[2020]35号…的通知").
            if (p.Length <= 40 && !Cjk.HasSentencePunctuation(p) || m.Index == 0 && p.Length <= 160) return Normalise(m.Groups["no"].Value);
        }
        return null;
    }

    /// <summary>
    /// A 文号 line whose closing bracket (and 号) was lost on the page ("桓办发〔201539"), or both brackets
    /// ("滨教函202011号"): kept as written.
    /// </summary>
    [GeneratedRegex(@"^(?<no>[\p{IsCJKUnifiedIdeographs}]{1,10}(?:发|函|字)(?:[〔\[［(（【]\s*(?:19|20)\d{2}\d{1,4}号?|(?:19|20)\d{2}\d{1,4}号))(?![\d〕\]］)）】])")]
    private static partial Regex DamagedDocNumber();

    private static string Normalise(string no)
    {
        // As written: only layout spaces go (许政 [2020] 20号 → 许政[2020]20号).
        return no.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
    }

    /// <summary>The document's own date: an 印发 date in the body, else the date under its signature (落款).</summary>
    internal static string? FindOwnDate(IReadOnlyList<string> preamble, IReadOnlyList<string> trailer, IReadOnlyList<string> all)
    {
        // 1. "2020年3月10日印发"
        foreach (var p in all)
        {
            // "抄送：县委各部门、… 某县人民政府办公室 2016年6月22日印发": the 版记 flattened onto one line ends with the 印发 date.
            if (p.Length > 40 && (p.StartsWith("抄送", StringComparison.Ordinal) || p.StartsWith("抄报", StringComparison.Ordinal)) && IssuedAtEnd().Match(p) is { Success: true } issued)
                return Iso(issued);
            if (p.Length > 40 || !p.Contains("印发", StringComparison.Ordinal)) continue;
            var m = ChineseDate().Match(p);
            if (m.Success) return Iso(m);
            var c = ChineseNumeralDate().Match(p);
            if (c.Success) return IsoHan(c);
        }
        // 2. the date under a signature (落款): a line that is only a date, right after an organisation line
        //    (or on the same line after it).
        foreach (var block in new[] { trailer, preamble })
        {
            for (var i = 0; i < block.Count; i++)
            {
                var p = block[i].Trim();
                if (SignatureWithDate().Match(p) is { Success: true } sig && IsOrgLine(sig.Groups["org"].Value.Trim()))
                    return ChineseDate().Match(p) is { Success: true } sd ? Iso(sd) : IsoHan(ChineseNumeralDate().Match(p));
                var signature = i >= 2 && SealLine().IsMatch(block[i - 1].Trim()) ? i - 2 : i - 1;
                if (signature < 0 || !IsOrgLine(block[signature].Trim())) continue;
                var m = ChineseDate().Match(p);
                if (m.Success && m.Length >= p.Length - 1) return Iso(m);
                var c = ChineseNumeralDate().Match(p);
                if (c.Success && c.Length >= p.Length - 1) return IsoHan(c);
                if (DigitDate(p) is { Iso: { } digits }) return digits;
                if (DottedDate().Match(p) is { Success: true } dotted) return Iso(dotted);
            }
        }
        return null;
    }

    /// <summary>A notice whose signature was lost: the date-only line that closes it.</summary>
    private static string? NoticeDateLine(IReadOnlyList<string> preamble)
    {
        foreach (var raw in preamble)
        {
            var p = raw.Trim();
            var m = ChineseDate().Match(p);
            if (m.Success && m.Index == 0 && m.Length >= p.Length - 1) return Iso(m);
            var c = ChineseNumeralDate().Match(p);
            if (c.Success && c.Index == 0 && c.Length >= p.Length - 1) return IsoHan(c);
            if (DigitDate(p) is { Iso: { } digits }) return digits;
        }
        return null;
    }

    /// <summary>A date the publishing site labels 发布时间 / 发布日期.</summary>
    internal static string? FindLabelledDate(IReadOnlyList<string> all)
    {
        foreach (var p in all)
        {
            if (!p.Contains("日期", StringComparison.Ordinal) && !p.Contains("时间", StringComparison.Ordinal)) continue;
            var m = LabelledDate().Match(p);
            if (m.Success) return Iso(m);
        }
        return null;
    }

    private static bool IsWrittenDate(IReadOnlyList<string> all)
    {
        foreach (var p in all)
        {
            if (!p.Contains("日期", StringComparison.Ordinal) && !p.Contains("时间", StringComparison.Ordinal)) continue;
            var m = LabelledDate().Match(p);
            if (m.Success) return m.Value.StartsWith("成文日期", StringComparison.Ordinal);
        }
        return false;
    }

    internal static string? FindDate(IReadOnlyList<string> preamble, IReadOnlyList<string> trailer, IReadOnlyList<string> all) =>
        FindOwnDate(preamble, trailer, all) ?? FindLabelledDate(all);

    private static string? IsoHan(Match m)
    {
        if (!m.Success) return null;
        var y = 0;
        foreach (var ch in m.Groups["y"].Value) y = y * 10 + HanDigit(ch);
        if (!ChineseNumber.TryParse(m.Groups["m"].Value, out var mo) || !ChineseNumber.TryParse(m.Groups["d"].Value, out var d)) return null;
        if (y < 1900 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, (int)mo)) return null;
        return $"{y:D4}-{(int)mo:D2}-{(int)d:D2}";
    }

    private static int HanDigit(char c) => c switch
    {
        '〇' or '零' or '○' or 'Ｏ' => 0, '一' => 1, '二' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => 0,
    };

    private static string? Iso(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return $"{y:D4}-{mo:D2}-{d:D2}";
    }

    internal static int? FindYear(string? title, IReadOnlyList<string> preamble, string? docNumber, string? ownDate)
    {
        if (title is not null)
        {
            if (PlaceholderYear().IsMatch(title)) return null;
            // "2019年工作总结及2020年工作谋划": the plan's year is the last one.
            // A multi-year plan "(2019-2022年)" is for its first year; "2019年工作总结及2020年工作谋划" for the last.
            var range = YearRange().Match(title);
            if (range.Success) return int.Parse(range.Groups["y"].Value, CultureInfo.InvariantCulture);
            var years = Year().Matches(title);
            if (years.Count > 0) return int.Parse(years[^1].Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        if (docNumber is not null)
        {
            var m = DocNumberYear().Match(docNumber);
            if (m.Success) return int.Parse(m.Value, CultureInfo.InvariantCulture);
        }
        if (ownDate is not null) return int.Parse(ownDate[..4], CultureInfo.InvariantCulture);
        // The opening paragraph: a year or date that opens one of its sentences ("2023年是…开局之年").
        foreach (var p in preamble)
        {
            if (!Cjk.HasSentencePunctuation(p) || NoiseFilter.IsChrome(p) || p.Length <= 160 && TemplateBlurb().IsMatch(p)) continue;
            var m = OpeningYear().Match(p);
            if (m.Success) return int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            foreach (Match s in SentenceYear().Matches(p)) return int.Parse(s.Groups["y"].Value, CultureInfo.InvariantCulture);
            break;
        }
        return null;
    }

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年?\s*[-—–－~～至到]\s*(?:19|20)\d{2}\s*年")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^第\s*\d{1,3}\s*页\s*[,，/]?\s*共\s*\d{1,3}\s*页")]
    private static partial Regex PageHeader();

    /// <summary>A template site's blurb before the text ("下面是小编为大家整理的…，供大家参考。"): not the opening paragraph.</summary>
    [GeneratedRegex(@"小编|供大家参考|请大家参阅|仅供参考|欢迎阅读|希望对你有")]
    private static partial Regex TemplateBlurb();

    [GeneratedRegex(@"(?:19|20)(?:\*\*|[XxＸ×]{2})\s*年")]
    private static partial Regex PlaceholderYear();

    [GeneratedRegex(@"[。！？](?<y>(?:19|20)\d{2})\s*年(?!度?[-—至~])")]
    private static partial Regex SentenceYear();

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})\s*年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:是|，|,|全|我|本|以来|上半年|下半年|\d|[\p{IsCJKUnifiedIdeographs}])")]
    private static partial Regex OpeningYear();

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex DocNumberYear();
}
