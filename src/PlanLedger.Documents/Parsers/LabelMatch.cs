using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Parsers;

/// <summary>A list label found at the start of a paragraph.</summary>
/// <param name="Kind">the numbering style</param>
/// <param name="Label">the number as the output writes it: 一, (一), 7, (1), ①, 一是</param>
/// <param name="Number">its value (1-based) for sequence checks</param>
/// <param name="Length">characters the label and its punctuation occupy</param>
internal readonly record struct LabelMatch(LabelKind Kind, string Label, int Number, int Length);
