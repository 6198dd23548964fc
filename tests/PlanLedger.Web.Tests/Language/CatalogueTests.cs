using System.Text.RegularExpressions;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Tests.Language;

/// <summary>
/// The one catalogue has an English entry for every Chinese text the application shows: the page labels
/// (<c>T["…"]</c> in the Razor pages) and the messages of refusals (<c>Failure…(…)</c>, <c>RuleException(…)</c>, the
/// validation <c>return "…";</c> of the entities and services), found by reading the source.
/// </summary>
public sealed partial class CatalogueTests
{
    private static readonly string Web = Path.Combine(Root(), "src", "PlanLedger.Web");

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanLedger.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("No PlanLedger.slnx above the test binaries.");
    }

    private static IEnumerable<string> Files(string pattern) => Directory.EnumerateFiles(Web, pattern, SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
            && !Path.GetFileName(f).StartsWith("Strings.", StringComparison.Ordinal));

    /// <summary>An interpolated literal as its template key: each hole <c>{expr}</c> becomes <c>{0}</c>, <c>{1}</c>, … in order.</summary>
    internal static string Key(string literal, bool interpolated)
    {
        if (!interpolated) return Regex.Unescape(literal);
        var names = new List<string>();
        return Regex.Unescape(Hole().Replace(literal, m =>
        {
            var name = m.Groups[1].Value.Split(':')[0].Trim();
            if (!names.Contains(name)) names.Add(name);
            return "{" + names.IndexOf(name) + "}";
        }));
    }

    private static IEnumerable<(string File, string Key)> Used()
    {
        foreach (var f in Files("*.cshtml"))
            foreach (Match m in PageLabel().Matches(File.ReadAllText(f)))
                yield return (f, Regex.Unescape(m.Groups[1].Value));
        // Official documents (公文) are written in Chinese whatever the reader's language.
        foreach (var f in Files("*.cs").Where(f => !OfficialDocument().IsMatch(Path.GetFileName(f))))
            foreach (Match m in Message().Matches(File.ReadAllText(f)))
                yield return (f, Key(m.Groups["text"].Value, m.Groups["interp"].Success));
    }

    [Fact]
    public void Every_Chinese_label_and_message_has_its_English()
    {
        var used = Used().Where(u => Strings.HasHan(u.Key)).ToList();
        Assert.True(used.Count > 300, $"the scan found only {used.Count} texts");
        var missing = used.Where(u => !Strings.En.ContainsKey(u.Key))
            .Select(u => $"{Path.GetRelativePath(Web, u.File)}: {u.Key}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} texts without English:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_English_entry_is_Chinese_and_no_message_is_written_in_both_languages()
    {
        Assert.Empty(Strings.En.Where(e => Strings.HasHan(e.Value) && !e.Value.Contains('〔')).Select(e => e.Key));
        var both = Used().Where(u => Strings.HasHan(u.Key) && Bilingual().IsMatch(u.Key)).Select(u => $"{Path.GetFileName(u.File)}: {u.Key}").ToList();
        Assert.True(both.Count == 0, "messages in both languages:\n" + string.Join("\n", both));
    }

    [Fact]
    public void A_template_translates_its_values_and_an_unknown_text_stays_as_it_is()
    {
        Assert.Equal("Passwords must be at least 12 characters", Strings.ToEnglish("密码至少 12 位"));
        Assert.Equal("Period is too long (at most 7 characters)", Strings.ToEnglish("报送周期 过长（不超过 7 字）"));
        Assert.Equal("这不是目录里的话", Strings.ToEnglish("这不是目录里的话"));
    }

    [GeneratedRegex(@"T\[""((?:[^""\\]|\\.)+)""\]")]
    private static partial Regex PageLabel();

    /// <summary>A literal handed to a refusal: Failure.X("…"), new Failure(n, "…"), RuleException("…"), Problem(title: "…"), or a validation return "…".</summary>
    [GeneratedRegex(@"(?:Failure\.\w+\(|new Failure\(\s*\w+,\s*|RuleException\(|title:\s*|Flash = |Error = |Problem = |Message = |return )(?<interp>\$)?""(?<text>(?:[^""\\\n]|\\.)*\p{IsCJKUnifiedIdeographs}(?:[^""\\\n]|\\.)*)""\s*[);,:]")]
    private static partial Regex Message();

    [GeneratedRegex(@"^(Figures|GongwenWriter|SummaryDrafter|\w+Document)\.cs$")]
    private static partial Regex OfficialDocument();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Hole();

    /// <summary>A Chinese text followed by an English sentence (“中文 English words”).</summary>
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}[^\p{IsCJKUnifiedIdeographs}]*\s[A-Z][a-z]+\s[a-z]+[^\p{IsCJKUnifiedIdeographs}]*$")]
    private static partial Regex Bilingual();
}
