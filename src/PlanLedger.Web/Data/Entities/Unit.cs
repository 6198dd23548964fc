using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>单位/股室/科室: a department, school or outside body of an organisation that can hold tasks.</summary>
public sealed class Unit : IVersioned
{
    /// <summary>Grows with every edit; sent back by pages and API to detect a stale write (409).</summary>
    public int Version { get; set; }
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    /// <summary>Other names the documents use for this unit ("财政局" for "市财政局"), separated by '|'.</summary>
    public string Aliases { get; set; } = "";
    /// <summary>Set when this unit was merged into another; merged units are hidden and their links moved.</summary>
    public int? MergedIntoId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Where the unit's notifications are mailed (comma-separated addresses), when set.</summary>
    public string? Email { get; set; }
    /// <summary>The unit's group robot (企业微信/钉钉) webhook, when set.</summary>
    public string? WebhookUrl { get; set; }

    public IEnumerable<string> AliasList() =>
        Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>股室/科室 department, 学校 school, 外部单位 outside body.</summary>
public enum UnitKind { [Display(Name = "股室")] Department, [Display(Name = "学校")] School, [Display(Name = "外部单位")] External }
