namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 政务公开: a published plan's public view, readable without signing in at <c>/public/{Token}</c> (tasks, units,
/// deadlines, status and progress — never report text or evidence). Removing the row unpublishes the page.
/// </summary>
public sealed class PublicPlan
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    /// <summary>Random, URL-safe, stable while published.</summary>
    public string Token { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedByName { get; set; } = "";
}
