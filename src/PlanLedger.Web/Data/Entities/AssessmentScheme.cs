namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 考核方案: the office's scheme for assessing its units in one year (indicators, 加分/扣分 items and caps, 一票否决,
/// grade thresholds and the 优秀 quota), stored as JSON (<see cref="Features.Assessment.SchemeDefinition"/>).
/// One per organisation and year; without one the default scheme applies.
/// </summary>
public sealed class AssessmentScheme
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int Year { get; set; }
    public string Definition { get; set; } = "";
    /// <summary>The longest scheme JSON kept.</summary>
    public const int MaxDefinitionLength = 200_000;
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";
}
