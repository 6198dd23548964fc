using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

/// <summary>上年对照: this plan's tasks beside the tasks of last year's plan they continue (character-bigram similarity);
/// the office confirms the pairs and carries last year's unfinished tasks over.</summary>
public sealed class MatchesModel(LedgerQueries queries, LedgerDbContext db, YearLinks years) : LedgerPageModel
{
    public PlanMatches? Data { get; private set; }
    /// <summary>Confirmed pairs: this year's task id → last year's.</summary>
    public Dictionary<int, int> Confirmed { get; private set; } = [];
    /// <summary>Last year's unfinished leaf tasks that nothing in this plan continues yet (结转 candidates).</summary>
    public List<TaskDto> Unfinished { get; private set; } = [];
    public bool CanLink { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await PlanMatchesApi.MatchesAsync(Me, id, queries, db, ct);
        if (r.Error is { } e) return Fail(e);
        Data = r.Value;
        Message = Flash;
        Confirmed = (await years.ConfirmedAsync(Me, id, ct)).Value!.ToDictionary(p => p.TaskId, p => p.PreviousTaskId);
        var plan = await queries.PlanAsync(Me, id, LedgerAction.ReadPlan, ct);
        CanLink = Access.Can(Me, LedgerAction.LinkYears, plan.Value!.Resource);
        if (Data!.PreviousPlanId is { } prev)
        {
            var tasks = await queries.TasksAsync(prev, ct);
            var parents = tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
            var linked = Confirmed.Values.ToHashSet();
            Unfinished = tasks.Where(t => !parents.Contains(t.Id) && t.Status != "done" && !linked.Contains(t.Id)).ToList();
        }
        return Page();
    }

    /// <summary>Confirms the ticked pairs (values "taskId:previousTaskId"); unticked proposals stay unconfirmed.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int id, [TextLimit(40)] List<string>? pair, CancellationToken ct)
    {
        var pairs = (pair ?? []).Select(p => p.Split(':')).Where(p => p.Length == 2 && int.TryParse(p[0], out _) && int.TryParse(p[1], out _))
            .Select(p => new YearPair(int.Parse(p[0]), int.Parse(p[1]))).ToList();
        var r = await years.ConfirmAsync(Me, id, pairs, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? $"已确认 {pairs.Count} 对";
        return Redirect($"/Plans/{id}/Matches");
    }

    /// <summary>Unlinks one confirmed pair.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(int id, int taskId, CancellationToken ct)
    {
        var r = await years.ConfirmAsync(Me, id, [new YearPair(taskId, null)], ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? "已取消对照";
        return Redirect($"/Plans/{id}/Matches");
    }

    public async Task<IActionResult> OnPostCarryOverAsync(int id, List<int>? taskIds, CancellationToken ct)
    {
        var r = await years.CarryOverAsync(Me, id, taskIds, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        Flash = r.Error?.Title ?? $"已结转 {taskIds?.Count ?? 0} 项任务";
        return Redirect($"/Plans/{id}/Matches");
    }
}
