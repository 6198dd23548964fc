namespace PlanLedger.Documents.Tests.Specs;

/// <summary>
/// Reads Markdig-style spec files: each example is a fenced block
/// <c>```example</c> … input … <c>.</c> … expected … <c>```</c> under a <c>## heading</c> that names it.
/// An example whose first input line is <c>%meta</c> also checks the document fields.
/// </summary>
public static class SpecFile
{
    public sealed record Example(string File, string Name, int Line, string Input, string Expected, bool WithMeta)
    {
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
            var withMeta = input.Count > 0 && input[0] == "%meta";
            if (withMeta) input.RemoveAt(0);
            yield return [new Example(fileName, name, start, string.Join("\n", input), string.Join("\n", expected).TrimEnd(), withMeta)];
        }
    }
}
