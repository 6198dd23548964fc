using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Security;
using AssessmentEntity = PlanLedger.Web.Data.Entities.Assessment;

namespace PlanLedger.Web.Features.Assessment;

public sealed record AssessmentPart(string Indicator, decimal Score, decimal Max, string Group, string Note);
public sealed record AssessmentUnit(int UnitId, string Unit, decimal Score, int Rank, string Grade, IReadOnlyList<AssessmentPart> Parts,
    decimal Bonus, decimal Penalty, IReadOnlyList<AdjustmentResult> Adjustments, IReadOnlyList<string> Vetoes, int? LastYearRank, int? RankChange);

/// <summary>The API shape: <c>{"state", "units": [{"unitId", "unit", "score", "rank", "grade", "parts": [{"indicator", "score", "max"}]}]}</c> and more.</summary>
public sealed record AssessmentView(int OrganisationId, string Organisation, int Year,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(SnakeCaseEnum<AssessmentState>))] AssessmentState State, int Version, bool DefaultScheme,
    DateTimeOffset? ConfirmedAt, string? ConfirmedBy, DateTimeOffset? PublishedAt, IReadOnlyList<AssessmentUnit> Units, SchemeDefinition Scheme,
    AssessmentInputs Inputs);

/// <summary>目标管理责任制考核: the scheme, the office's inputs, the draft → confirmed → published life of the results.</summary>
public sealed class AssessmentService(LedgerDbContext db, LedgerMeasures measures, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Org(int Id, string Name, string Path);

    private async Task<Outcome<Org>> OrgAsync(CurrentUser me, int organisationId, LedgerAction? action, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new Org(o.Id, o.Name, o.Path)).FirstOrDefaultAsync(ct);
        if (org is null || !org.Path.StartsWith(me.OrganisationPath, StringComparison.Ordinal)) return Failure.NotFound("组织不存在");
        if (action is { } a && !Access.Can(me, a, Resource(org))) return Failure.Forbidden();
        return org;
    }

    private static Resource Resource(Org o) => new(o.Id, o.Path);

    private static Failure? CheckYear(int year) => year is < 2000 or > 2100 ? Failure.BadRequest("年份无效") : null;

    public async Task<(SchemeDefinition Scheme, bool IsDefault)> SchemeAsync(int organisationId, int year, CancellationToken ct)
    {
        var row = await db.AssessmentSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationId == organisationId && s.Year == year, ct);
        return row is null ? (DefaultScheme.Definition, true) : (JsonSerializer.Deserialize<SchemeDefinition>(row.Definition, Json)!, false);
    }

    private Task<AssessmentEntity?> CurrentAsync(int organisationId, int year, CancellationToken ct) =>
        db.Assessments.Where(a => a.OrganisationId == organisationId && a.Year == year && a.SupersededAt == null)
            .OrderByDescending(a => a.Version).FirstOrDefaultAsync(ct);

    /// <summary>The assessment as <paramref name="me"/> may see it: drafts computed live, confirmed ones as frozen.</summary>
    public async Task<Outcome<AssessmentView>> ViewAsync(CurrentUser me, int organisationId, int year, CancellationToken ct = default)
    {
        if (CheckYear(year) is { } bad) return bad;
        var o = await OrgAsync(me, organisationId, null, ct);
        if (o.Error is { } e) return e;
        var org = o.Value!;
        var current = await CurrentAsync(organisationId, year, ct);
        var state = current?.State ?? AssessmentState.Draft;
        var scope = Access.AssessmentVisibility(me, Resource(org), state == AssessmentState.Published);
        if (scope == AssessmentScope.None) return new Failure(403, "考核结果尚未公布");
        var view = await ComputeAsync(org, year, current, ct);
        if (scope == AssessmentScope.OwnUnit)
            view = view with { Units = view.Units.Where(u => u.UnitId == me.UnitId).ToList(), Inputs = AssessmentInputs.Empty };
        return view;
    }

    private async Task<AssessmentView> ComputeAsync(Org org, int year, AssessmentEntity? current, CancellationToken ct)
    {
        var inputs = current is null ? AssessmentInputs.Empty : JsonSerializer.Deserialize<AssessmentInputs>(current.Inputs, Json) ?? AssessmentInputs.Empty;
        SchemeDefinition scheme;
        bool isDefault;
        List<AssessmentUnit> units;
        if (current is { FrozenScheme: { } fs, FrozenResults: { } fr })
        {
            scheme = JsonSerializer.Deserialize<SchemeDefinition>(fs, Json)!;
            isDefault = false;
            units = JsonSerializer.Deserialize<List<AssessmentUnit>>(fr, Json)!;
        }
        else
        {
            (scheme, isDefault) = await SchemeAsync(org.Id, year, ct);
            var facts = await measures.MeasureAsync(org.Id, year, Shared.Shanghai.Today(clock), ct);
            var last = await LastYearRanksAsync(org.Id, year - 1, ct);
            units = Scoring.Score(scheme, facts, inputs, last).Select(ToView).ToList();
        }
        return new AssessmentView(org.Id, org.Name, year, current?.State ?? AssessmentState.Draft, current?.Version ?? 1, isDefault,
            current?.ConfirmedAt, current?.ConfirmedByName, current?.PublishedAt, units, scheme, inputs);
    }

    private static AssessmentUnit ToView(UnitResult r) => new(r.UnitId, r.Unit, r.Score, r.Rank, r.Grade,
        r.Parts.Select(p => new AssessmentPart(p.Indicator, p.Score, p.Max, p.Group, p.Note)).ToList(),
        r.Bonus, r.Penalty, r.Adjustments, r.Vetoes, r.LastYearRank, r.RankChange);

    /// <summary>Last year's ranks from its confirmed or published assessment (none → no 位次升降).</summary>
    private async Task<Dictionary<int, int>?> LastYearRanksAsync(int organisationId, int year, CancellationToken ct)
    {
        var last = await db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Year == year && a.SupersededAt == null && a.FrozenResults != null)
            .OrderByDescending(a => a.Version).Select(a => a.FrozenResults).FirstOrDefaultAsync(ct);
        return last is null ? null : JsonSerializer.Deserialize<List<AssessmentUnit>>(last, Json)!.ToDictionary(u => u.UnitId, u => u.Rank);
    }

    public async Task<Outcome<SchemeDefinition>> SaveSchemeAsync(CurrentUser me, int organisationId, int year, SchemeDefinition? scheme, CancellationToken ct = default)
    {
        if (CheckYear(year) is { } bad) return bad;
        if (scheme?.Indicators is null || scheme.Adjustments is null || scheme.Vetoes is null || scheme.Grades is null)
            return Failure.BadRequest("考核方案不完整");
        if (scheme.Problem() is { } problem) return Failure.BadRequest(problem);
        var o = await OrgAsync(me, organisationId, LedgerAction.ManageAssessment, ct);
        if (o.Error is { } e) return e;
        var row = await db.AssessmentSchemes.FirstOrDefaultAsync(s => s.OrganisationId == organisationId && s.Year == year, ct);
        if (row is null) db.AssessmentSchemes.Add(row = new AssessmentScheme { OrganisationId = organisationId, Year = year });
        row.Definition = JsonSerializer.Serialize(scheme, Json);
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedByName = me.DisplayName;
        await db.SaveChangesAsync(ct);
        return scheme;
    }

    /// <summary>Changes the draft's inputs (creating the draft when there is none); a confirmed assessment → 409.</summary>
    public async Task<Outcome<AssessmentView>> EditInputsAsync(CurrentUser me, int organisationId, int year,
        Func<SchemeDefinition, AssessmentInputs, HashSet<int>, Outcome<AssessmentInputs>> edit, CancellationToken ct = default)
    {
        if (CheckYear(year) is { } bad) return bad;
        var o = await OrgAsync(me, organisationId, LedgerAction.ManageAssessment, ct);
        if (o.Error is { } e) return e;
        var current = await CurrentAsync(organisationId, year, ct);
        if (current is not null && current.State != AssessmentState.Draft)
            return Failure.Conflict("考核结果已确认，修改请先另起新版本");
        var (scheme, _) = await SchemeAsync(organisationId, year, ct);
        var inputs = current is null ? AssessmentInputs.Empty : JsonSerializer.Deserialize<AssessmentInputs>(current.Inputs, Json)!;
        var unitIds = (await db.Units.Where(u => u.OrganisationId == organisationId && u.MergedIntoId == null).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var changed = edit(scheme, inputs, unitIds);
        if (changed.Error is { } ee) return ee;
        if (current is null) db.Assessments.Add(current = new AssessmentEntity { OrganisationId = organisationId, Year = year, CreatedAt = clock.GetUtcNow() });
        current.SetInputs(JsonSerializer.Serialize(changed.Value, Json));
        await db.SaveChangesAsync(ct);
        return await ComputeAsync(o.Value!, year, current, ct);
    }

    public Task<Outcome<AssessmentView>> SetScoreAsync(CurrentUser me, int organisationId, int year, ManualScore s, CancellationToken ct = default) =>
        EditInputsAsync(me, organisationId, year, (scheme, inputs, units) =>
        {
            if (!units.Contains(s.UnitId)) return Failure.BadRequest("该单位不属于本组织");
            var i = scheme.Indicators.FirstOrDefault(x => x.Code == s.Indicator);
            if (i is null || i.Method != "manual") return Failure.BadRequest("该考核项目不存在或不是人工评分项");
            if (s.Score < 0 || s.Score > i.Max) return Failure.BadRequest($"“{i.Name}”的得分应在 0–{Figures.Number(i.Max)} 之间");
            var note = (s.Note ?? "").Trim();
            if (note.Length > 500) return Failure.BadRequest("说明不超过 500 字");
            return inputs with { Scores = [.. inputs.Scores.Where(x => !(x.UnitId == s.UnitId && x.Indicator == s.Indicator)), s with { Note = note }] };
        }, ct);

    public Task<Outcome<AssessmentView>> AddAdjustmentAsync(CurrentUser me, int organisationId, int year, AdjustmentEntry a, CancellationToken ct = default) =>
        EditInputsAsync(me, organisationId, year, (scheme, inputs, units) =>
        {
            if (!units.Contains(a.UnitId)) return Failure.BadRequest("该单位不属于本组织");
            if (scheme.Adjustments.All(x => x.Code != a.Item)) return Failure.BadRequest("加分/扣分项目不存在");
            if (a.Points <= 0 || a.Points > 100) return Failure.BadRequest("分数应大于 0 且不超过 100");
            if (string.IsNullOrWhiteSpace(a.Basis)) return Failure.BadRequest("请填写依据（文件）");
            return inputs with { Adjustments = [.. inputs.Adjustments, a with { Basis = a.Basis.Trim() }] };
        }, ct);

    public Task<Outcome<AssessmentView>> RemoveAdjustmentAsync(CurrentUser me, int organisationId, int year, int index, CancellationToken ct = default) =>
        EditInputsAsync(me, organisationId, year, (_, inputs, _) =>
            index < 0 || index >= inputs.Adjustments.Count ? Failure.NotFound("加分/扣分记录不存在")
                : inputs with { Adjustments = inputs.Adjustments.Where((_, i) => i != index).ToList() }, ct);

    public Task<Outcome<AssessmentView>> SetVetoAsync(CurrentUser me, int organisationId, int year, VetoEntry v, bool remove, CancellationToken ct = default) =>
        EditInputsAsync(me, organisationId, year, (scheme, inputs, units) =>
        {
            if (!units.Contains(v.UnitId)) return Failure.BadRequest("该单位不属于本组织");
            if (scheme.Vetoes.All(x => x.Code != v.Veto)) return Failure.BadRequest("一票否决事项不存在");
            var rest = inputs.Vetoes.Where(x => !(x.UnitId == v.UnitId && x.Veto == v.Veto)).ToList();
            return inputs with { Vetoes = remove ? rest : [.. rest, v with { Note = (v.Note ?? "").Trim() }] };
        }, ct);

    /// <summary>draft → confirmed: the scheme and the results as computed now are frozen.</summary>
    public async Task<Outcome<AssessmentView>> ConfirmAsync(CurrentUser me, int organisationId, int year, CancellationToken ct = default) =>
        await TransitionAsync(me, organisationId, year, async (org, current) =>
        {
            if (current is null) db.Assessments.Add(current = new AssessmentEntity { OrganisationId = organisationId, Year = year, CreatedAt = clock.GetUtcNow() });
            if (current.State != AssessmentState.Draft) return Failure.Conflict("考核结果已确认");
            var view = await ComputeAsync(org, year, current, ct);
            if (view.Units.Count == 0) return Failure.Conflict("本年度没有可考核的单位（已发布计划中牵头任务的单位）");
            current.Confirm(JsonSerializer.Serialize(view.Scheme, Json), JsonSerializer.Serialize(view.Units, Json), me.DisplayName, clock.GetUtcNow());
            return current;
        }, ct);

    public async Task<Outcome<AssessmentView>> PublishAsync(CurrentUser me, int organisationId, int year, CancellationToken ct = default) =>
        await TransitionAsync(me, organisationId, year, (_, current) =>
        {
            if (current is not { State: AssessmentState.Confirmed }) return Task.FromResult<Outcome<AssessmentEntity>>(Failure.Conflict("请先确认考核结果再公布"));
            current.Publish(clock.GetUtcNow());
            return Task.FromResult<Outcome<AssessmentEntity>>(current);
        }, ct);

    /// <summary>A confirmed or published assessment → a new draft version with the same inputs (the old one kept).</summary>
    public async Task<Outcome<AssessmentView>> ReviseAsync(CurrentUser me, int organisationId, int year, CancellationToken ct = default) =>
        await TransitionAsync(me, organisationId, year, (_, current) =>
        {
            if (current is null or { State: AssessmentState.Draft })
                return Task.FromResult<Outcome<AssessmentEntity>>(Failure.Conflict("草稿可直接修改，无需另起版本"));
            var next = current.Revise(clock.GetUtcNow());
            db.Assessments.Add(next);
            return Task.FromResult<Outcome<AssessmentEntity>>(next);
        }, ct);

    private async Task<Outcome<AssessmentView>> TransitionAsync(CurrentUser me, int organisationId, int year,
        Func<Org, AssessmentEntity?, Task<Outcome<AssessmentEntity>>> step, CancellationToken ct)
    {
        if (CheckYear(year) is { } bad) return bad;
        var o = await OrgAsync(me, organisationId, LedgerAction.ManageAssessment, ct);
        if (o.Error is { } e) return e;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await CurrentAsync(organisationId, year, ct);
        var r = await step(o.Value!, current);
        if (r.Error is { } f) return f;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Failure.Conflict("考核结果已被他人修改，请刷新"); }
        await tx.CommitAsync(ct);
        return await ComputeAsync(o.Value!, year, r.Value, ct);
    }
}
