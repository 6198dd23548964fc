using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Inspections;

public sealed record TaskChoice(int Id, string Unit, string Label);

/// <summary>One round: scope, the draw (seed shown, repeatable), the 问题清单 and the form to record a finding.</summary>
public sealed class RoundModel(LedgerDbContext db, InspectionService rounds, FindingService findings, BulletinService bulletins, TimeProvider clock) : InspectionPageModel
{
    public RoundDto Round { get; private set; } = null!;
    public List<FindingDto> Findings { get; private set; } = [];
    public List<TaskChoice> Tasks { get; private set; } = [];
    public VerifyDto? Verification { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanRecord { get; private set; }
    public bool HasBulletin { get; private set; }
    /// <summary>For the edit form while the round is 待抽取.</summary>
    public List<Data.Entities.Unit> Units { get; private set; } = [];
    public List<Data.Entities.AppUser> People { get; private set; } = [];
    public DateOnly Day => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(int id, [TextLimit(typeof(InspectionRound), nameof(InspectionRound.Seed))] string? verify, CancellationToken ct)
    {
        var r = await rounds.RoundAsync(Me, id, LedgerAction.ReadInspection, ct: ct);
        if (r.Error is { } e) return Fail(e);
        var (round, resource) = r.Value;
        Round = await rounds.DtoAsync(round, ct);
        CanManage = Access.Can(Me, LedgerAction.ManageInspection, resource);
        CanRecord = round.Drawn && Access.Can(Me, LedgerAction.RecordFinding, resource);
        Findings = await findings.ListAsync(Me, new FindingFilter(RoundId: id), ct);
        HasBulletin = await db.InspectionBulletins.AnyAsync(b => b.RoundId == id, ct);
        if (CanManage && !round.Drawn)
        {
            Units = await rounds.CandidateUnitsAsync(resource.OrganisationPath, ct);
            People = await rounds.CandidateInspectorsAsync(round.OrganisationId, ct);
        }
        if (round.Drawn && verify is not null)
        {
            var v = await rounds.VerifyAsync(Me, id, verify, ct);
            if (v.Error is { } ve) Problem = ve.Title; else Verification = v.Value;
        }
        if (CanRecord)
        {
            var visited = Round.Draw.Select(v => v.UnitId).ToList();
            var path = resource.OrganisationPath;
            Tasks = (await db.TaskUnits.AsNoTracking()
                .Where(u => u.UnitId != null && visited.Contains(u.UnitId.Value) && u.Task!.Plan!.Status == Data.Entities.PlanStatus.Published
                    && u.Task.Plan.Organisation!.Path.StartsWith(path))
                .OrderBy(u => u.Task!.PlanId).ThenBy(u => u.Task!.Order)
                .Select(u => new { u.TaskId, UnitId = u.UnitId!.Value, u.Task!.Path, u.Task.Heading }).Take(1000).ToListAsync(ct))
                .Select(t => new TaskChoice(t.TaskId, Round.Draw.First(v => v.UnitId == t.UnitId).Unit, $"{OfficeLabels.Name(t.Path, t.Heading)}")).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, [TextLimit(typeof(InspectionRound), nameof(InspectionRound.Title))] string? title, [TextLimit(typeof(InspectionRound), nameof(InspectionRound.Description))] string? description, int? visits, int? inspectorsPerVisit,
        int? avoidRecentRounds, List<int>? unitIds, List<int>? inspectorIds, CancellationToken ct)
    {
        var r = await rounds.UpdateAsync(Me, id, new RoundInput(title, description, visits, inspectorsPerVisit, avoidRecentRounds, unitIds, inspectorIds), ct);
        return After($"/Inspections/{id}", r.Error, "督导已修改");
    }

    public async Task<IActionResult> OnPostDrawAsync(int id, [TextLimit(typeof(InspectionRound), nameof(InspectionRound.Seed))] string? seed, CancellationToken ct)
    {
        var r = await rounds.DrawAsync(Me, id, seed, ct);
        return After($"/Inspections/{id}", r.Error, "已抽取，随机种子与结果已保存");
    }

    public async Task<IActionResult> OnPostFindingAsync(int id, int? unitId, [TextLimit(20)] string? severity, [TextLimit(typeof(Finding), nameof(Finding.Description))] string? description, [TextLimit(typeof(Finding), nameof(Finding.Requirement))] string? requirement,
        DateOnly? deadline, List<int>? taskIds, CancellationToken ct)
    {
        var r = await findings.RecordAsync(Me, id, new FindingInput(unitId, severity, description, requirement, deadline, taskIds), ct);
        return After($"/Inspections/{id}", r.Error, "问题已记录，已通知被督导单位");
    }

    public async Task<IActionResult> OnPostBulletinAsync(int id, bool regenerate, CancellationToken ct)
    {
        var r = await bulletins.DraftAsync(Me, id, regenerate, ct);
        return After(r.Error is null ? $"/Inspections/{id}/Bulletin" : $"/Inspections/{id}", r.Error, "通报已起草，请修改后印发");
    }

    /// <summary>问题清单 as .xlsx.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        var r = await bulletins.FindingsXlsxAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        return File(r.Value.Bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{r.Value.Title}-问题清单.xlsx");
    }
}
