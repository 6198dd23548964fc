using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 考核结果: one version of an organisation's assessment of its units for a year. A draft is computed live from the
/// ledger, the scheme and the office's inputs (manual scores, 加分/扣分, 一票否决); confirming freezes the scheme and
/// the results; publishing shows them to the units and leaders. A change after confirmation is a new version
/// (<see cref="Revise"/>), the old one kept. State changes are methods that enforce these rules; every save is audited.
/// </summary>
public sealed class Assessment
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int Year { get; set; }
    public int Version { get; private set; } = 1;
    public AssessmentState State { get; private set; }
    /// <summary>The office's inputs as JSON (<see cref="Features.Assessment.AssessmentInputs"/>).</summary>
    public string Inputs { get; private set; } = "{}";
    /// <summary>The longest JSON kept in <see cref="Inputs"/>, <see cref="FrozenScheme"/> and <see cref="FrozenResults"/>.</summary>
    public const int MaxJsonLength = 500_000;
    /// <summary>The scheme as it was when confirmed (JSON); null while a draft.</summary>
    public string? FrozenScheme { get; private set; }
    /// <summary>The results as they were when confirmed (JSON); null while a draft.</summary>
    public string? FrozenResults { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedByName { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>Set when a newer version replaced this one.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    /// <summary>Inputs change only while a draft.</summary>
    public void SetInputs(string json)
    {
        if (State != AssessmentState.Draft) throw new InvalidOperationException("考核结果已确认，修改请另起新版本");
        Inputs = json;
    }

    public void Confirm(string scheme, string results, string by, DateTimeOffset at)
    {
        if (State != AssessmentState.Draft || !IsCurrent) throw new InvalidOperationException("只有草稿可以确认");
        FrozenScheme = scheme;
        FrozenResults = results;
        ConfirmedAt = at;
        ConfirmedByName = by;
        State = AssessmentState.Confirmed;
    }

    public void Publish(DateTimeOffset at)
    {
        if (State != AssessmentState.Confirmed || !IsCurrent) throw new InvalidOperationException("只有已确认的考核结果可以公布");
        PublishedAt = at;
        State = AssessmentState.Published;
    }

    /// <summary>A new draft version with the same inputs; this version is kept, superseded.</summary>
    public Assessment Revise(DateTimeOffset at)
    {
        if (State == AssessmentState.Draft || !IsCurrent) throw new InvalidOperationException("草稿可直接修改，无需另起版本");
        SupersededAt = at;
        return new Assessment { OrganisationId = OrganisationId, Year = Year, Version = Version + 1, Inputs = Inputs, CreatedAt = at };
    }
}

/// <summary>draft → confirmed (frozen) → published.</summary>
public enum AssessmentState { [Display(Name = "草稿")] Draft, [Display(Name = "已确认")] Confirmed, [Display(Name = "已公布")] Published }
