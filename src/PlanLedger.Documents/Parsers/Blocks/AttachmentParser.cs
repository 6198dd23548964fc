using System.Text.RegularExpressions;

namespace PlanLedger.Documents.Parsers.Blocks;

/// <summary>
/// An attachment: a line <c>附件</c> (<c>附件2</c>) opens a level-1 item labelled 附件 whose heading is the title block
/// under it (lines joined); the table or numbered list after it are its children. The body's reference line
/// <c>附件：…</c> is closing matter, not an attachment.
/// </summary>
internal sealed partial class AttachmentParser : BlockParser
{
    public static readonly AttachmentParser Instance = new();

    [GeneratedRegex(@"^附\s*件\s*(?<n>\d{0,2})\s*[:：]?\s*$")]
    private static partial Regex AttachmentLine();

    public override bool CanInterrupt => true;

    public override BlockState TryOpen(StructureProcessor processor)
    {
        if (processor.Paragraph is not { } p || !p.Text.StartsWith('附') || !AttachmentLine().IsMatch(p.Text)) return BlockState.None;
        if (IssuedDocument(processor)) return BlockState.None;
        processor.Tree.OpenAttachment(p, this);
        processor.Advance(1);
        return BlockState.Continue;
    }

    /// <summary>
    /// A notice whose only content so far is its own text (no item yet), then <c>附件</c>, a title and an opening
    /// paragraph in sentences: the attachment is the issued document itself (a 规划, a 方案 with its own sections), whose
    /// title block heads the document; it is not an attachment item.
    /// </summary>
    private static bool IssuedDocument(StructureProcessor processor)
    {
        if (processor.Tree.Roots.Count > 0) return false;
        var run = processor.Run;
        var at = processor.RunIndex + 1;
        if (at + 1 >= run.Count) return false;
        var title = run[at].Text.Trim();
        var opening = run[at + 1].Text.Trim();
        return title.Length is >= 4 and <= 90 && !title.Contains('。') && !LabelParser.TryMatch(title, out _)
            && opening.Length >= 40 && opening.Contains('。') && !LabelParser.TryMatch(opening, out _);
    }

    public override ItemContent Content(ItemDraft item) => new(item.First.Trim(), string.Join("\n", item.More.Select(p => p.Text)));
}
