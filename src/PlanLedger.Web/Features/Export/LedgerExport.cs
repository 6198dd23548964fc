using System.Text;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Export;

/// <summary>Exports a ledger in the 任务分解表 shape: 序号, 工作任务, 具体措施, 目标, 牵头单位, 配合单位, 完成时限, 进展情况, 状态.</summary>
public static class LedgerExport
{
    public static readonly string[] Headers = ["序号", "工作任务", "具体措施", "目标", "牵头单位", "配合单位", "完成时限", "进展情况", "状态"];
    private static readonly double[] Widths = [8, 30, 60, 30, 18, 18, 14, 40, 10];

    public static string StatusText(string status) => status switch
    {
        "not_started" => "未开始", "on_track" => "正常推进", "at_risk" => "进度滞后", "overdue" => "逾期", _ => "已完成",
    };

    private static string[] Row(TaskDto t) =>
    [
        t.Path,
        t.Heading,
        t.Text,
        string.Join("；", t.Targets.Select(x => x.Actual is { } a ? $"{x.Text}（实际 {a:0.##}{x.Unit}）" : x.Text)),
        string.Join("、", t.Lead),
        string.Join("、", t.Support),
        t.Deadline ?? (t.DueDate?.ToString("yyyy-MM-dd") ?? ""),
        t.Progress > 0 ? $"{t.Progress}%" : "",
        StatusText(t.Status),
    ];

    public static byte[] Xlsx(string title, IReadOnlyList<TaskDto> tasks) =>
        XlsxWriter.Write("任务分解表", title, Headers, Widths, tasks.Select(Row));

    public static byte[] Csv(IReadOnlyList<TaskDto> tasks)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", Headers));
        foreach (var t in tasks) sb.AppendLine(string.Join(",", Row(t).Select(Quote)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string s)
    {
        s = TextRules.ForExport(s);
        // Cells starting with = + - @ are neutralised so spreadsheets do not run them as formulas.
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@') s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    /// <summary><c>GET /plans/{id}/export?format=xlsx|csv</c> for signed-in pages (cookie) and the API (bearer).</summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plans/{id:int}/export", Export).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/api/v1/plans/{id:int}/export", Export).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Plans");
    }

    private static async Task<IResult> Export(int id, [TextLimit(10)] string? format, HttpContext http, LedgerQueries q, CancellationToken ct)
    {
        var access = await q.PlanAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Problems.From(e);
        var plan = access.Value!.Plan;
        var tasks = await q.TasksAsync(id, ct);
        var name = $"ledger-{plan.Id}-{plan.Year}";
        return format == "csv"
            ? TypedResults.File(Csv(tasks), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(Xlsx(plan.Title, tasks), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}
