using System.Text;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Export;

/// <summary>
/// The 台账 as an office hands it in: title 《…》任务分解及推进情况台账, header 序号 / 工作任务 / 具体内容 / 牵头单位 / 配合单位 /
/// 完成时限 / 目标 / 实际 / 进展情况 (the latest report's text) / 状态 / 备注; sections (一、 （一）) as rows of their own,
/// tasks numbered 1..n (see <see cref="LedgerNumbering"/>). As .xlsx ready to print (<see cref="XlsxWriter"/>) or CSV.
/// </summary>
public static class LedgerExport
{
    public static readonly string[] Headers = ["序号", "工作任务", "具体内容", "牵头单位", "配合单位", "完成时限", "目标", "实际", "进展情况", "状态", "备注"];
    private static readonly double[] Widths = [6, 18, 40, 12, 12, 10, 20, 14, 36, 8, 10];

    public static string StatusText(string status) => status switch
    {
        "not_started" => "未开始", "on_track" => "正常推进", "at_risk" => "进度滞后", "overdue" => "逾期", _ => "已完成",
    };

    public static string Title(string planTitle) => $"《{planTitle}》任务分解及推进情况台账";

    /// <summary>The rows: a section row has one cell ("一、…"); a task row one cell per header.</summary>
    public static IEnumerable<(bool Section, string[] Cells)> Rows(LedgerSnapshot s)
    {
        foreach (var r in LedgerNumbering.Rows(s.Tasks))
        {
            var t = r.Task;
            if (r.IsSection) { yield return (true, [$"{r.Number}{t.Heading}"]); continue; }
            var latest = s.Latest(t.Id);
            var actuals = t.Targets.Select(x => s.Actual(t.Id, x.Id) is { } a ? $"{Figures.Number(a.Value)}{x.Unit}" : "—").ToList();
            yield return (false,
            [
                r.Number,
                t.Heading,
                LedgerNumbering.Content(t),
                string.Join("、", t.Lead),
                string.Join("、", t.Support),
                t.Deadline ?? (t.DueDate?.ToString("yyyy-MM-dd") ?? ""),
                string.Join("；\n", t.Targets.Select(x => x.Text)),
                t.Targets.Count == 0 ? "" : string.Join("；\n", actuals),
                latest is null ? "" : $"（{latest.Period[..4]}年{int.Parse(latest.Period[5..])}月）{latest.Text}".TrimEnd(),
                Shared.Strings.Localize(StatusText(t.Status)),
                t.Status == "done" || t.Progress == 0 ? "" : Shared.Strings.Localize($"进度{t.Progress}%"),
            ]);
        }
    }

    public static byte[] Xlsx(LedgerSnapshot s) =>
        XlsxWriter.Write(Shared.Strings.Localize("台账"), Shared.Strings.Localize(Title(s.Plan.Title)), LocalHeaders(), Widths, Rows(s));

    /// <summary>The header row in the reader's language (the office's Chinese by default).</summary>
    private static string[] LocalHeaders() => Headers.Select(Shared.Strings.Localize).ToArray();

    public static byte[] Csv(LedgerSnapshot s)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", LocalHeaders()));
        foreach (var (section, cells) in Rows(s))
            sb.AppendLine(string.Join(",", (section ? [cells[0], .. Enumerable.Repeat("", Headers.Length - 1)] : cells).Select(Quote)));
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

    private static async Task<IResult> Export(int id, [TextLimit(10)] string? format, HttpContext http, LedgerQueries q, Data.LedgerDbContext db, CancellationToken ct)
    {
        var access = await q.PlanAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Problems.From(e);
        var plan = access.Value!.Plan;
        var snapshot = await LedgerSnapshot.LoadAsync(db, q, plan, ct);
        var name = $"ledger-{plan.Id}-{plan.Year}";
        return format == "csv"
            ? TypedResults.File(Csv(snapshot), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(Xlsx(snapshot), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}
