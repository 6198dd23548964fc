namespace PlanLedger.Documents.Syntax;

public enum DiagnosticSeverity { Info, Warning, Error }

/// <summary>Something the engine noticed while reading or parsing (AngleSharp-style: problems as data).</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, int Line = 0);
