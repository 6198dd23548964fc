using System.Globalization;
using System.Text.RegularExpressions;
using PlanLedger.Documents.Parsers;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Extractors;

/// <summary>
/// Quantities an item commits to or reports: a number (Arabic or Chinese) with a counting unit or %,
/// and the words 清零 (0), 全覆盖 (100 %), 一半 / N分之M (a percentage). Years, dates, ordinals, list and
/// document numbers, slogans (四个意识, 三大工程, “一生一案”), book titles, thresholds that define a category
/// (55人及以上大班额) and placeholders (X所) are not targets.
/// </summary>
internal static partial class TargetExtractor
{
    private const string Units =
        "万平方米|平方米|平米|万元|亿元|千元|元|万人次|人次|万人|万册|万名|万个|万件|万套|万台|万亩|万次|万户|万所|个百分点|百分点|" +
        "小时|学时|课时|公里|千米|米|亩|千瓦|瓦|" +
        "个月|个|個|所|处|名|人|次|项|场次|场|期|家|件|份|种|节|门|支|位|张|条|篇|部|本|座|栋|间|台|套|册|班|户|天|批次|批|轮|年|棵|株|面|%|％|" +
        // Place tiers counted without 个 ("全州4县市", "3县区", "18乡镇"): the places a commitment covers.
        "县市区|县市|县区|乡镇";

