using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PlanLedger.Documents.Tests.Corpus;

/// <summary>
/// The per-document score of ../shared/tools/score_plan.py, ported measure for measure so that the test suite and the
/// scorer agree: the mean of structure F1, heading accuracy, text similarity (difflib ratio over matched items),
/// targets F1, units F1, deadlines F1 and metadata accuracy, a measure with nothing on either side left out, and a
/// noise leak halving the result.
/// </summary>
internal static partial class PlanScore
{
    private static readonly string[] Noise = ["<", ">", "365bet", "365不给提款", "Copyright", "折扣价", "扫码下载", "VIP免费下载",
        "微信好友", "关注山东教师考试", "本文内容由互联网用户", "打印页面", "客服请联系", "点击右上角", "更多资料辅导", "如遇卡顿"];

    private static readonly string[] MetaFields = ["title", "issuer", "year", "date", "docNumber"];

    internal sealed record Result(double Score, IReadOnlyDictionary<string, double?> Parts, IReadOnlyList<string> Misses)
    {
        public override string ToString() =>
            $"score {Score:0.000} (" + string.Join(", ", Parts.Select(p => $"{p.Key} {(p.Value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-")}")) + ")"
            + (Misses.Count == 0 ? "" : "\n  " + string.Join("\n  ", Misses));
    }

    public static Result Score(JsonElement gold, JsonElement pred)
    {
        var g = Walk(gold.GetProperty("items"));
        var p = Walk(pred.TryGetProperty("items", out var pi) ? pi : default);
        var parts = new Dictionary<string, double?>();
        var misses = new List<string>();

        parts["structure"] = F1(g.Keys, p.Keys);
        var common = g.Keys.Where(p.ContainsKey).ToList();
        parts["heading"] = common.Count == 0 ? 0.0 : common.Count(k => Norm(Str(g[k], "heading")) == Norm(Str(p[k], "heading"))) / (double)common.Count;
        parts["text"] = common.Count == 0 ? 0.0 : common.Sum(k => Ratio(Norm(Str(g[k], "text")), Norm(Str(p[k], "text")))) / common.Count;
        var (gt, pt) = (Targets(g), Targets(p));
        parts["targets"] = F1(gt, pt);
        var (gu, pu) = (Units(g), Units(p));
        parts["units"] = F1(gu, pu);
        var (gd, pd) = (Deadlines(g), Deadlines(p));
        parts["deadlines"] = F1(gd, pd);
        var scored = MetaFields.Where(f => Meta(gold, f) is not null || Meta(pred, f) is not null).ToList();
        parts["meta"] = scored.Count == 0 ? null : scored.Count(f => Norm(Meta(gold, f)) == Norm(Meta(pred, f))) / (double)scored.Count;

        var blob = string.Join("\n", TextFields(pred, p.Values));
        var leaks = Noise.Where(n => blob.Contains(n, StringComparison.Ordinal)).ToList();
        var present = parts.Values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var score = (present.Count == 0 ? 0.0 : present.Average()) * (leaks.Count == 0 ? 1.0 : 0.5);

        Note(misses, "missing items", g.Keys.Except(p.Keys));
        Note(misses, "extra items", p.Keys.Except(g.Keys));
        Note(misses, "headings", common.Where(k => Norm(Str(g[k], "heading")) != Norm(Str(p[k], "heading"))).Select(k => $"{k}: [{Str(g[k], "heading")}] got [{Str(p[k], "heading")}]"));
        Note(misses, "missing targets", gt.Except(pt));
        Note(misses, "extra targets", pt.Except(gt));
        Note(misses, "missing units", gu.Except(pu));
        Note(misses, "extra units", pu.Except(gu));
        Note(misses, "deadlines", gd.Except(pd).Select(d => "-" + d).Concat(pd.Except(gd).Select(d => "+" + d)));
        Note(misses, "meta", scored.Where(f => Norm(Meta(gold, f)) != Norm(Meta(pred, f))).Select(f => $"{f}: [{Meta(gold, f)}] got [{Meta(pred, f)}]"));
        Note(misses, "noise", leaks);
        return new Result(score, parts, misses);
    }

    private static void Note(List<string> misses, string what, IEnumerable<string> items)
    {
        var list = items.Take(20).ToList();
        if (list.Count > 0) misses.Add($"{what}: {string.Join(" | ", list)}");
    }

    /// <summary>Flattens a tree into path → item; a repeated sibling label gets '#n'.</summary>
    public static Dictionary<string, JsonElement> Walk(JsonElement items, string prefix = "", Dictionary<string, JsonElement>? into = null)
    {
        into ??= [];
        if (items.ValueKind != JsonValueKind.Array) return into;
        var seen = new Dictionary<string, int>();
        foreach (var it in items.EnumerateArray())
        {
            var label = LabelKey(Str(it, "label"));
            seen[label] = seen.GetValueOrDefault(label) + 1;
            var key = seen[label] == 1 ? label : $"{label}#{seen[label]}";
            var path = prefix.Length == 0 ? key : prefix + "/" + key;
            into[path] = it;
            if (it.TryGetProperty("children", out var ch)) Walk(ch, path, into);
        }
        return into;
    }

    private static double? F1(IEnumerable<string> gold, IEnumerable<string> pred)
    {
        var (g, p) = (gold.ToHashSet(), pred.ToHashSet());
        if (g.Count == 0 && p.Count == 0) return null;
        var tp = g.Intersect(p).Count();
        var prec = p.Count == 0 ? 0.0 : tp / (double)p.Count;
        var rec = g.Count == 0 ? 0.0 : tp / (double)g.Count;
        return prec + rec == 0 ? 0.0 : 2 * prec * rec / (prec + rec);
    }

    private static HashSet<string> Targets(Dictionary<string, JsonElement> flat) =>
        flat.SelectMany(kv => Array(kv.Value, "targets").Select(t => $"{kv.Key} {Num(t.GetProperty("value"))} {Norm(Str(t, "unit"))}")).ToHashSet();

    private static HashSet<string> Units(Dictionary<string, JsonElement> flat) =>
        flat.SelectMany(kv => new[] { "lead", "support" }.SelectMany(role => Array(kv.Value, role).Select(u => $"{kv.Key} {role} {Norm(u.GetString())}"))).ToHashSet();

    private static HashSet<string> Deadlines(Dictionary<string, JsonElement> flat) =>
        flat.Where(kv => !string.IsNullOrEmpty(Str(kv.Value, "deadline"))).Select(kv => $"{kv.Key} {Norm(Str(kv.Value, "deadline"))}").ToHashSet();

    private static IEnumerable<string> TextFields(JsonElement doc, IEnumerable<JsonElement> items)
    {
        foreach (var f in new[] { "title", "issuer", "docNumber" }) yield return Meta(doc, f) ?? "";
        foreach (var it in items)
        {
            yield return Str(it, "heading") ?? "";
            yield return Str(it, "text") ?? "";
            yield return Str(it, "deadline") ?? "";
            foreach (var u in Array(it, "lead").Concat(Array(it, "support"))) yield return u.GetString() ?? "";
            foreach (var t in Array(it, "targets")) yield return Str(t, "text") ?? "";
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A document field as the scorer compares it: strings as they are, numbers (year) as their digits.</summary>
    private static string? Meta(JsonElement doc, string name) =>
        !doc.TryGetProperty(name, out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };

    private static string Num(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x))
            return x == Math.Floor(x) && Math.Abs(x) < 1e15 ? ((long)x).ToString(CultureInfo.InvariantCulture) : x.ToString("G6", CultureInfo.InvariantCulture);
        return Norm(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText());
    }

    private static string LabelKey(string? label) =>
        TrailingPunct().Replace((label ?? "").Normalize(NormalizationForm.FormKC).Trim(), "");

    public static string Norm(string? s) => s is null ? "" : Punct().Replace(s.Normalize(NormalizationForm.FormKC), "");

    /// <summary>difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(), over UTF-16 code units.</summary>
    public static double Ratio(string a, string b)
    {
        var total = a.Length + b.Length;
        if (total == 0) return 1.0;
        return 2.0 * Matches(a, 0, a.Length, b, 0, b.Length) / total;
    }

    private static int Matches(string a, int alo, int ahi, string b, int blo, int bhi)
    {
        var queue = new Stack<(int, int, int, int)>();
        queue.Push((alo, ahi, blo, bhi));
        var sum = 0;
        while (queue.Count > 0)
        {
            var (al, ah, bl, bh) = queue.Pop();
            var (i, j, k) = Longest(a, al, ah, b, bl, bh);
            if (k == 0) continue;
            sum += k;
            if (al < i && bl < j) queue.Push((al, i, bl, j));
            if (i + k < ah && j + k < bh) queue.Push((i + k, ah, j + k, bh));
        }
        return sum;
    }

    /// <summary>find_longest_match without junk: the earliest longest common block of a[alo:ahi] and b[blo:bhi].</summary>
    private static (int, int, int) Longest(string a, int alo, int ahi, string b, int blo, int bhi)
    {
        var (besti, bestj, best) = (alo, blo, 0);
        var prev = new int[bhi - blo + 1];
        var cur = new int[bhi - blo + 1];
        for (var i = alo; i < ahi; i++)
        {
            for (var j = blo; j < bhi; j++)
            {
                var k = a[i] == b[j] ? prev[j - blo] + 1 : 0;
                cur[j - blo + 1] = k;
                if (k > best) (besti, bestj, best) = (i - k + 1, j - k + 1, k);
            }
            (prev, cur) = (cur, prev);
            System.Array.Clear(cur);
        }
        return (besti, bestj, best);
    }

    [GeneratedRegex(@"[\s\u3000,，。、;；:：!！?？""'“”‘’()（）\[\]【】《》<>·…—\-_.]")]
    private static partial Regex Punct();

    [GeneratedRegex(@"[\s、.．,，:：]+$")]
    private static partial Regex TrailingPunct();
}
