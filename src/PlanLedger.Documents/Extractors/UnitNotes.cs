using System.Text.RegularExpressions;
using PlanLedger.Documents.Parsers;

namespace PlanLedger.Documents.Extractors;

/// <summary>
/// Conventions a document states once in a responsibility note and that hold from there to its end:
/// “列第一位的为牵头单位，下同” (the first name of a later “（A、B、C负责）” leads, the others support) and
/// “以下均需各县区实施，不再列出” (every later note also names 各县区 as lead).
/// </summary>
internal sealed class UnitConventions
{
    public bool FirstNameLeads { get; set; }
    public List<string> AlwaysLead { get; } = [];

    /// <summary>A note has declared something: the state differs from the one a document starts with.</summary>
    public bool Declared => FirstNameLeads || AlwaysLead.Count > 0;
}

/// <summary>
/// Responsibility notes written without a 牵头单位： label, in the forms official documents use:
/// “（A、B负责）”, “（A牵头，B、C按职责分工负责）”, “（A指导）”, “（A负责落实）”, a bare list “（基教科、教研室、各区县）” at the
/// end of a task, an indicator note “（9月底完成，牵头考核单位：A、B）”, and a closing sentence “A牵头，B配合。”.
/// Every note is taken out of the text; an item with several notes takes their union.
/// </summary>
internal static partial class UnitNotes
{
    // One level of short brackets inside a note: "（市教育局牵头，各县（市、区）教育局配合）".
    [GeneratedRegex(@"[(（](?<body>(?:[^()（）\n]|[(（][^()（）\n]{1,12}[)）]){2,240})[)）]")]
    private static partial Regex Paren();

    [GeneratedRegex(@"^(?<names>[^：:]{2,200}?)(?<role>牵头负责|牵头|共同牵头|负责落实|负责实施|按职责分工负责|按职责分工落实|按职责负责|按职责分别负责|分工负责|共同负责|分别负责|负责|指导|配合|参与|协助|协同|按职责配合|配合落实|参与实施|组织实施)$")]
    private static partial Regex RoleSegment();

    [GeneratedRegex(@"^(?<role>[\p{IsCJKUnifiedIdeographs}]{0,6}(?:单位|部门|科室|处室|股室))\s*[:：]\s*(?<names>.{2,200})$")]
    private static partial Regex ColonSegment();

    [GeneratedRegex(@"^(?<t>(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|初|中旬|上旬|下旬|份)?(?:前|以前)?|(?:19|20)\d{2}年(?:底|末|上半年|下半年)?(?:前)?|年内|年底前?|年末|上半年|下半年|[一二三四]季度(?:末|底)?)")]
    private static partial Regex LeadingTime();

    [GeneratedRegex(@"(?:列|排)(?:第一位|首位|在第一位|在首位)的?(?:为|是)牵头单位|(?:下同|以下同)")]
    private static partial Regex FirstLeadsConvention();

    [GeneratedRegex(@"以下(?:均|都)?(?:需|须|由)?(?<names>[\p{IsCJKUnifiedIdeographs}、]{2,30}?)(?:负责)?(?:实施|落实|负责)[，,]?不再(?:一一)?列出")]
    private static partial Regex AlwaysConvention();

    // Source-generated (compiled ahead of time with the engine) rather than parsed at run time through Regex's small cache.
    [GeneratedRegex("[，,；]{2,}")]
    private static partial Regex RepeatedComma();

