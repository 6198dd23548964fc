namespace PlanLedger.Documents.Readers;

/// <summary>
/// A file that is not a readable work-plan document. <see cref="Exception.Message"/> is the Chinese
/// message a user sees; <see cref="EnglishMessage"/> the English one; <see cref="Code"/> a stable key.
/// </summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException(string code, string message, string englishMessage, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        EnglishMessage = englishMessage;
    }

    /// <summary>empty, binary, legacy-doc, corrupt-docx, corrupt-pdf, too-large, unknown-encoding, unsupported …</summary>
    public string Code { get; }
    public string EnglishMessage { get; }
}
