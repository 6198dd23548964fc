using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>督导 rounds: defining the scope, the 双随机 draw (stored once, repeatable from its seed) and reading them.</summary>
public sealed class InspectionService(LedgerDbContext db, TimeProvider clock)
{
    public const string Algorithm = "SplitMix64 + partial Fisher–Yates (docs/inspections.md)";

    /// <summary>The round with everything its pages show, if <paramref name="me"/> may do <paramref name="action"/>.</summary>
    public async Task<Outcome<(InspectionRound Round, Resource Resource)>> RoundAsync(CurrentUser me, int id, LedgerAction action,
        bool track = false, CancellationToken ct = default)
    {
        var q = db.InspectionRounds.Include(r => r.ScopeUnits).Include(r => r.Inspectors)
            .Include(r => r.DrawnVisits).ThenInclude(v => v.Inspectors).AsSplitQuery();
        var round = await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return Failure.NotFound("督导不存在");
        var path = await db.Organisations.Where(o => o.Id == round.OrganisationId).Select(o => o.Path).FirstAsync(ct);
        var resource = Resource(round, path);
        if (Problems.FromDecision(Access.Decide(me, action, resource)) is { } f) return f;
        return (round, resource);
    }

    public static Resource Resource(InspectionRound round, string path) => new(round.OrganisationId, path,
        TaskUnitIds: round.DrawnVisits.Select(v => v.UnitId).ToList(),
        InspectorIds: round.DrawnVisits.SelectMany(v => v.Inspectors).Select(i => i.UserId).Distinct().ToList());

    /// <summary>Rounds of the person's organisation and below; reporters see only rounds they inspect.</summary>
    public async Task<List<RoundListItem>> ListAsync(CurrentUser me, CancellationToken ct = default)
    {
        var path = me.OrganisationPath;
        var q = db.InspectionRounds.AsNoTracking().Where(r => r.Organisation!.Path.StartsWith(path));
        if (me.Role == UserRole.Reporter)
            q = q.Where(r => r.DrawnVisits.Any(v => v.Inspectors.Any(i => i.UserId == me.Id)));
        var rows = await q.OrderByDescending(r => r.CreatedAt).Take(500)
            .Select(r => new RoundListItem(r.Id, r.Title, r.Status, "", r.Visits, r.Seed, r.CreatedAt, r.DrawnAt,
                db.Findings.Count(f => f.RoundId == r.Id),
                db.Findings.Count(f => f.RoundId == r.Id && (f.Status == FindingStatus.Open || f.Status == FindingStatus.Reopened))))
            .ToListAsync(ct);
        return rows.Select(x => x with { StatusName = InspectionNames.Status(x.Status) }).ToList();
    }

    /// <summary>Units a round of this organisation may visit (its own and those below it), by name.</summary>
    public async Task<List<Unit>> CandidateUnitsAsync(string orgPath, CancellationToken ct = default) =>
        (await db.Units.AsNoTracking().Where(u => u.MergedIntoId == null && u.Organisation!.Path.StartsWith(orgPath))
            .ToListAsync(ct)).Sort(u => u.Name).ToList();

    /// <summary>Active people of the organisation itself, who may be chosen as inspectors.</summary>
    public Task<List<AppUser>> CandidateInspectorsAsync(int organisationId, CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.DeactivatedAt == null)
            .OrderBy(u => u.DisplayName).ToListAsync(ct);

    public async Task<Outcome<RoundDto>> CreateAsync(CurrentUser me, RoundInput input, CancellationToken ct = default)
    {
        var org = new Resource(me.OrganisationId, me.OrganisationPath);
        if (Problems.FromDecision(Access.Decide(me, LedgerAction.ManageInspection, org)) is { } f) return f;
        var round = new InspectionRound
        {
            OrganisationId = me.OrganisationId, CreatedById = me.Id, CreatedByName = await NameAsync(me, ct), CreatedAt = clock.GetUtcNow(),
        };
        if (await ApplyAsync(round, me.OrganisationPath, input, ct) is { } bad) return bad;
        db.InspectionRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(round.Id, ct);
    }

    public async Task<Outcome<RoundDto>> UpdateAsync(CurrentUser me, int id, RoundInput input, CancellationToken ct = default)
    {
        var r = await RoundAsync(me, id, LedgerAction.ManageInspection, track: true, ct);
        if (r.Error is { } e) return e;
        var (round, resource) = r.Value;
        if (round.Drawn) return await RefusedAsync(me, round, "edit", "本轮督导已抽取，抽取结果与范围不能更改", ct);
        if (await ApplyAsync(round, resource.OrganisationPath, input, ct) is { } bad) return bad;
        await db.SaveChangesAsync(ct);
        return await DtoAsync(round.Id, ct);
    }

