namespace PlanLedger.Documents.Syntax;

/// <summary>A parsed work-plan document: the <c>planledger/plan@1</c> tree plus what the engine noticed.</summary>
public sealed class PlanDocument
{
    public const string Schema = "planledger/plan@1";

    public string Source { get; set; } = "";
    public string? Title { get; set; }
    public string? Issuer { get; set; }
    public int? Year { get; set; }
    /// <summary>ISO date (yyyy-MM-dd) of issue or publication.</summary>
    public string? Date { get; set; }
    public string? DocNumber { get; set; }
    /// <summary>The format the reader recognised: txt, html, docx, pdf.</summary>
    public string Format { get; set; } = "";
    /// <summary>The encoding a text or HTML document was read in (utf-8, gb18030, utf-16le …).</summary>
    public string? Encoding { get; set; }
    public List<PlanItem> Items { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];
    /// <summary>The clean text the positions of items refer to (one paragraph a line).</summary>
    public string SourceText { get; set; } = "";

    /// <summary>Every item in document order (depth first).</summary>
    public IEnumerable<PlanItem> Descendants()
    {
        var stack = new Stack<PlanItem>();
        for (var i = Items.Count - 1; i >= 0; i--) stack.Push(Items[i]);
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            yield return item;
            for (var i = item.Children.Count - 1; i >= 0; i--) stack.Push(item.Children[i]);
        }
    }
}
