using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Inspections;

public sealed record RoundInput([TextLimit(typeof(InspectionRound), nameof(InspectionRound.Title))] string? Title,
    [TextLimit(typeof(InspectionRound), nameof(InspectionRound.Description))] string? Description, int? Visits, int? InspectorsPerVisit, int? AvoidRecentRounds,
    IReadOnlyList<int>? UnitIds, IReadOnlyList<int>? InspectorIds);
public sealed record DrawInput([TextLimit(typeof(InspectionRound), nameof(InspectionRound.Seed))] string? Seed);
public sealed record PersonDto(int UserId, string Name);
public sealed record ScopeUnitDto(int UnitId, string Unit, bool ExcludedAsRecent);
public sealed record VisitDto(int Order, int UnitId, string Unit, IReadOnlyList<PersonDto> Inspectors);
public sealed record RoundDto(int Id, int OrganisationId, string Title, string Description, InspectionRoundStatus Status,
    string StatusName, int Visits, int InspectorsPerVisit, int AvoidRecentRounds, string CreatedBy, DateTimeOffset CreatedAt,
    string? Seed, DateTimeOffset? DrawnAt, string? DrawnBy, IReadOnlyList<ScopeUnitDto> Scope, IReadOnlyList<PersonDto> Inspectors,
    IReadOnlyList<VisitDto> Draw, int Findings, int OpenFindings);
public sealed record RoundListItem(int Id, string Title, InspectionRoundStatus Status, string StatusName, int Visits,
    string? Seed, DateTimeOffset CreatedAt, DateTimeOffset? DrawnAt, int Findings, int OpenFindings);
/// <summary>The draw repeated from a seed on the stored candidates; <c>Matches</c> says whether it equals the stored draw.</summary>
public sealed record VerifyDto(string Seed, string Algorithm, IReadOnlyList<int> Candidates, IReadOnlyList<int> InspectorPool,
    IReadOnlyList<VisitDto> Draw, bool Matches);

public sealed record FindingInput(int? UnitId, [TextLimit(20)] string? Severity,
    [TextLimit(typeof(Finding), nameof(Finding.Description))] string? Description,
    [TextLimit(typeof(Finding), nameof(Finding.Requirement))] string? Requirement, DateOnly? Deadline,
    IReadOnlyList<int>? TaskIds);
public sealed record CloseInput([TextLimit(typeof(FindingEvent), nameof(FindingEvent.Text))] string? Comment);
public sealed record ReopenInput([TextLimit(typeof(FindingEvent), nameof(FindingEvent.Text))] string? Reason, DateOnly? Deadline);
public sealed record FindingTaskDto(int Id, int PlanId, string Label, string Heading);
public sealed record FindingEvidenceDto(int Id, string FileName, long Size);
public sealed record FindingEventDto(FindingAction Action, FindingStatus? From, FindingStatus To, string Text, string By,
    DateTimeOffset At, IReadOnlyList<FindingEvidenceDto> Evidence);
public sealed record FindingDto(int Id, int RoundId, string Round, int Number, int UnitId, string Unit, FindingSeverity Severity,
    string SeverityName, string Description, string Requirement, DateOnly Deadline, FindingStatus Status, string StatusName,
    bool Overdue, string RecordedBy, DateTimeOffset RecordedAt, DateTimeOffset? ClosedAt, IReadOnlyList<FindingTaskDto> Tasks,
    IReadOnlyList<FindingEventDto> Events);
/// <summary>Findings a dashboard shows: still to be rectified (待整改 + 重新整改), of which past their 整改期限, and awaiting re-check.</summary>
public sealed record FindingCounts(int Open, int Overdue, int AwaitingRecheck);

public sealed record BulletinInput([TextLimit(typeof(InspectionBulletin), nameof(InspectionBulletin.Title))] string? Title,
    [TextLimit(typeof(InspectionBulletin), nameof(InspectionBulletin.Overview))] string? Overview,
    [TextLimit(typeof(InspectionBulletin), nameof(InspectionBulletin.GoodPractice))] string? GoodPractice,
    [TextLimit(typeof(InspectionBulletin), nameof(InspectionBulletin.Findings))] string? Findings,
    [TextLimit(typeof(InspectionBulletin), nameof(InspectionBulletin.Requirements))] string? Requirements);
public sealed record BulletinDto(int Id, int RoundId, string Title, string Overview, string GoodPractice, string Findings,
    string Requirements, bool Published, DateTimeOffset DraftedAt, DateTimeOffset? PublishedAt, string? PublishedBy,
    IReadOnlyList<FindingDto> FindingList);

public static class InspectionNames
{
    public static string Status(InspectionRoundStatus s) => EnumLabels.Zh(s);

    public static bool TryParseSeverity(string? s, out FindingSeverity severity)
    {
        severity = default;
        switch ((s ?? "").Trim())
        {
            case "minor" or "一般": severity = FindingSeverity.Minor; return true;
            case "major" or "较重": severity = FindingSeverity.Major; return true;
            case "severe" or "严重": severity = FindingSeverity.Severe; return true;
            default: return false;
        }
    }
}
