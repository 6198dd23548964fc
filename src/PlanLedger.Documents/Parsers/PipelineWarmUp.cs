using PlanLedger.Documents.Renderers;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// The first use of the pipeline in a process costs more than its text: class constructors (the regexes, the
/// lexicons), the methods ReadyToRun could not precompile and the first touch of the code. Started on another core
/// while a large document is still being read, a parse of this small plan and its JSON pays that cost there, so the
/// document's own parse starts warm. Its result is thrown away; the engine keeps no state between parses.
/// </summary>
internal static class PipelineWarmUp
{
    /// <summary>Documents from this size (bytes) start the warm-up beside their reading.</summary>
    public const long From = 1 << 20;

    // One line of each layout the pipeline knows: title and issuer, numbering at four levels, responsibility notes
    // and labels, deadlines, targets, an inline run, chrome, a flattened task table in an attachment.
    private const string Plan = """
        字号：大 中 小 | 打印本页
        某市教育局关于印发2026年教育工作要点的通知
        某教发〔2026〕1号
        各县（市、区）教育局：
        现将《2026年教育工作要点》印发给你们，请结合实际认真贯彻落实。
        某市教育局
        2026年1月5日
        一、加强党的建设
        （一）落实全面从严治党。完善党建工作责任制，全年开展专题培训3次。（市教育局党组牵头，各县区配合）
        1.深化理论学习。一是组织专题学习；二是开展主题党日活动；三是推进“三会一课”。2026年6月底前完成。
        （1）建设标准化党支部20个，覆盖率达到100%。牵头单位：组织人事科；配合单位：各学校。完成时限：年底前
        ①开展示范创建。市教育局负责。
        二、推进教育优质均衡发展
        （一）扩大学前教育资源。新建、改扩建幼儿园5所，新增学位1200个，普惠性幼儿园覆盖率达到85%以上。
        2.实施义务教育薄弱环节改善工程，投入资金2.5亿元。（基教科、计财科按职责分工负责）
        三、保障措施
        各单位要高度重视，明确责任，确保各项任务落到实处。
        附件：重点任务分工表
        序号
        重点任务
        牵头单位
        完成时限
        1
        完成中小学校舍维修改造10万平方米
        计财科
        2026年9月底前
        2
        组织教师培训5000人次
        人事科
        长期坚持
        """;

    /// <summary>Parses the small plan and writes its JSON to nowhere; never throws.</summary>
    public static void Run()
    {
        try
        {
            var doc = PlanParser.ParseText(Plan, "warm-up.txt");
            PlanJsonWriter.Write(Stream.Null, doc, includePositions: true);
        }
        catch (Exception)
        {
            // A warm-up that fails costs only its own time: the document's parse reports its own errors.
        }
    }

    /// <summary>
    /// Starts <see cref="Run"/> on the thread pool when <paramref name="length"/> bytes are worth it and a second core
    /// is there; <c>PLANLEDGER_WARMUP=0</c> turns it off (to measure it, or on a machine whose other cores are busy).
    /// </summary>
    public static void StartFor(long length)
    {
        if (length >= From && Environment.ProcessorCount >= 2 && Environment.GetEnvironmentVariable("PLANLEDGER_WARMUP") != "0")
            ThreadPool.UnsafeQueueUserWorkItem(_ => Run(), null);
    }
}
