using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Admin;

/// <summary>What refers to a unit: what a merge moves, and why a delete is refused.</summary>
public sealed record UnitUsage(int Tasks, int Reports, int Users, int Requests, int Supervisions, int Findings, int Inspections, int MergedUnits)
{
    public bool Unused => Tasks + Reports + Users + Requests + Supervisions + Findings + Inspections + MergedUnits == 0;

    /// <summary>"3 项任务、2 条填报、1 个用户" — the counts that are not zero, in Chinese (translated where shown).</summary>
    public string Summary() => string.Join("、", new[]
    {
        (Tasks, "{0} 项任务"), (Reports, "{0} 条填报"), (Users, "{0} 个用户"), (Requests, "{0} 项申请"),
        (Supervisions, "{0} 份督办单"), (Findings, "{0} 个督导问题"), (Inspections, "{0} 轮督导"), (MergedUnits, "{0} 个已并入的单位"),
    }.Where(x => x.Item1 > 0).Select(x => x.Item2.Replace("{0}", x.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}

public sealed record UnitRename([TextLimit(typeof(Unit), nameof(Unit.Name))] string? Name, int? Version = null);
public sealed record OrganisationUpdate([TextLimit(typeof(Organisation), nameof(Organisation.Name))] string? Name, OrganisationLevel? Level,
    [TextLimit(typeof(Organisation), nameof(Organisation.TimeZone))] string? TimeZone, int? Version = null);

/// <summary>The unit directory's rename, delete (only when unused) and merge preview; the organisations' edit and tree.</summary>
public sealed class UnitDirectory(LedgerDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    private async Task<(Unit? Unit, Failure? Error)> FindAsync(CurrentUser me, int id, CancellationToken ct)
    {
        var unit = await db.Units.Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == id && u.MergedIntoId == null, ct);
        if (unit is null) return (null, Failure.NotFound("单位不存在"));
        if (Problems.FromDecision(Access.Decide(me, LedgerAction.ManageUnits, new Resource(unit.OrganisationId, unit.Organisation!.Path))) is { } denied)
            return (null, denied);
        return (unit, null);
    }

    public async Task<UnitUsage> UsageAsync(int unitId, CancellationToken ct = default) => new(
        await db.TaskUnits.CountAsync(x => x.UnitId == unitId, ct),
        await db.Reports.CountAsync(x => x.UnitId == unitId, ct),
        await db.Users.CountAsync(x => x.UnitId == unitId, ct),
        await db.TaskRequests.CountAsync(x => x.UnitId == unitId, ct),
        await db.SupervisionUnits.CountAsync(x => x.UnitId == unitId, ct),
        await db.Findings.CountAsync(x => x.UnitId == unitId, ct),
        await db.Set<InspectionScopeUnit>().Where(x => x.UnitId == unitId).Select(x => x.RoundId)
            .Union(db.InspectionVisits.Where(x => x.UnitId == unitId).Select(x => x.RoundId)).CountAsync(ct),
        await db.Units.CountAsync(x => x.MergedIntoId == unitId, ct));

    /// <summary>What merging <paramref name="fromId"/> would move (nothing changes).</summary>
    public async Task<Outcome<UnitUsage>> MergePreviewAsync(CurrentUser me, int fromId, CancellationToken ct = default)
    {
        var (unit, error) = await FindAsync(me, fromId, ct);
        if (error is not null) return error;
        return await UsageAsync(unit!.Id, ct);
    }

    /// <summary>Renames a unit; the old name stays as an alias (documents that still use it keep matching).</summary>
    public async Task<Outcome<UnitDto>> RenameAsync(CurrentUser me, int id, UnitRename input, CancellationToken ct = default)
    {
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0) return Failure.BadRequest("单位名称不能为空");
        if (name.Length > 200) return Failure.BadRequest("名称不超过 200 字");
        var (unit, error) = await FindAsync(me, id, ct);
        if (error is not null) return error;
        if (Concurrency.Check(unit!, input.Version, Dto) is { } stale) return stale;
        if (name == unit!.Name) return Dto(unit);
        if (await db.Units.AnyAsync(u => u.OrganisationId == unit.OrganisationId && u.Id != unit.Id && u.Name == name && u.MergedIntoId == null, ct))
            return Failure.Conflict("单位已存在");
        var aliases = unit.AliasList().Append(unit.Name).Where(a => a != name).Distinct().ToList();
        unit.Aliases = Plans.PlanImporter.Clip(string.Join("|", aliases), 1000)!;
        unit.Name = name;
        if (await db.SaveAsync(unit, Dto, ct) is { } lost) return lost;
        return Dto(unit);
    }

    /// <summary>Deletes a unit nothing refers to; otherwise 409 saying what still uses it (merge it instead).</summary>
    public async Task<Failure?> DeleteAsync(CurrentUser me, int id, CancellationToken ct = default)
    {
        var (unit, error) = await FindAsync(me, id, ct);
        if (error is not null) return error;
        var usage = await UsageAsync(unit!.Id, ct);
        if (!usage.Unused) return Failure.Conflict($"单位“{unit.Name}”仍在使用（{usage.Summary()}），不能删除；可将其合并到其他单位");
        db.Notifications.RemoveRange(await db.Notifications.Where(n => n.UnitId == unit.Id).ToListAsync(ct));
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Renames an organisation, changes its level or time zone (an unknown zone is refused).</summary>
    public async Task<Outcome<OrganisationDto>> UpdateOrganisationAsync(CurrentUser me, int id, OrganisationUpdate input, CancellationToken ct = default)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return Failure.NotFound("组织不存在");
        if (Problems.FromDecision(Access.Decide(me, LedgerAction.ManageOrganisations, new Resource(org.Id, org.Path))) is { } denied) return denied;
        if (Concurrency.Check(org, input.Version, OrgDto) is { } stale) return stale;
        if (input.Name is not null)
        {
            var name = input.Name.Trim();
            if (name.Length == 0) return Failure.BadRequest("名称不能为空");
            if (name.Length > 200) return Failure.BadRequest("名称不超过 200 字");
            org.Name = name;
        }
        if (input.Level is { } level)
        {
            if (!Enum.IsDefined(level)) return Failure.BadRequest("组织级别无效");
            org.Level = level;
        }
        if (input.TimeZone is not null)
        {
            var zone = input.TimeZone.Trim();
            if (zone.Length > 0 && Shanghai.Find(zone) is null) return Failure.BadRequest($"时区无效：{zone}");
            org.TimeZone = zone.Length == 0 ? null : zone;
        }
        if (await db.SaveAsync(org, OrgDto, ct) is { } lost) return lost;
        cache.Remove(OrganisationTimeZone.CacheKey(org.Id));
        return OrgDto(org);
    }

    /// <summary>The organisations a person sees, each after its parent, children by pinyin: (organisation, depth).</summary>
    public static List<(Organisation Org, int Depth)> Tree(IReadOnlyCollection<Organisation> all)
    {
        var ids = all.Select(o => o.Id).ToHashSet();
        var children = all.ToLookup(o => o.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var list = new List<(Organisation, int)>();
        void Walk(int? parent, int depth)
        {
            foreach (var o in children[parent].OrderBy(o => o.Name, Pinyin.Comparer))
            {
                list.Add((o, depth));
                Walk(o.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return list;
    }

    public static string LevelName(OrganisationLevel l) => EnumLabels.Zh(l);

    private static UnitDto Dto(Unit u) => new(u.Id, u.OrganisationId, u.Name, u.Kind.ToString(), u.Aliases, u.MergedIntoId, u.Version);
    private static OrganisationDto OrgDto(Organisation o) => new(o.Id, o.Name, o.ParentId, o.Level.ToString(), o.TimeZone, o.Version);
}