    [GeneratedRegex("[，,；;。]")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[、，,]|(?<=[\p{IsCJKUnifiedIdeographs}]{2})(?:等|及|和)(?=[\p{IsCJKUnifiedIdeographs}])")]
    private static partial Regex NameBreak();

    [GeneratedRegex("[，,；;]")]
    private static partial Regex ClauseBreak();

    /// <summary>Finds the notes, adds their units, returns the text without them; <paramref name="deadline"/> is a time an indicator note opens with.</summary>
    public static string Extract(string text, List<string> lead, List<string> support, UnitConventions conv, ref string? deadline)
    {
        if (text.IndexOf('（') < 0 && text.IndexOf('(') < 0) return ClosingSentence(text, lead, support, conv);
        var found = false;
        var pos = 0;
        for (var guard = 0; guard < 64; guard++)
        {
            var m = Paren().Match(text, pos);
            if (!m.Success) break;
            pos = m.Index + 1;
            if (!AtTaskEnd(text, m.Index, m.Index + m.Length)) continue;
            var body = m.Groups["body"].Value;
            var folded = Text.TraditionalFold.Apply(body);
            var note = Parse(folded, conv, BeforeComma(text, m.Index + m.Length));
            if (note is null) continue;
            if (!ReferenceEquals(folded, body))
            {
                Text.TraditionalFold.Restore(note.Value.Lead, folded, body);
                Text.TraditionalFold.Restore(note.Value.Support, folded, body);
            }
            found = true;
            Add(note.Value.Lead, note.Value.Support, lead, support);
            if (note.Value.Deadline is not null) deadline ??= note.Value.Deadline;
            text = text[..m.Index].TrimEnd() + text[(m.Index + m.Length)..];
            pos = m.Index;
        }
        if (!found) return ClosingSentence(text, lead, support, conv);
        foreach (var a in conv.AlwaysLead)
            if (!lead.Contains(a)) lead.Add(a);
        Finish(lead, support);
        return text.Trim();
    }

    private static string ClosingSentence(string text, List<string> lead, List<string> support, UnitConventions conv)
    {
        // "…。市教育局牵头，市财政局配合。": the item's last sentence is only roles.
        var t = text.TrimEnd();
        if (t.Length < 4) return text;
        var end = t.EndsWith('。') ? t.Length - 1 : t.Length;
        var start = t.LastIndexOf('。', Math.Max(0, end - 1)) + 1;
        if (end - start is < 4 or > 120) return text;
        if (!HasRoleVerb(t.AsSpan(start, end - start)) || !SegmentsEndInRoles(t.AsSpan(start, end - start))) return text;
        var note = ParseRoles(t[start..end], conv, strict: true);
        if (note is null) return text;
        Add(note.Value.Lead, note.Value.Support, lead, support);
        Finish(lead, support);
        return t[..start].Trim();
    }

    private static readonly Text.FewWords RoleVerbs = new("负责", "牵头", "指导", "配合", "参与", "协助", "协同", "实施");

    private static bool HasRoleVerb(ReadOnlySpan<char> s) => RoleVerbs.In(s);

    // The last characters of RoleSegment's role words (牵头负责 … 组织实施).
    private static readonly System.Buffers.SearchValues<char> RoleWordEnds = System.Buffers.SearchValues.Create("责头实施导合与助同");

    /// <summary>
    /// What <see cref="ParseRoles"/> needs before it splits: one to six sentences (cut at SentenceBreak's ，,；;。, trimmed,
    /// empty ones dropped), each ending in a role word's last character as RoleSegment demands. False only where
    /// ParseRoles would give no note, so the split and its strings are skipped for the many closing sentences that
    /// merely hold 实施 or 负责.
    /// </summary>
    private static bool SegmentsEndInRoles(ReadOnlySpan<char> body)
    {
        var segments = 0;
        var open = false;
        var last = '\0';
        foreach (var c in body)
        {
            if (c is '，' or ',' or '；' or ';' or '。')
            {
                if (open && (!RoleWordEnds.Contains(last) || ++segments > 6)) return false;
                open = false;
            }
            else if (!char.IsWhiteSpace(c))
            {
                open = true;
                last = c;
            }
        }
        return open ? RoleWordEnds.Contains(last) && ++segments <= 6 : segments > 0;
    }

    private static bool AtTaskEnd(string text, int start, int end)
    {
        var k = end;
        while (k < text.Length && text[k] is ' ' or '\u3000') k++;
        if (k >= text.Length || text[k] is '。' or '；' or ';' or '\n' or '，' or ',') return true;
        var b = start - 1;
        while (b >= 0 && text[b] is ' ' or '\u3000') b--;
        return b >= 0 && text[b] is '。' or '；' or ';';
    }

    private readonly record struct Note(List<string> Lead, List<string> Support, string? Deadline);

    /// <summary>The sentence goes on after the parenthetical (“建立人才联络站（海外人才工作站），逐步形成…”).</summary>
    private static bool BeforeComma(string text, int end)
    {
        while (end < text.Length && text[end] is ' ' or '\u3000') end++;
        return end < text.Length && text[end] is '，' or ',';
    }

    private static Note? Parse(string body, UnitConventions conv, bool midSentence = false)
    {
        body = body.Trim();
        // Conventions first: they are sentences of the note, not roles.
        var always = AlwaysConvention().Match(body);
        List<string>? alwaysNames = null;
        if (always.Success)
        {
            alwaysNames = UnitNames.SplitNote(always.Groups["names"].Value);
            body = (body[..always.Index] + body[(always.Index + always.Length)..]).Trim().TrimEnd('。', '，', ',', '；').Trim();
        }
        var firstLeads = false;
        var fl = FirstLeadsConvention().Match(body);
        if (fl.Success && body.Contains("牵头单位", StringComparison.Ordinal) || fl.Success && fl.Value.Contains('下'))
        {
            firstLeads = body.Contains("牵头单位", StringComparison.Ordinal) || conv.FirstNameLeads;
            body = FirstLeadsConvention().Replace(body, "").Trim().TrimEnd('。', '，', ',', '；').Trim();
            body = RepeatedComma().Replace(body, "，").Trim('，', ',');
        }
        if (firstLeads) conv.FirstNameLeads = true;
        var note = body.Length == 0 ? new Note([], [], null)
            : (HasRoleVerb(body) ? ParseRoles(body, conv, strict: false) : null) ?? (body.Contains('：') || body.Contains(':') ? ParseIndicator(body) : null) ?? (midSentence ? null : ParseBareList(body));
        if (note is null && alwaysNames is null) return null;
        return Close(note ?? new Note([], [], null));

        Note Close(Note n)
        {
            if (alwaysNames is not null)
            {
                conv.AlwaysLead.Clear();
                conv.AlwaysLead.AddRange(alwaysNames);
                n.Lead.AddRange(alwaysNames.Where(a => !n.Lead.Contains(a)));
            }
            return n;
        }
    }

    /// <summary>“A牵头，B、C按职责分工负责”, “A、B负责”, “A指导，各县区负责实施”.</summary>
    private static Note? ParseRoles(string body, UnitConventions conv, bool strict)
    {
        if (!SegmentsEndInRoles(body)) return null;
        var segments = SentenceBreak().Split(body).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (segments.Count == 0 || segments.Count > 6) return null;
        var parsed = new List<(List<string> Names, string Role)>();
        foreach (var s in segments)
        {
            var m = RoleSegment().Match(s);
            if (!m.Success) return null;
            var raw = m.Groups["names"].Value.Trim();
            if (raw.StartsWith('由')) raw = raw[1..];
            var names = UnitNames.SplitNote(raw);
            // Every written name must read as a unit (generic collectives already dropped).
            var all = UnitNames.SplitOutsideBrackets(raw, NameBreak()).Select(x => x.Trim().TrimEnd('等')).Where(x => x.Length > 0).ToList();
            if (all.Count == 0 || !all.All(n => UnitNames.LooksLikeUnit(n) || UnitNames.IsGeneric(n) || n.Length <= 3 && n.StartsWith('各'))) return null;
            if (strict && names.Count == 0) return null;
            parsed.Add((names, m.Groups["role"].Value));
        }
        var hasLead = parsed.Exists(p => p.Role.Contains("牵头", StringComparison.Ordinal));
        var lead = new List<string>();
        var support = new List<string>();
        foreach (var (names, role) in parsed)
        {
            if (role.Contains("牵头", StringComparison.Ordinal) || role == "指导") { lead.AddRange(names); continue; }
            if (role is "配合" or "参与" or "协助" or "协同" or "按职责配合" or "配合落实" or "参与实施") { support.AddRange(names); continue; }
            if (hasLead) { support.AddRange(names); continue; }
            if (conv.FirstNameLeads && names.Count > 0 && lead.Count == 0)
            {
                lead.Add(names[0]);
                support.AddRange(names.Skip(1));
                continue;
            }
            lead.AddRange(names);
        }
        return new Note(lead, support, null);
    }

    /// <summary>“9月底完成，牵头考核单位：市交通局、市公安局”: a time, then roles with a colon.</summary>
    private static Note? ParseIndicator(string body)
    {
        var segments = ClauseBreak().Split(body).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var lead = new List<string>();
        var support = new List<string>();
        string? deadline = null;
        var roles = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            var m = ColonSegment().Match(s);
            if (m.Success)
            {
                roles++;
                var names = UnitNames.SplitNote(m.Groups["names"].Value);
                var role = m.Groups["role"].Value;
                if (role.Contains("配合", StringComparison.Ordinal) || role.Contains("协同", StringComparison.Ordinal) || role.Contains("参与", StringComparison.Ordinal) || role.Contains("协办", StringComparison.Ordinal))
                    support.AddRange(names);
                else lead.AddRange(names);
                // The names may run on after a comma: "牵头考核单位：市交通局，市公安局" is not split there.
                continue;
            }
            if (roles > 0)
            {
                // A name list continued after "，".
                if (UnitNames.LooksLikeUnit(s)) { (support.Count > 0 ? support : lead).Add(s); continue; }
                return null;
            }
            if (i == 0)
            {
                var t = LeadingTime().Match(s);
                if (t.Success) deadline = t.Groups["t"].Value;
                else if (s.Length > 10) return null;
                continue;
            }
            if (s.Length > 10) return null;
        }
        return roles == 0 ? null : new Note(lead, support, deadline);
    }

