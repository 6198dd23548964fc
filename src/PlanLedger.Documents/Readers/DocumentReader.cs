using PlanLedger.Documents.Syntax;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Entry point of the readers: sniffs what a file's bytes are (whatever its extension says) and hands them to
/// the reader for that format — text (UTF-8/UTF-16/GB18030, plain or with tag soup), HTML, .docx or PDF.
/// Anything else, and anything unreadable, is a <see cref="DocumentReadException"/> with a stable code.
/// </summary>
public static class DocumentReader
{
    /// <summary>Reads <paramref name="stream"/> (at most <see cref="ParseOptions.MaxInputBytes"/> bytes) into blocks.</summary>
    public static SourceDocument Read(Stream stream, string fileName, ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ParseOptions.Default;
        var bytes = InputBuffer.ReadBounded(stream, options.MaxInputBytes);
        var sniffed = FormatSniffer.Sniff(bytes);
        return sniffed.Kind switch
        {
            SniffedKind.Empty => throw ReadErrors.Empty(),
            SniffedKind.Text => ReadText(bytes, fileName),
            SniffedKind.Zip => NonEmpty(new SourceDocument(fileName, "docx", DocxDocumentReader.Read(bytes, options))),
            SniffedKind.Pdf => ReadPdf(bytes, fileName),
            SniffedKind.Ole => throw FormatSniffer.OleError(bytes, fileName),
            SniffedKind.Rtf => throw ReadErrors.Unsupported("这是 RTF 格式文件，请用 Word 或 WPS 另存为 .docx 后再导入",
                "this is an RTF file; open it in Word or WPS, save it as .docx and import again"),
            _ => throw new DocumentReadException("unsupported",
                $"这是{sniffed.ChineseName}，不是可解析的文档（支持 .txt .html .docx .pdf）",
                $"the file is {sniffed.EnglishName}, not a document (.txt, .html, .docx and .pdf are supported)"),
        };
    }

    private static SourceDocument ReadPdf(byte[] bytes, string fileName)
    {
        var diagnostics = new List<Diagnostic>();
        var doc = new SourceDocument(fileName, "pdf", PdfDocumentReader.Read(bytes, diagnostics));
        doc.Diagnostics.AddRange(diagnostics);
        return doc;
    }

    private static SourceDocument ReadText(byte[] bytes, string fileName)
    {
        var declared = HtmlCharset.Prescan(bytes);
        var decoded = EncodingDetector.Decode(bytes, declared);
        var text = decoded.Text;
        var shape = HtmlShape.Analyze(text);
        var doc = shape.Shape switch
        {
            TextShape.Html => new SourceDocument(fileName, "html", HtmlDocumentReader.Read(text), decoded.EncodingName),
            TextShape.TagSoup => new SourceDocument(fileName, shape.IsPage ? "html" : "txt", TextDocumentReader.ReadTagSoup(text), decoded.EncodingName),
            _ => new SourceDocument(fileName, "txt", TextDocumentReader.ReadPlain(text), decoded.EncodingName),
        };
        if (decoded.Note is { } note) doc.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, "encoding", note));
        return NonEmpty(doc);
    }

    private static SourceDocument NonEmpty(SourceDocument doc) =>
        doc.Blocks.Count > 0 ? doc : throw ReadErrors.Empty();
}
