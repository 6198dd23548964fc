namespace PlanLedger.Documents.Tests.Specs;

/// <summary>
/// Reads Markdig-style spec files: each example is a fenced block
/// <c>```example</c> … input … <c>.</c> … expected … <c>```</c> under a <c>## heading</c> that names it.
/// Flags on the first input lines: <c>%meta</c> also checks the document fields, <c>%html</c> reads the input as a web
/// page, <c>%positions</c> shows each item's line and offset in the clean source text.
/// </summary>
public static class SpecFile
{
    public sealed record Example(string File, string Name, int Line, string Input, string Expected, bool WithMeta)
    {
        /// <summary>The input is an HTML page (first line <c>%html</c>), read by the HTML reader.</summary>
        public bool Html { get; init; }
        /// <summary>Each item line also shows where the item sits in the clean source text (<c>%positions</c>).</summary>
        public bool Positions { get; init; }

        public override string ToString() => $"{File}:{Line} {Name}";
    }

    public static IEnumerable<object[]> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", fileName);
        var lines = File.ReadAllLines(path);
        var name = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal)) name = lines[i][3..].Trim();
            if (lines[i].Trim() != "```example") continue;
            var start = i + 1;
            var input = new List<string>();
            var expected = new List<string>();
            var target = input;
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                if (lines[i] == "." && target == input) { target = expected; continue; }
                target.Add(lines[i]);
            }
            var flags = new HashSet<string>();
            while (input.Count > 0 && input[0].StartsWith('%')) { flags.Add(input[0]); input.RemoveAt(0); }
            yield return [new Example(fileName, name, start, string.Join("\n", input), string.Join("\n", expected).TrimEnd(), flags.Contains("%meta"))
            {
                Html = flags.Contains("%html"), Positions = flags.Contains("%positions"),
            }];
        }
    }
}
