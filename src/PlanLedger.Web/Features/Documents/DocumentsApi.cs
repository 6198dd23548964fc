using PlanLedger.Web.Data.Entities;
using System.Text.RegularExpressions;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Documents;

/// <summary>
/// Word documents of a plan in 公文 layout: <c>GET /api/v1/plans/{id}/documents/breakdown|summary|progress?period=yyyy-MM</c>
/// (bearer), and the same under <c>/plans/{id}/documents/…</c> for signed-in pages (cookie).
/// </summary>
public static partial class DocumentsApi
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans/{id:int}/documents/{kind}", Get).RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Documents");
        app.MapGet("/plans/{id:int}/documents/{kind}", Get).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> Get(int id, [TextLimit(typeof(DocumentDraft), nameof(DocumentDraft.Kind))] string kind, [TextLimit(typeof(ProgressReport), nameof(ProgressReport.Period), Label = "报送周期")] string? period, HttpContext http, LedgerQueries q, LedgerDbContext db,
        SummaryDrafts drafts, TimeProvider clock, CancellationToken ct)
    {
        if (kind is not ("breakdown" or "summary" or "progress"))
            return Problems.From(Failure.NotFound("没有这种文书"));
        var today = Shared.Shanghai.Today(clock);
        if (kind == "progress")
        {
            period ??= StatusRules.PeriodOf(today.AddMonths(-1));
            if (!PeriodRegex().IsMatch(period)) return Problems.From(Failure.BadRequest("报送周期格式应为 yyyy-MM"));
        }
        var access = await q.PlanAsync(http.Me(), id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Problems.From(e);
        var plan = access.Value!.Plan;
        var snapshot = await LedgerSnapshot.LoadAsync(db, q, plan, ct);
        var (doc, name) = kind switch
        {
            "breakdown" => (BreakdownDocument.Build(snapshot, today), $"任务分解表-{plan.Year}"),
            "progress" => (ProgressDocument.Build(snapshot, period!, today), $"进展情况汇总-{period}"),
            _ => (await drafts.DocumentAsync(snapshot, today, ct), $"工作总结-{plan.Year}"),
        };
        return TypedResults.File(GongwenWriter.Write(doc), GongwenWriter.ContentType, $"{name}-{plan.Id}.docx");
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex PeriodRegex();
}
