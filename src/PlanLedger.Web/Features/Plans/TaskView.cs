using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Plans;

/// <summary>The current editable values of a row, sent with a 409 so the client can show what changed.</summary>
public static class TaskView
{
    public static object Of(PlanTask t) => new
    {
        t.Id, t.Path, t.Heading, t.Text, t.Deadline, DueDate = t.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.Version,
    };

    public static object Of(TaskTarget t) => new { t.Id, t.TaskId, t.Text, t.Value, t.Unit, t.Op, t.Version };

    public static object Of(Plan p) => new { p.Id, p.Title, p.ReportDay, Status = p.Status.ToString(), p.Version };
}