    /// <summary>“（基教科、教研室、各区县）” at the end of a task: all lead.</summary>
    private static Note? ParseBareList(string body)
    {
        // “（基础教育科、计划财务科，12月底前）”: a completion time after the names is the note's deadline.
        var comma = body.LastIndexOfAny(['，', ',']);
        if (comma > 0 && comma == body.IndexOfAny(['，', ',']))
        {
            var tail = body[(comma + 1)..].Trim();
            var t = LeadingTime().Match(tail);
            if (!t.Success || t.Length != tail.Length) return null;
            return ParseBareList(body[..comma]) is { } named ? new Note(named.Lead, [], t.Groups["t"].Value) : null;
        }
        if (body.Length > 120 || body.IndexOfAny(['，', ',', '：', ':', '。', '；']) >= 0) return null;
        var parts = body.Split('、', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        foreach (var p in parts)
            if (!UnitNames.LooksLikeUnit(p) && !UnitNames.IsGeneric(p) || IsAside(p)) return null;
        var names = UnitNames.SplitNote(body);
        // A single unit name in brackets is often an aside (“学校（幼儿园）”); a bare list needs a real unit.
        if (names.Count == 0 || parts.Length == 1 && !UnitNames.LooksLikeOrg(parts[0])) return null;
        return new Note(names, [], null);
    }

    private static bool IsAside(string p) =>
        p.StartsWith('含') || p.StartsWith("不含", StringComparison.Ordinal) || p.StartsWith("包括", StringComparison.Ordinal) || p.StartsWith('如')
        || p.StartsWith('即') || p.StartsWith("其中", StringComparison.Ordinal) || p.StartsWith("简称", StringComparison.Ordinal) || p.StartsWith("以下简称", StringComparison.Ordinal);

    private static void Add(List<string> fromLead, List<string> fromSupport, List<string> lead, List<string> support)
    {
        foreach (var n in fromLead) if (!lead.Contains(n)) lead.Add(n);
        foreach (var n in fromSupport) if (!support.Contains(n)) support.Add(n);
    }

    /// <summary>A name that leads anywhere in the item is not also support.</summary>
    private static void Finish(List<string> lead, List<string> support) => support.RemoveAll(lead.Contains);
}