    // [0-9], not \d: the readers fold full-width digits, and a plain set lets the regex find its start vectorised
    // instead of testing every Chinese character against the Unicode digit category.
    [GeneratedRegex(
        @"(?<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千]+)\s*(?<mod>余|多)?\s*" +
        @"(?:[至到\-—~～]\s*(?<num2>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]+)\s*(?<mod2>余|多)?)?\s*" +
        @"(?<unit>" + Units + ")")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"清零|全覆盖|零(?:发生|增长|收费|事故|伤亡|投诉|死亡|新增)|一半|(?<den>[一二三四五六七八九十]+)分之(?<numer>[一二三四五六七八九十]+)")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:\d{1,2}年内|年内|全年|力争|确保|着力|保证|争取|努力|要|并|同时|其中|另外|此外)+")]
    private static partial Regex LeadingModal();

    private const int MaxClause = 120;

    /// <summary>A part every match of <see cref="Word"/> holds (清零, 全覆盖, 零…, 一半, …分之…).</summary>
    private static readonly Text.FewWords WordCores = new("零", "全覆盖", "一半", "分之");

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> UnitNames =
        Units.Split('|').Append("％").Distinct().ToDictionary(u => u, u => u == "％" ? "%" : u).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int UnitGroup = Quantity().GroupNumberFromName("unit");
    private static readonly int NumGroup = Quantity().GroupNumberFromName("num");

    /// <summary>No real item commits to more; past this a text is not a plan (hostile input) and the rest is skipped.</summary>
    public const int MaxTargetsPerItem = 500;

    public static List<PlanTarget> Extract(string text)
    {
        var found = new List<(int Start, int End, decimal Value, string Unit, string Op)>();
        // Match by match (NextMatch): the same matches as Matches() without the collection that keeps them all.
        for (var m = Quantity().Match(text); m.Success; m = m.NextMatch())
        {
            if (TryQuantity(text, m, out var value, out var unit, out var op)) found.Add((m.Index, m.Index + m.Length, value, unit, op));
            if (found.Count >= MaxTargetsPerItem) break;
        }
        // A file cut off inside a quantity ("…入学率均达到10"): the number keeps unit "".
        if (found.Count < MaxTargetsPerItem && text.Length > 0 && char.IsAsciiDigit(text[^1]) && CutQuantity().Match(text) is { Success: true } cutOff
            && decimal.TryParse(cutOff.Groups["num"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cutValue))
            found.Add((cutOff.Groups["num"].Index, text.Length, cutValue, "", OpBefore(text.AsSpan(0, cutOff.Groups["num"].Index)) ?? "="));
        var quantities = found.Count;
        // Word's start set holds every Chinese numeral (for N分之M): it runs only where one of its words can stand.
        if (WordCores.In(text))
        foreach (Match m in Word().Matches(text))
        {
            if (found.Count >= MaxTargetsPerItem) break;
            if (Overlaps(found, quantities, m.Index, m.Index + m.Length)) continue;
            var before = text.AsSpan(0, m.Index);
            var rest = text.AsSpan(m.Index + m.Length);
            switch (m.Value)
            {
                case "清零":
                    found.Add((m.Index, m.Index + 2, 0, "", "="));
                    break;
                case "全覆盖":
                    if (SloganOrPurpose(before)) continue;
                    found.Add((m.Index, m.Index + 3, 100, "%", "="));
                    break;
                case var z when z.StartsWith('零'):
                    if (InsideQuote(before) && QuoteHasSeveralTerms(before)) continue;
                    found.Add((m.Index, m.Index + m.Length, 0, "", "="));
                    break;
                case "一半":
                    if (InsideQuote(before)) continue;
                    found.Add((m.Index, m.Index + 2, 50, "%", OpBefore(before) ?? OpAfter(rest) ?? "="));
                    break;
                default:
                    if (!ChineseNumber.TryParse(m.Groups["den"].Value, out var den) || !ChineseNumber.TryParse(m.Groups["numer"].Value, out var num) || den == 0) continue;
                    var pct = Math.Round((decimal)num * 100 / den, 2);
                    found.Add((m.Index, m.Index + m.Length, pct, "%", OpBefore(before) ?? OpAfter(rest) ?? "="));
                    break;
            }
        }
        // 盘活不少于1/3, 占比超过2/5: a fraction written with digits is a percentage, where a word commits to it.
        if (found.Count < MaxTargetsPerItem && text.Contains('/'))
            foreach (Match m in DigitFraction().Matches(text))
            {
                var n = int.Parse(m.Groups["n"].ValueSpan, CultureInfo.InvariantCulture);
                var d = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
                if (n >= d || Overlaps(found, quantities, m.Index, m.Index + m.Length)) continue;
                var op = OpBefore(text.AsSpan(0, m.Index)) ?? OpAfter(text.AsSpan(m.Index + m.Length));
                if (op is null && !text.AsSpan(0, m.Index).EndsWith("达到", StringComparison.Ordinal)) continue;
                found.Add((m.Index, m.Index + m.Length, Math.Round((decimal)n * 100 / d, 2), "%", op ?? "="));
            }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<PlanTarget>();
        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            var span = ClauseSpan(text, f.Start, f.End, i > 0 ? found[i - 1].End : -1, i + 1 < found.Count ? found[i + 1].Start : -1);
            var t = new PlanTarget { Text = text[span.Start..span.End], Value = f.Value, Unit = f.Unit, Op = f.Op, Span = new SourceSpan(0, span.Start, span.End - span.Start) };
            if (result.Count > 0 && result.Count < 64 && result.Any(r => r.Value == t.Value && r.Unit == t.Unit && r.Text == t.Text)) continue;
            result.Add(t);
        }
        return result;
    }

    [GeneratedRegex(@"^(?:工程|项目|新建|建设|改造|扩建|[0-9]|保障性|住房|安置房|地块|厂房|校区|园区|楼|小学|中学|幼儿园)")] private static partial Regex PhaseNoun();
    [GeneratedRegex(@"(?:新增|培育|新建|建成|打造|引进|认定|创建)$")] private static partial Regex AddingVerb();
    [GeneratedRegex(@"(?<![0-9./])(?<n>[1-9])/(?<d>[2-9]|10)(?![0-9./])")] private static partial Regex DigitFraction();
    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{1,4}之\p{IsCJKUnifiedIdeographs}")] private static partial Regex FigureOfSpeech();
    [GeneratedRegex(@"至少(?:召开|举办|开展|组织|建立|建成|建设|培训|安排|配备|设立|有)$")] private static partial Regex MinimumBeforeVerb();
    [GeneratedRegex(@"(?:达到|提高到|提高至|提升到|提升至|增加到|增长到|不低于|不少于|稳定在|保持在)(?<num>[0-9]+(?:\.[0-9]+)?)$")] private static partial Regex CutQuantity();
    [GeneratedRegex(@"^(?:结构|化|论|体制|格局|经济|社会|对立|分割|分化)")] private static partial Regex FixedTermAfterYuan();
    [GeneratedRegex(@"^(?:准则|原则|制度|规定|要求|措施|举措|行动|工程|任务|机制|改革)")] private static partial Regex AbstractNoun();
    [GeneratedRegex(@"^(?:行动|规划|计划|级|度|内|前|底|后|版|来|以来|起|的)")] private static partial Regex YearNameSuffix();
    [GeneratedRegex(@"^(?:免费|义务|制|一贯|学制|教龄|工龄)")] private static partial Regex DurationNoun();
    [GeneratedRegex(@"^(?:及以上|以上|以下)\p{IsCJKUnifiedIdeographs}")] private static partial Regex PersonThreshold();
    [GeneratedRegex(@"^(?:及以上|及以下)\p{IsCJKUnifiedIdeographs}")] private static partial Regex CategoryThreshold();
    [GeneratedRegex(@"^[^，。；,;：:]{0,10}的(?:人员|考生|报考人员|对象)")] private static partial Regex DefinesPersons();

    private static bool TryQuantity(string text, Match m, out decimal value, out string unit, out string op)
    {
        value = 0;
        op = "=";
        // Units come from a closed list: interned, so a rejected match allocates nothing.
        unit = UnitNames.TryGetValue(m.Groups[UnitGroup].ValueSpan, out var known) ? known : m.Groups[UnitGroup].Value;
        var numText = m.Groups[NumGroup].ValueSpan;
        // Windows around the match (spans: no copies of long paragraphs).
        var beforeStart = Math.Max(0, m.Index - 80);
        var before = text.AsSpan(beforeStart, m.Index - beforeStart);
        var afterStart = m.Index + m.Length;
        var after = text.AsSpan(afterStart, Math.Min(12, text.Length - afterStart));
        var chinese = !char.IsAsciiDigit(numText[0]);
        var prev = before.Length > 0 ? before[^1] : '\0';

        // Digits glued to the number are a longer token (a phone number, 1+X, 2.0): not a quantity.
        // A redaction (xx6所, XX3所: the names the publisher blanked out) is not part of the number.
        if (prev is '+' or '.' or '＋' or '/' || char.IsAsciiDigit(prev) || char.IsAsciiLetter(prev) && !Redaction(before)) return false;
        if (after.StartsWith("+", StringComparison.Ordinal) || after.StartsWith("＋", StringComparison.Ordinal)) return false;
        // A count that sums up the list it introduces ("推进三项工作：…"), a baseline ("以100人为基数"),
        // a category threshold ("50人（含）以上").
        if (IntroducesList(text, afterStart)) return false;
        // "具备下列四项条件", "以下3个方面": a count after 下列/以下/如下 counts the entries of the list that follows.
        if (before.EndsWith("下列", StringComparison.Ordinal) || before.EndsWith("以下", StringComparison.Ordinal) || before.EndsWith("如下", StringComparison.Ordinal)) return false;
        // "参加全部4个科目考试的人员": a count inside the phrase naming a group of persons defines who, it is no target.
        if (DefinesPersons().IsMatch(text.AsSpan(afterStart, Math.Min(16, text.Length - afterStart)))) return false;
        if (after.StartsWith("为基数", StringComparison.Ordinal) || after.StartsWith("为基准", StringComparison.Ordinal) || after.StartsWith("（含）", StringComparison.Ordinal) || after.StartsWith("(含)", StringComparison.Ordinal)) return false;
        // Ordinals, book titles, slogans in quotes.
        if (prev is '第' || before.EndsWith("首", StringComparison.Ordinal)) return false;
        if (InsideQuote(before) || InsideTitle(before)) return false;
        // “安心托幼、老有所学、快乐健身”三件民生实事: a count right after a quoted list of several terms sums up that list.
        if (prev == '”' && QuoteHasSeveralTerms(before[..^1])) return false;
        if (chinese)
        {
            if (!ChineseNumber.TryParse(numText, out var cn) || cn == 0) return false;
            // 百名美丽教师, 千家企业, 万名教师: round numbers in names.
            if (numText[0] is '百' or '千') return false;
            if (numText.Length > 4) return false;
            if (prev != '\0' && "同每单唯统任哪这那某其之万千百逐第一另".Contains(prev)) return false;
            // 无一人因贫辍学: "not a single one" is an outcome, not a count.
            if (cn == 1 && prev == '无') return false;
            // 以一天都不得耽误的态度, 一个也不能少: 一 + unit + 都/也 + a negation is emphasis, not a count.
            if (cn == 1 && numText is "一" && after.Length >= 2 && after[0] is '都' or '也' && after[1] is '不' or '没' or '无') return false;
            // 四个意识, 两个维护, 三年行动计划, 一期项目: slogans, plan names and phases; 连续三年 is a length.
            // 新建了一个大花坛, 建成了两个: a count right after a completed verb of building or adding (…了) is reported, not a
            // slogan; 形成了一个良好氛围 is a manner of speaking.
            if ((unit is "个" or "個" or "位" or "批" or "批次" or "轮" or "部" or "支" or "条" or "门" && !BuiltCount(before) && !GroupsFormed(before, after)) || unit == "年" && !ProgrammeLength(before)) return false;
            // 一人一事一地, 一校一策: parallel 一N一M terms make a slogan.
            if (cn == 1 && numText is "一" && (after.Length >= 2 && after[0] == '一' && Cjk.IsHan(after[1]) || before.Length >= 2 && before[^2] == '一' && Cjk.IsHan(before[^1]))) return false;
            // 一面向…, 两面人: 面 as a word of its own.
            if (unit == "面" && (after.StartsWith("向", StringComparison.Ordinal) || after.StartsWith("对", StringComparison.Ordinal) || after.StartsWith("临", StringComparison.Ordinal) || after.StartsWith("人", StringComparison.Ordinal) || after.StartsWith("积", StringComparison.Ordinal))) return false;
            // 二元结构, 多元化: a numeral + 元 inside a fixed term, not money.
            if (unit == "元" && FixedTermAfterYuan().IsMatch(after)) return false;
            // 建一所、优一所: parallel "V一N" terms make a slogan.
            if (cn == 1 && ParallelOne(text, m, unit)) return false;
            // 建设一座廉洁之城, 走一条廉洁之路: 一 + a "X之Y" noun is a figure of speech, not a count.
            if (cn == 1 && numText is "一" && FigureOfSpeech().IsMatch(after)) return false;
            // 一次 / 一项 / 一节 (开一节主题班会): "once", "a" — a manner of speaking, not a committed count.
            // 至少一项成果: after 至少 it is a count again.
            if (cn == 1 && numText is "一" && unit is "次" or "项" or "种" or "场" or "件" or "份" or "节" && !(unit is "次" or "节" && Frequency().IsMatch(before)) && OpBefore(before) != ">=") return false;
            // 二次供水, 三次产业: a numeral + 次 inside a fixed term.
            // 每季度组织一次专项检查: a frequency, whatever noun follows.
            if (unit == "次" && !Frequency().IsMatch(before) && after.Length > 0 && Cjk.IsHan(after[0]) && !after.StartsWith("以上", StringComparison.Ordinal) && !after.StartsWith("左右", StringComparison.Ordinal) && !after.StartsWith("以内", StringComparison.Ordinal)) return false;
            if (prev is '限') return false;
            // 区五套班子, 四套班子领导: the leading bodies of a place, a name, not a count of sets.
            if (unit == "套" && after.StartsWith("班子", StringComparison.Ordinal)) return false;
            if (unit == "期" && cn <= 3 && PhaseNoun().IsMatch(after)) return false;
            if (unit == "项" && AbstractNoun().IsMatch(after)) return false;
            value = cn;
        }
        else
        {
            if (!decimal.TryParse(numText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
            if (unit == "年" && (value >= 100 || YearNameSuffix().IsMatch(after) && !ProgrammeLength(before))) return false;
        }
        if (unit == "位" && after.StartsWith("一体", StringComparison.Ordinal)) return false;
        // 20条“底线要求”, 八条“禁令”: articles counted right before the quoted name of their set name a standard, not a commitment.
        if (unit == "条" && after.Length > 0 && after[0] == '“') return false;
        // Durations that frame a deadline (3个月内, 5个工作日, 30天内) are not commitments.
        if (unit == "个" && (after.StartsWith("月", StringComparison.Ordinal) || after.StartsWith("工作日", StringComparison.Ordinal) || after.StartsWith("小时", StringComparison.Ordinal))) return false;
        if (unit is "天" or "小时" or "年" && (after.StartsWith("内", StringComparison.Ordinal) || after.StartsWith("以内", StringComparison.Ordinal))) return false;
        if (unit == "年" && !DurationNoun().IsMatch(after) && !ProgrammeLength(before)) return false;
        // 乐成一中（一期）: a phase named in brackets after a project.
        if (unit == "期" && prev is '(' or '（') return false;
        // 不满3名党员的幼儿园: a threshold that only defines a category.
        if (before.EndsWith("不满", StringComparison.Ordinal) || before.EndsWith("不足", StringComparison.Ordinal) && Cjk.IsHan(after.Length > 0 ? after[0] : '\0') && !after.StartsWith("以", StringComparison.Ordinal)) return false;
        if (unit == "人" && PersonThreshold().IsMatch(after)) return false;
        // 一人有一套课桌椅, 2人共睡一铺床: an allocation per person is a ratio, neither count a target.
        if (unit is "人" or "名" && RatioAfterPerson().IsMatch(after) || before.Length > 2 && "有共用睡住配".Contains(before[^1]) && RatioBeforeShare().IsMatch(before)) return false;
        // A threshold that only defines a category: "55人及以上大班额".
        // ("新增培育1家及以上科创型企业": after a verb of adding, the count is what is added, not a category.)
        if (CategoryThreshold().IsMatch(after) && !AddingVerb().IsMatch(before)) return false;

        // 不少于3个月, 累计6个月以上: a minimum duration is a commitment; a bare one (用3个月时间, 3个月内) frames a deadline.
        if (unit == "个月" && (after.StartsWith("内", StringComparison.Ordinal) || after.StartsWith("以内", StringComparison.Ordinal)
            || OpBefore(before) is not ">=" && OpAfter(after) is not ">=")) return false;
        var hasRange = m.Groups["num2"].Success;
        var mod = m.Groups["mod"].Success || m.Groups["mod2"].Success;
        var near = before.Length > 10 ? before[^10..] : before;
        if (near.Contains('约') || after.StartsWith("左右", StringComparison.Ordinal)) op = "~";
        else if (hasRange || mod) op = ">=";
        else op = OpBefore(before) ?? OpAfter(after) ?? "=";
        return true;
    }

    /// <summary>"…有一套", "…共睡一铺": right after a count of persons, the share each of them has.</summary>
    [GeneratedRegex(@"^(?:有|共|共用|共睡|合用|同住|配|配有|享有|用)(?:[0-9]+|[一二两三四五六七八九十]+)[套张張间間台铺鋪床个個]")]
    private static partial Regex RatioAfterPerson();

    /// <summary>The share in "一人有一套": a count of persons and a sharing verb right before it.</summary>
    [GeneratedRegex(@"(?:[0-9]+|[一二两三四五六七八九十]+)[人名](?:有|共|共用|共睡|合用|同住|配|配有|享有|用)$")]
    private static partial Regex RatioBeforeShare();

    /// <summary>"新建了", "建成了", "设立了": a verb of building or adding, completed, right before the count.</summary>
    private static bool BuiltCount(ReadOnlySpan<char> before) =>
        before.Length >= 2 && before[^1] == '了' && ("建增设立办置备装植造购".Contains(before[^2]) || before.EndsWith("建成了", StringComparison.Ordinal));

    /// <summary>组成四个督导组, 成立三个工作小组: the teams an inspection is split into are counted, not a slogan.</summary>
    private static bool GroupsFormed(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        if (!(before.EndsWith("组成", StringComparison.Ordinal) || before.EndsWith("成立", StringComparison.Ordinal) || before.EndsWith("分成", StringComparison.Ordinal)
            || before.EndsWith("分为", StringComparison.Ordinal) || before.EndsWith("组建", StringComparison.Ordinal) || before.EndsWith("派出", StringComparison.Ordinal))) return false;
        var k = 0;
        while (k < after.Length && k < 6 && Cjk.IsHan(after[k])) k++;
        var noun = after[..k];
        var end = noun.IndexOfAny('组', '队');
        return end >= 1 && (end + 1 >= noun.Length || !"织建成合员".Contains(noun[end + 1])) || noun.IndexOf("专班", StringComparison.Ordinal) >= 0;
    }

    /// <summary>"xx、xx6所": two or more x/X right before the number are a blanked-out name, not a token the number belongs to.</summary>
    private static bool Redaction(ReadOnlySpan<char> before)
    {
        var k = before.Length;
        while (k > 0 && before[k - 1] is 'x' or 'X') k--;
        return before.Length - k >= 2 && (k == 0 || !char.IsAsciiLetterOrDigit(before[k - 1]));
    }

    /// <summary>连续3年, 分2年给予, 为期3年的…活动: the length of a programme (RULES: a quantity, not a calendar year).</summary>
    private static bool ProgrammeLength(ReadOnlySpan<char> before) => before.EndsWith("连续", StringComparison.Ordinal) || before.EndsWith("分", StringComparison.Ordinal) || before.EndsWith("长达", StringComparison.Ordinal) || before.EndsWith("为期", StringComparison.Ordinal);

    /// <summary>"建一所、优一所", "办一所、强一所": a numeral 一 in parallel terms joined by 、.</summary>
    private static bool ParallelOne(string text, Match m, string unit)
    {
        var end = m.Index + m.Length;
        // …一所、X一所
        if (end + 2 + unit.Length < text.Length && text[end] == '、' && Cjk.IsHan(text[end + 1]) && text[end + 2] == '一'
            && string.CompareOrdinal(text, end + 3, unit, 0, unit.Length) == 0) return true;
        // X一所、Y一所 (the second term)
        var s = m.Index;
        return s >= 3 + unit.Length && text[s - 2] == '、' && string.CompareOrdinal(text, s - 2 - unit.Length, unit, 0, unit.Length) == 0
            && text[s - 3 - unit.Length] == '一';
    }

    private static bool Overlaps(List<(int Start, int End, decimal Value, string Unit, string Op)> found, int count, int start, int end)
    {
        // The first count entries (the quantities) are in text order: a binary search finds the neighbours.
        int lo = 0, hi = count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (found[mid].End <= start) lo = mid + 1;
            else if (found[mid].Start >= end) hi = mid - 1;
            else return true;
        }
        return false;
    }

    private static string? OpBefore(ReadOnlySpan<char> before)
    {
        var b = before.Length > 8 ? before[^8..] : before;
        // Only words right before the number (after the last clause break) count.
        var cut = b.LastIndexOfAny("，,。；;、");
        if (cut >= 0) b = b[(cut + 1)..];
        // 至少召开1次, 至少建立1个: 至少 / 不少于 before the verb that governs the count.
        if (MinimumBeforeVerb().IsMatch(b)) return ">=";
        if (b.EndsWith("不少于", StringComparison.Ordinal) || b.EndsWith("至少", StringComparison.Ordinal) || b.EndsWith("不低于", StringComparison.Ordinal) || b.EndsWith("突破", StringComparison.Ordinal) || b.EndsWith("超过", StringComparison.Ordinal) && !b.EndsWith("不超过", StringComparison.Ordinal)) return ">=";
        // 营收总额超77亿元, 亏损额小于3亿元.
        if (b.EndsWith("超", StringComparison.Ordinal) && !b.EndsWith("不超", StringComparison.Ordinal)) return ">=";
        if (b.EndsWith("小于", StringComparison.Ordinal)) return "<=";
        if (b.EndsWith("不超过", StringComparison.Ordinal) || b.EndsWith("不高于", StringComparison.Ordinal) || b.EndsWith("控制在", StringComparison.Ordinal) || b.EndsWith("低于", StringComparison.Ordinal)) return "<=";
        if (b.EndsWith("约", StringComparison.Ordinal)) return "~";
        return null;
    }

    private static string? OpAfter(ReadOnlySpan<char> after)
    {
        if (after.StartsWith("以上", StringComparison.Ordinal) || after.StartsWith("及以上", StringComparison.Ordinal)) return ">=";
        if (after.StartsWith("以内", StringComparison.Ordinal) || after.StartsWith("以下", StringComparison.Ordinal)) return "<=";
        if (after.StartsWith("左右", StringComparison.Ordinal)) return "~";
        return null;
    }

    private static bool InsideQuote(ReadOnlySpan<char> before)
    {
        var open = before.LastIndexOf('“');
        var close = before.LastIndexOf('”');
        return open > close && before.Length - open <= 12;
    }

    [GeneratedRegex(@"每(?:年|季度|季|月|周|学期|半年|学年)[\p{IsCJKUnifiedIdeographs}]{0,8}$")]
    private static partial Regex Frequency();

    /// <summary>"推进三项工作：…": the count is followed by a short noun and a colon that opens the list.</summary>
    private static bool IntroducesList(string text, int after)
    {
        var end = Math.Min(text.Length, after + 10);
        for (var k = after; k < end; k++)
        {
            var c = text[k];
            if (c is '：' or ':') return true;
            if (!Cjk.IsHan(c)) return false;
        }
        return false;
    }

    private static bool QuoteHasSeveralTerms(ReadOnlySpan<char> before)
    {
        var open = before.LastIndexOf('“');
        return open >= 0 && before[open..].IndexOfAny('、', '，') >= 0;
    }

    /// <summary>全覆盖 inside a slogan of several quoted terms, or in a purpose clause ("为实现…全覆盖创造条件").</summary>
    private static bool SloganOrPurpose(ReadOnlySpan<char> before)
    {
        if (InsideQuote(before) && QuoteHasSeveralTerms(before)) return true;
        var cut = before.LastIndexOfAny("，,。；;：:");
        var clause = cut >= 0 ? before[(cut + 1)..] : before;
        return clause.StartsWith("为", StringComparison.Ordinal) || clause.StartsWith("以", StringComparison.Ordinal);
    }

    private static bool InsideTitle(ReadOnlySpan<char> before) => before.LastIndexOf('《') > before.LastIndexOf('》');

    /// <summary>The clause around a quantity, without a leading time or modal word; a clause with two quantities is split at 和/、.</summary>
    private static (int Start, int End) ClauseSpan(string text, int start, int end, int prevEnd, int nextStart)
    {
        // A clause is short; the bound keeps a 50 MB paragraph without punctuation linear.
        var s = start;
        while (s > 0 && start - s < MaxClause && !Cjk.IsClauseEnd(text[s - 1])) s--;
        var e = end;
        while (e < text.Length && e - end < MaxClause && !Cjk.IsClauseEnd(text[e])) e++;
        if (prevEnd > s && prevEnd <= start)
        {
            var cut = text.IndexOfAny(['和', '、', '及'], prevEnd, start - prevEnd);
            s = cut >= 0 && cut < start ? cut + 1 : prevEnd;
        }
        if (nextStart >= 0 && nextStart < e && nextStart >= end)
        {
            var cut = text.LastIndexOfAny(['和', '、', '及'], nextStart - 1, nextStart - end);
            if (cut >= end) e = cut;
        }
        while (s < e && text[s] is ' ' or '\u3000') s++;
        var lead = LeadingModal().Match(text[s..e]);
        if (lead.Success && s + lead.Length < start) s += lead.Length;
        return (s, e);
    }
}
