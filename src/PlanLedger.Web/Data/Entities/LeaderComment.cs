namespace PlanLedger.Web.Data.Entities;

/// <summary>领导批示: a leader's instruction on a task, a report or a supervision notice; listed on the task, sent to the unit.</summary>
public sealed class LeaderComment
{
    public int Id { get; set; }
    public int? TaskId { get; set; }
    public int? ReportId { get; set; }
    public int? NoticeId { get; set; }
    public int AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
