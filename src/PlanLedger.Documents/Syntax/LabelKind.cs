namespace PlanLedger.Documents.Syntax;

/// <summary>The numbering styles of Chinese official documents (GB/T 9704-2012 and common practice).</summary>
public enum LabelKind
{
    None = 0,
    /// <summary>第一部分 / 第一章</summary>
    Part,
    /// <summary>一、</summary>
    ChineseComma,
    /// <summary>（一）</summary>
    ChineseParen,
    /// <summary>1. / 1、 / 1．</summary>
    Arabic,
    /// <summary>（1）</summary>
    ArabicParen,
    /// <summary>①</summary>
    Circled,
    /// <summary>一是</summary>
    Shi,
    /// <summary>第一，</summary>
    Ordinal,
    /// <summary>附件 (an attached task table)</summary>
    Attachment,
    /// <summary>a row of a task table (序号)</summary>
    TableRow,
    /// <summary>a numbered measure inside a task-table cell</summary>
    Measure,
}
