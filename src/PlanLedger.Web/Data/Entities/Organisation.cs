using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>组织/机构: a bureau that owns ledgers. Organisations form a hierarchy (province → city → county).</summary>
public sealed class Organisation : IVersioned
{
    /// <summary>Grows with every edit; sent back by pages and API to detect a stale write (409).</summary>
    public int Version { get; set; }
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int? ParentId { get; set; }
    public Organisation? Parent { get; set; }
    /// <summary>Materialised path of ids, "/1/4/9/": an organisation sees every organisation whose path starts with its own.</summary>
    public string Path { get; set; } = "/";
    public OrganisationLevel Level { get; set; }
    /// <summary>The IANA time zone its times are shown in ("Asia/Shanghai"); null: the server's default.</summary>
    public string? TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>省 → 市 → 县 → 乡镇 / 学区 (a 学区 groups the schools of a few 乡镇; both sit below a county).</summary>
public enum OrganisationLevel { [Display(Name = "省")] Province, [Display(Name = "市")] City, [Display(Name = "县")] County, [Display(Name = "乡镇")] Township, [Display(Name = "学区")] SchoolDistrict }
