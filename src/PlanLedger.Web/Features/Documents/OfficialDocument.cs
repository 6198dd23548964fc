namespace PlanLedger.Web.Features.Documents;

/// <summary>
/// A 公文 as the writer lays it out: 版头 (issuer, 文号), title, 主送, body blocks, 附件说明, 落款 and 成文日期.
/// Every string is plain text; the writer does the layout (see <see cref="GongwenLayout"/>).
/// </summary>
public sealed record OfficialDocument(string Title)
{
    /// <summary>发文机关标志 printed in red in the 版头 (e.g. "某县教育局文件"); none → no 版头.</summary>
    public string? HeaderIssuer { get; init; }
    /// <summary>发文字号, e.g. "某教发〔2026〕12号".</summary>
    public string? DocNumber { get; init; }
    /// <summary>A line above the title instead of a red 版头 (e.g. "督办单" forms); optional.</summary>
    public string? Subtitle { get; init; }
    /// <summary>主送机关, ending with the full-width colon added by the writer.</summary>
    public string? MainRecipient { get; init; }
    public List<DocBlock> Body { get; init; } = [];
    /// <summary>附件说明 lines ("任务分解表" → "附件：1.任务分解表").</summary>
    public List<string> Attachments { get; init; } = [];
    /// <summary>落款 (the issuing organ's name).</summary>
    public string? Signature { get; init; }
    /// <summary>成文日期, written in Arabic numerals "2026年5月6日".</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Blocks after the 落款 (an attachment's own pages, a 反馈单): each starts on a new page when it is a <see cref="DocPageBreak"/>.</summary>
    public List<DocBlock> Appendix { get; init; } = [];
}

public abstract record DocBlock;

/// <summary>A heading of level 1 (一、 黑体), 2 (（一） 楷体) or 3 (1. 仿宋, bold); the label is part of the text.</summary>
public sealed record DocHeading(int Level, string Text) : DocBlock;

/// <summary>A body paragraph (三号 仿宋, two characters indented); <paramref name="Lead"/> is printed first in the level-1 font (e.g. "一是").</summary>
public sealed record DocParagraph(string Text, string? Lead = null, DocAlign Align = DocAlign.Justify, bool Indent = true) : DocBlock;

/// <summary>A centred title line inside the body (for an appendix's own title).</summary>
public sealed record DocTitle(string Text) : DocBlock;

/// <summary>A table; <paramref name="Widths"/> are relative; header rows repeat on every page; landscape → a section of its own.</summary>
public sealed record DocTable(IReadOnlyList<string> Headers, IReadOnlyList<double> Widths, IReadOnlyList<DocRow> Rows, bool Landscape = true, string? Caption = null) : DocBlock;

/// <summary>A row: <paramref name="Emphasis"/> sets a section row apart (bold, shaded, merged over all columns when it has one cell).</summary>
public sealed record DocRow(IReadOnlyList<string> Cells, bool Emphasis = false);

public sealed record DocPageBreak : DocBlock;

public enum DocAlign { Justify, Left, Center, Right }