    private async Task<Failure?> ApplyAsync(InspectionRound round, string orgPath, RoundInput input, CancellationToken ct)
    {
        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > 200) return Failure.BadRequest("请填写督导名称（不超过 200 字）");
        var description = (input.Description ?? "").Trim();
        if (description.Length > 4000) return Failure.BadRequest("督导说明不超过 4000 字");
        var unitIds = (input.UnitIds ?? []).Distinct().ToList();
        var inspectorIds = (input.InspectorIds ?? []).Distinct().ToList();
        if (unitIds.Count == 0) return Failure.BadRequest("请选择督导范围内的单位");
        if (inspectorIds.Count == 0) return Failure.BadRequest("请选择督导人员");
        var units = await db.Units.Where(u => unitIds.Contains(u.Id) && u.MergedIntoId == null && u.Organisation!.Path.StartsWith(orgPath))
            .Select(u => u.Id).ToListAsync(ct);
        if (units.Count != unitIds.Count) return Failure.BadRequest("督导范围只能包含本组织及下级组织的单位");
        var people = await db.Users.Where(u => inspectorIds.Contains(u.Id) && u.OrganisationId == round.OrganisationId && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.UnitId }).ToListAsync(ct);
        if (people.Count != inspectorIds.Count) return Failure.BadRequest("督导人员只能从本组织的在用账号中选择");
        var visits = input.Visits ?? 0;
        var perVisit = input.InspectorsPerVisit ?? 2;
        if (perVisit > people.Count) return Failure.BadRequest($"每组 {perVisit} 人，但只选了 {people.Count} 名督导人员");
        if (visits > units.Count) return Failure.BadRequest($"督导 {visits} 家，但范围内只有 {units.Count} 家单位");
        if (round.Configure(visits, perVisit, input.AvoidRecentRounds ?? 0) is { } why) return Failure.BadRequest(why);
        round.Title = title;
        round.Description = description;
        return round.SetScope(units, people.Select(p => (p.Id, p.UnitId))) is { } w ? Failure.Conflict(w) : null;
    }

    /// <summary>双随机: draws the visits with <paramref name="seedText"/> or a fresh random seed, once.</summary>
    public async Task<Outcome<RoundDto>> DrawAsync(CurrentUser me, int id, string? seedText, CancellationToken ct = default)
    {
        var r = await RoundAsync(me, id, LedgerAction.ManageInspection, track: true, ct);
        if (r.Error is { } e) return e;
        var round = r.Value.Round;
        if (round.Drawn) return await RefusedAsync(me, round, "draw", "本轮督导已抽取，抽取结果不能更改", ct);
        ulong seed;
        if (string.IsNullOrWhiteSpace(seedText)) seed = RandomDraw.NewSeed();
        else if (!RandomDraw.TryParse(seedText, out seed)) return Failure.BadRequest("种子应为 1–16 位十六进制数");

        var excluded = new HashSet<int>();
        if (round.AvoidRecentRounds > 0)
        {
            var recent = await db.InspectionRounds.Where(x => x.OrganisationId == round.OrganisationId && x.DrawnAt != null && x.Id != round.Id)
                .OrderByDescending(x => x.DrawnAt).Take(round.AvoidRecentRounds).Select(x => x.Id).ToListAsync(ct);
            excluded = (await db.InspectionVisits.Where(v => recent.Contains(v.RoundId)).Select(v => v.UnitId).ToListAsync(ct)).ToHashSet();
        }
        var eligible = round.ScopeUnits.Select(s => s.UnitId).Where(u => !excluded.Contains(u)).ToList();
        if (eligible.Count == 0) return Failure.Conflict("范围内的单位都在最近几轮督导过，没有可抽取的单位");
        var drawn = RandomDraw.Draw(seed, eligible, round.Visits, Pool(round), round.InspectorsPerVisit);
        var visits = drawn.Select((v, i) => new InspectionVisit { Order = i + 1, UnitId = v.UnitId }.With(v.InspectorIds)).ToList();
        if (round.RecordDraw(RandomDraw.Format(seed), excluded, visits, await NameAsync(me, ct), clock.GetUtcNow()) is { } why)
            return Failure.Conflict(why);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(round.Id, ct);
    }

    /// <summary>
    /// An attempt to change a stored draw: refused (409) and written to the audit trail as action "refused", with the
    /// stored seed, so that attempts are visible beside the draw itself.
    /// </summary>
    private async Task<Failure> RefusedAsync(CurrentUser me, InspectionRound round, string attempt, string why, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = me.Id, UserName = me.UserName, ActorOrganisationPath = me.OrganisationPath,
            Entity = nameof(InspectionRound), EntityId = round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = "refused",
            After = System.Text.Json.JsonSerializer.Serialize(new { attempt, round.Seed }),
        });
        await db.SaveChangesAsync(ct);
        return Failure.Conflict(why, new Dictionary<string, object?> { ["seed"] = round.Seed });
    }

    private static IEnumerable<InspectorCandidate> Pool(InspectionRound round) =>
        round.Inspectors.Select(i => new InspectorCandidate(i.UserId, i.UnitId));

    /// <summary>Repeats the draw from <paramref name="seedText"/> (default: the stored seed) on the stored candidates.</summary>
    public async Task<Outcome<VerifyDto>> VerifyAsync(CurrentUser me, int id, string? seedText, CancellationToken ct = default)
    {
        var r = await RoundAsync(me, id, LedgerAction.ReadInspection, ct: ct);
        if (r.Error is { } e) return e;
        var round = r.Value.Round;
        if (!round.Drawn) return Failure.Conflict("本轮督导尚未抽取");
        if (!RandomDraw.TryParse(string.IsNullOrWhiteSpace(seedText) ? round.Seed : seedText, out var seed))
            return Failure.BadRequest("种子应为 1–16 位十六进制数");
        var eligible = round.ScopeUnits.Where(s => !s.ExcludedAsRecent).Select(s => s.UnitId).Order().ToList();
        var drawn = RandomDraw.Draw(seed, eligible, round.Visits, Pool(round), round.InspectorsPerVisit);
        var stored = round.DrawnVisits.OrderBy(v => v.Order).ToList();
        var matches = drawn.Count == stored.Count && drawn.Zip(stored).All(p => p.First.UnitId == p.Second.UnitId
            && p.First.InspectorIds.SequenceEqual(p.Second.Inspectors.OrderBy(i => i.Order).Select(i => i.UserId)));
        var names = await NamesAsync(drawn.Select(d => d.UnitId), drawn.SelectMany(d => d.InspectorIds), ct);
        return new VerifyDto(RandomDraw.Format(seed), Algorithm, eligible, round.Inspectors.Select(i => i.UserId).Order().ToList(),
            drawn.Select((d, i) => new VisitDto(i + 1, d.UnitId, names.Units.GetValueOrDefault(d.UnitId, ""),
                d.InspectorIds.Select(p => new PersonDto(p, names.People.GetValueOrDefault(p, ""))).ToList())).ToList(), matches);
    }

    public async Task<RoundDto> DtoAsync(int id, CancellationToken ct = default)
    {
        var round = await db.InspectionRounds.AsNoTracking().Include(r => r.ScopeUnits).Include(r => r.Inspectors)
            .Include(r => r.DrawnVisits).ThenInclude(v => v.Inspectors).AsSplitQuery().FirstAsync(r => r.Id == id, ct);
        return await DtoAsync(round, ct);
    }

    public async Task<RoundDto> DtoAsync(InspectionRound round, CancellationToken ct = default)
    {
        var names = await NamesAsync(round.ScopeUnits.Select(s => s.UnitId),
            round.Inspectors.Select(i => i.UserId).Concat(round.DrawnVisits.SelectMany(v => v.Inspectors).Select(i => i.UserId)), ct);
        var counts = await db.Findings.Where(f => f.RoundId == round.Id).GroupBy(f => f.Status)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return new RoundDto(round.Id, round.OrganisationId, round.Title, round.Description, round.Status, InspectionNames.Status(round.Status),
            round.Visits, round.InspectorsPerVisit, round.AvoidRecentRounds, round.CreatedByName, round.CreatedAt, round.Seed,
            round.DrawnAt, round.DrawnByName,
            round.ScopeUnits.Select(s => new ScopeUnitDto(s.UnitId, names.Units.GetValueOrDefault(s.UnitId, ""), s.ExcludedAsRecent))
                .OrderBy(s => s.Unit, StringComparer.Ordinal).ToList(),
            round.Inspectors.Select(i => new PersonDto(i.UserId, names.People.GetValueOrDefault(i.UserId, ""))).ToList(),
            round.DrawnVisits.OrderBy(v => v.Order).Select(v => new VisitDto(v.Order, v.UnitId, names.Units.GetValueOrDefault(v.UnitId, ""),
                v.Inspectors.OrderBy(i => i.Order).Select(i => new PersonDto(i.UserId, names.People.GetValueOrDefault(i.UserId, ""))).ToList())).ToList(),
            counts.Sum(c => c.N), counts.Where(c => c.Key is FindingStatus.Open or FindingStatus.Reopened).Sum(c => c.N));
    }

    private async Task<(Dictionary<int, string> Units, Dictionary<int, string> People)> NamesAsync(IEnumerable<int> unitIds,
        IEnumerable<int> userIds, CancellationToken ct)
    {
        var u = unitIds.Distinct().ToList();
        var p = userIds.Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(x => u.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var people = await db.Users.AsNoTracking().Where(x => p.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.DisplayName == "" ? x.UserName! : x.DisplayName, ct);
        return (units, people);
    }

    /// <summary>The person's display name (people are shown by name, not account).</summary>
    public async Task<string> NameAsync(CurrentUser me, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == me.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } n ? n : me.DisplayName;
}

internal static class VisitExtensions
{
    public static InspectionVisit With(this InspectionVisit v, IReadOnlyList<int> inspectorIds)
    {
        v.Inspectors.AddRange(inspectorIds.Select((id, i) => new InspectionVisitInspector { UserId = id, Order = i + 1 }));
        return v;
    }
}
