using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 督导: an inspection round of an organisation. The office sets the scope (candidate units), the number of visits and
/// the inspector pool while the round is 待抽取; the draw (双随机) stores its seed and result once, after which
/// neither the scope nor the draw can change.
/// </summary>
public sealed class InspectionRound
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int Visits { get; private set; }
    public int InspectorsPerVisit { get; private set; }
    /// <summary>Units visited in this many of the organisation's previous drawn rounds are not drawn again (0 = none avoided).</summary>
    public int AvoidRecentRounds { get; private set; }
    public InspectionRoundStatus Status { get; private set; }
    public int CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The draw's seed, 16 hex digits (SplitMix64); null until drawn.</summary>
    public string? Seed { get; private set; }
    public DateTimeOffset? DrawnAt { get; private set; }
    /// <summary>Concurrency token: two people drawing or editing at once → the second gets 409.</summary>
    public int Version { get; private set; }
    public string? DrawnByName { get; private set; }
    public List<InspectionScopeUnit> ScopeUnits { get; } = [];
    public List<InspectionInspector> Inspectors { get; } = [];
    public List<InspectionVisit> DrawnVisits { get; } = [];

    public bool Drawn => Seed is not null;

    /// <summary>Sets the numbers of the round; refused once drawn. Returns the reason when refused.</summary>
    public string? Configure(int visits, int inspectorsPerVisit, int avoidRecentRounds)
    {
        if (Drawn) return "已抽取的督导不能修改";
        if (visits is < 1 or > 500) return "督导单位数应为 1–500";
        if (inspectorsPerVisit is < 1 or > 20) return "每组督导人员数应为 1–20";
        if (avoidRecentRounds is < 0 or > 50) return "回避轮次应为 0–50";
        Version++;
        Visits = visits;
        InspectorsPerVisit = inspectorsPerVisit;
        AvoidRecentRounds = avoidRecentRounds;
        return null;
    }

    /// <summary>Replaces the candidate units and inspectors; refused once drawn.</summary>
    public string? SetScope(IEnumerable<int> unitIds, IEnumerable<(int UserId, int? UnitId)> inspectors)
    {
        if (Drawn) return "已抽取的督导不能修改";
        Version++;
        ScopeUnits.Clear();
        ScopeUnits.AddRange(unitIds.Distinct().Order().Select(u => new InspectionScopeUnit { UnitId = u }));
        Inspectors.Clear();
        Inspectors.AddRange(inspectors.DistinctBy(i => i.UserId).OrderBy(i => i.UserId)
            .Select(i => new InspectionInspector { UserId = i.UserId, UnitId = i.UnitId }));
        return null;
    }

    /// <summary>
    /// Stores the draw: the seed, which candidates were excluded as recently visited, and the visits. Once only.
    /// </summary>
    public string? RecordDraw(string seed, IReadOnlySet<int> excludedUnits, IEnumerable<InspectionVisit> visits, string by, DateTimeOffset now)
    {
        if (Drawn) return "本轮督导已抽取，抽取结果不能更改";
        foreach (var s in ScopeUnits) s.ExcludedAsRecent = excludedUnits.Contains(s.UnitId);
        DrawnVisits.AddRange(visits);
        if (DrawnVisits.Count == 0) return "没有可抽取的单位";
        Version++;
        Seed = seed;
        DrawnAt = now;
        DrawnByName = by;
        Status = InspectionRoundStatus.Drawn;
        return null;
    }

    /// <summary>The bulletin of the round was published.</summary>
    public void MarkReported()
    {
        if (Status != InspectionRoundStatus.Drawn) return;
        Status = InspectionRoundStatus.Reported;
        Version++;
    }
}

/// <summary>待抽取 planned, 已抽取 drawn, 已通报 reported (its bulletin is published).</summary>
public enum InspectionRoundStatus { [Display(Name = "待抽取")] Planned, [Display(Name = "已抽取")] Drawn, [Display(Name = "已通报")] Reported }

/// <summary>A candidate unit of a round; <see cref="ExcludedAsRecent"/> is set at the draw for units avoided as recently visited.</summary>
public sealed class InspectionScopeUnit
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public bool ExcludedAsRecent { get; set; }
}

/// <summary>A person of the organisation in the round's inspector pool.</summary>
public sealed class InspectionInspector
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    /// <summary>The inspector's own unit when the scope was set: never sent to it (回避); kept so the draw can be repeated.</summary>
    public int? UnitId { get; set; }
}

/// <summary>One drawn visit: a unit and the inspectors sent to it, in draw order.</summary>
public sealed class InspectionVisit
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int Order { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public List<InspectionVisitInspector> Inspectors { get; } = [];
}

public sealed class InspectionVisitInspector
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public int Order { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
}
