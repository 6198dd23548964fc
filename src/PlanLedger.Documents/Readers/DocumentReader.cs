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
        using (var input = NativeInput.TryRead(stream, options.MaxInputBytes))
        {
            // A large text file is decoded from bytes outside the managed heap, which are freed before its lines are read.
            if (input is not null && FormatSniffer.Sniff(input.Span).Kind == SniffedKind.Text) return ReadText(input, fileName);
            if (input is not null) stream.Position -= input.Span.Length;
        }
        var bytes = InputBuffer.ReadBounded(stream, options.MaxInputBytes);
        var sniffed = FormatSniffer.Sniff(bytes);
        return sniffed.Kind switch
        {
            SniffedKind.Empty => throw ReadErrors.Empty(),
            SniffedKind.Text => ReadText(bytes, fileName),
            SniffedKind.Zip => ReadZip(bytes, fileName, options),
            SniffedKind.Pdf => ReadPdf(bytes, fileName),
            SniffedKind.Ole => ReadOle(bytes, fileName, options),
            SniffedKind.Rtf => Converted(bytes, fileName, ".rtf", "rtf", "RTF 文件", options),
            _ => throw new DocumentReadException("unsupported",
                $"这是{sniffed.ChineseName}，不是可解析的文档（支持 .txt .html .docx .pdf）",
                $"the file is {sniffed.EnglishName}, not a document (.txt, .html, .docx and .pdf are supported)"),
        };
    }

    /// <summary>A zip: a Word document, an Excel workbook, or an OpenDocument file (converted by LibreOffice).</summary>
    private static SourceDocument ReadZip(byte[] bytes, string fileName, ParseOptions options)
    {
        switch (ZipKind(bytes, options))
        {
            case "xlsx":
                return NonEmpty(new SourceDocument(fileName, "xlsx", SpreadsheetDocumentReader.Read(bytes)));
            case "odt":
                return Converted(bytes, fileName, ".odt", "odt", "OpenDocument 文档", options);
            case "ods":
                return ConvertedSheet(bytes, fileName, ".ods", "ods", "OpenDocument 表格");
            default:
                return NonEmpty(new SourceDocument(fileName, "docx", DocxDocumentReader.Read(bytes, options)));
        }
    }

    /// <summary>"xlsx", "odt", "ods" or "docx" (anything else: the .docx reader says what it is).</summary>
    private static string ZipKind(byte[] bytes, ParseOptions options)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            long total = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in zip.Entries)
            {
                names.Add(e.FullName.TrimStart('/'));
                total += e.Length;
                if (total > options.MaxUncompressedBytes) throw ReadErrors.ZipBomb();
            }
            if (names.Contains("word/document.xml")) return "docx";
            if (names.Contains("xl/workbook.xml")) return "xlsx";
            if (names.Contains("mimetype") && zip.GetEntry("mimetype") is { Length: < 200 } m)
            {
                using var r = new StreamReader(m.Open());
                var mime = r.ReadToEnd();
                if (mime.Contains("opendocument.text", StringComparison.Ordinal)) return "odt";
                if (mime.Contains("opendocument.spreadsheet", StringComparison.Ordinal)) return "ods";
            }
        }
        catch (Exception e) when (e is System.IO.InvalidDataException or IOException) { }
        return "docx";
    }

    /// <summary>An OLE compound file: encrypted Office 2007+ file, legacy Word/WPS (converted), legacy Excel/WPS sheet.</summary>
    private static SourceDocument ReadOle(byte[] bytes, string fileName, ParseOptions options)
    {
        switch (FormatSniffer.Ole(bytes))
        {
            case OleKind.Word:
                var wps = fileName.EndsWith(".wps", StringComparison.OrdinalIgnoreCase);
                return Converted(bytes, fileName, wps ? ".wps" : ".doc", wps ? "wps" : "doc", wps ? " WPS 文字文件（.wps）" : "旧版 Word 文件（.doc）", options);
            case OleKind.Excel:
                try
                {
                    return NonEmpty(new SourceDocument(fileName, "xls", SpreadsheetDocumentReader.Read(bytes)));
                }
                catch (DocumentReadException e) when (e.Code == "corrupt-xlsx")
                {
                    // WPS 表格 (.et) and odd BIFF versions: LibreOffice reads what ExcelDataReader cannot.
                    var et = fileName.EndsWith(".et", StringComparison.OrdinalIgnoreCase);
                    return ConvertedSheet(bytes, fileName, et ? ".et" : ".xls", et ? "et" : "xls", et ? " WPS 表格文件（.et）" : "旧版 Excel 文件（.xls）");
                }
            default:
                throw FormatSniffer.OleError(bytes, fileName);
        }
    }

    private static SourceDocument Converted(byte[] bytes, string fileName, string extension, string format, string what, ParseOptions options)
    {
        var docx = LibreOfficeConverter.Convert(bytes, extension, "docx", what);
        return NonEmpty(new SourceDocument(fileName, format, DocxDocumentReader.Read(docx, options)));
    }

    private static SourceDocument ConvertedSheet(byte[] bytes, string fileName, string extension, string format, string what)
    {
        var xlsx = LibreOfficeConverter.Convert(bytes, extension, "xlsx", what);
        return NonEmpty(new SourceDocument(fileName, format, SpreadsheetDocumentReader.Read(xlsx)));
    }

    private static SourceDocument ReadPdf(byte[] bytes, string fileName)
    {
        var diagnostics = new List<Diagnostic>();
        var doc = new SourceDocument(fileName, "pdf", PdfDocumentReader.Read(bytes, diagnostics));
        doc.Diagnostics.AddRange(diagnostics);
        return doc;
    }

    private static SourceDocument ReadText(NativeInput input, string fileName)
    {
        var declared = HtmlCharset.Prescan(input.Span);
        var decoded = EncodingDetector.Decode(input.Span, declared);
        input.Dispose();
        return ReadText(decoded, fileName);
    }

    private static SourceDocument ReadText(byte[] bytes, string fileName) =>
        ReadText(EncodingDetector.Decode(bytes, HtmlCharset.Prescan(bytes)), fileName);

    private static SourceDocument ReadText(EncodingDetector.Decoded decoded, string fileName)
    {
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
