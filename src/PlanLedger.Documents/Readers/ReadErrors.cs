namespace PlanLedger.Documents.Readers;

/// <summary>The <see cref="DocumentReadException"/>s readers throw, with their Chinese and English wording in one place.</summary>
internal static class ReadErrors
{
    public static DocumentReadException Empty() =>
        new("empty", "文件为空，没有可解析的内容", "the file is empty: there is nothing to parse");

    public static DocumentReadException TooLarge(long max) =>
        new("too-large", $"文件太大（超过 {max / (1024 * 1024)} MB），无法导入",
            $"the file is larger than the {max / (1024 * 1024)} MB limit");

    public static DocumentReadException Binary(string? what = null) =>
        new("binary", what is null ? "这不是文本文件，无法识别其内容" : $"这是{what}，不是可解析的文档",
            what is null ? "the file is binary data, not a text document" : $"the file is {what}, not a document");

    public static DocumentReadException UnknownEncoding() =>
        new("unknown-encoding", "无法识别文件编码，请将文件另存为 UTF-8 编码的文本后再导入",
            "the text encoding could not be recognised (tried UTF-8, UTF-16 and GB18030); save the file as UTF-8 and import again");

    public static DocumentReadException Unsupported(string zh, string en) => new("unsupported", zh, en);

    public static DocumentReadException LegacyDoc() =>
        new("legacy-doc", ".doc 是旧版 Word 格式，请另存为 .docx 后再导入",
            ".doc is the legacy Word format; save it as .docx and import again");

    public static DocumentReadException LegacyWps() =>
        new("legacy-doc", ".wps 是 WPS 文字的旧格式，请在 WPS 中另存为 .docx 后再导入",
            ".wps is the legacy WPS Writer format; save it as .docx and import again");

    public static DocumentReadException EncryptedOffice(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase)
            ? new("encrypted", "Excel 文件设有打开密码（已加密），请在 Excel 中取消密码后再导入",
                "the Excel file is password-protected (encrypted); remove the password in Excel and import again")
            : new("encrypted", "Word 文件设有打开密码（已加密），请在 Word 或 WPS 中取消密码（文件→信息→保护文档）后再导入",
                "the Word file is password-protected (encrypted); remove the password in Word or WPS and import again");

    public static DocumentReadException CorruptDocx(Exception? inner = null) =>
        new("corrupt-docx", "文件已损坏，无法作为 .docx 读取", "the file is damaged and cannot be read as .docx", inner);

    public static DocumentReadException ZipBomb() =>
        new("zip-bomb", "文件解压后体积异常巨大（疑似压缩炸弹），已拒绝读取",
            "the archive expands to an absurd size (zip bomb); refused");

    public static DocumentReadException CorruptPdf(Exception? inner = null) =>
        new("corrupt-pdf", "PDF 文件已损坏，无法读取", "the PDF file is damaged and cannot be read", inner);

    public static DocumentReadException EncryptedPdf(Exception? inner = null) =>
        new("encrypted-pdf", "PDF 已加密（设有密码），请提供未加密的文件", "the PDF is encrypted; provide an unencrypted file", inner);

    public static DocumentReadException UndecodableFonts() =>
        new("undecodable-fonts", "PDF 的文字无法解码（所用字体没有字符映射），请用原文档重新导出 PDF（嵌入字体）或提供 .docx",
            "the PDF's text cannot be decoded (its fonts have no character mapping); export the PDF again from the original document or provide a .docx");

    public static DocumentReadException NoText() =>
        new("no-text", "PDF 没有文字层（可能是扫描件），请提供可复制文字的 PDF 或 .docx",
            "the PDF has no text layer (probably a scan); provide a PDF with selectable text or a .docx");

    public static DocumentReadException TooManyPages(int pages, int max) =>
        new("too-large", $"PDF 页数过多（{pages} 页，上限 {max} 页），无法导入", $"the PDF has {pages} pages, more than the {max} page limit");

    public static DocumentReadException ParseCrashed() =>
        new("parse-crashed", "解析进程异常终止（文件结构异常，可能已损坏或经过恶意构造），无法读取该文件",
            "the parse worker died on this file (malformed or crafted structure); the file cannot be read");

    public static DocumentReadException ParseTimeout(TimeSpan limit) =>
        new("parse-timeout", $"解析超时（超过 {limit.TotalSeconds:0} 秒），文件过于复杂或已损坏",
            $"parsing took longer than {limit.TotalSeconds:0} s; the file is too complex or damaged");

    public static DocumentReadException ParseOutOfMemory(long limit) =>
        new("parse-memory", $"解析所需内存超过上限（{limit / (1024 * 1024)} MB），文件过于复杂或已损坏",
            $"parsing needed more than the {limit / (1024 * 1024)} MB memory limit; the file is too complex or damaged");

    public static DocumentReadException WorkerUnavailable(string detail) =>
        new("parse-worker", $"无法启动解析进程：{detail}", $"the parse worker could not be started: {detail}");
}
