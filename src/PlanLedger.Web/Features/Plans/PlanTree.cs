using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Web.Features.Plans;

public sealed record PlanTreeItem(int Id, string Label, int Level, string Heading, string Text, IReadOnlyList<TargetDto> Targets,
    IReadOnlyList<string> Lead, IReadOnlyList<string> Support, string? Deadline, DateOnly? DueDate, string Status, int Progress,
    IReadOnlyList<PlanTreeItem> Children);

/// <summary>The plan in the <c>planledger/plan@1</c> shape, with an <c>id</c> on the plan and every item.</summary>
public sealed record PlanTree(string Schema, int Id, string Source, string Title, string? Issuer, int Year, string? Date, string? DocNumber,
    string Format, string Status, int TaskCount, IReadOnlyList<PlanTreeItem> Items)
{
    public static PlanTree Build(Plan plan, IReadOnlyList<TaskDto> tasks)
    {
        var children = tasks.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        PlanTreeItem Node(TaskDto t) => new(t.Id, t.Label, t.Level, t.Heading, t.Text, t.Targets, t.Lead, t.Support,
            t.Deadline, t.DueDate, t.Status, t.Progress, children[t.Id].Select(Node).ToList());
        return new PlanTree("planledger/plan@1", plan.Id, plan.SourceFileName, plan.Title, plan.Issuer, plan.Year, plan.Date, plan.DocNumber,
            plan.Format, plan.Status == PlanStatus.Draft ? "draft" : "published", plan.TaskCount,
            tasks.Where(t => t.ParentId is null).Select(Node).ToList());
    }
}
