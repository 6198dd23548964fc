using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// 对接上级计划: a county's plan (<see cref="PlanId"/>, at most one link per plan) linked to the plan of an organisation
/// above it that it implements (<see cref="UpperPlanId"/>: the city's or province's published plan of the same year), with
/// the office's decisions on task pairs (<see cref="Pairs"/>). Rules, kept here:
/// <list type="bullet">
/// <item>leaf tasks only, on both sides (a section is rolled up from its children; reports go on leaves);</item>
/// <item>a county task carries at most one upper task (confirmed); an upper task may be carried by many counties and, in one
/// county, by several of its tasks;</item>
/// <item>a rejected pair (不对接) is remembered so that it is not proposed again; 撤销 forgets a decision either way;</item>
/// <item>the upper plan can only be changed while no pair is confirmed.</item>
/// </list>
/// Every decision touches the link itself (<see cref="UpdatedAt"/>), so its <see cref="Version"/> grows and a decision based
/// on an older view of the link is refused (409).
/// </summary>
public sealed class UpperLink : IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public int PlanId { get; private set; }
    public Plan? Plan { get; set; }
    public int UpperPlanId { get; private set; }
    public Plan? UpperPlan { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedByName { get; private set; } = "";
    public List<UpperTaskLink> Pairs { get; } = [];

    public static UpperLink Create(int planId, int upperPlanId, string byName, DateTimeOffset now)
    {
        if (planId == upperPlanId) throw new RuleException("不能对接本计划自身");
        return new UpperLink { PlanId = planId, UpperPlanId = upperPlanId, CreatedAt = now, CreatedByName = byName, UpdatedAt = now, UpdatedByName = byName };
    }

    /// <summary>Points the link at another upper plan: only while nothing is confirmed (rejections of the old plan are dropped).</summary>
    public void ChangeUpperPlan(int upperPlanId, string byName, DateTimeOffset now)
    {
        if (upperPlanId == UpperPlanId) return;
        if (upperPlanId == PlanId) throw new RuleException("不能对接本计划自身");
        if (Pairs.Any(p => p.Decision == UpperPairDecision.Confirmed)) throw new RuleException("已有确认的对接任务，请先撤销后再更换上级计划");
        Pairs.Clear();
        UpperPlanId = upperPlanId;
        Touch(byName, now);
    }

    /// <summary>Confirms that county task <paramref name="taskId"/> carries upper task <paramref name="upperTaskId"/> (a proposal or
    /// a pair added by hand). A rejected pair can be confirmed; a task already carrying another upper task cannot (撤销 first).</summary>
    public UpperTaskLink Confirm(int taskId, int upperTaskId, double similarity, bool manual, string byName, DateTimeOffset now)
    {
        var other = Pairs.FirstOrDefault(p => p.TaskId == taskId && p.Decision == UpperPairDecision.Confirmed);
        if (other is not null && other.UpperTaskId != upperTaskId) throw new RuleException("该任务已对接另一项上级任务，请先撤销");
        if (other is not null) throw new RuleException("该任务对已确认");
        var pair = Pairs.FirstOrDefault(p => p.TaskId == taskId && p.UpperTaskId == upperTaskId);
        if (pair is null) Pairs.Add(pair = new UpperTaskLink { TaskId = taskId, UpperTaskId = upperTaskId });
        pair.Decide(UpperPairDecision.Confirmed, similarity, manual, byName, now);
        Touch(byName, now);
        return pair;
    }

    /// <summary>不对接: the proposal is not to be shown again. A confirmed pair is not rejected but undone (<see cref="Undo"/>).</summary>
    public UpperTaskLink Reject(int taskId, int upperTaskId, double similarity, string byName, DateTimeOffset now)
    {
        var pair = Pairs.FirstOrDefault(p => p.TaskId == taskId && p.UpperTaskId == upperTaskId);
        if (pair?.Decision == UpperPairDecision.Confirmed) throw new RuleException("该任务对已确认，请先撤销");
        if (pair?.Decision == UpperPairDecision.Rejected) throw new RuleException("该任务对已标记为不对接");
        if (pair is null) Pairs.Add(pair = new UpperTaskLink { TaskId = taskId, UpperTaskId = upperTaskId });
        pair.Decide(UpperPairDecision.Rejected, similarity, manual: false, byName, now);
        Touch(byName, now);
        return pair;
    }

    /// <summary>撤销: forgets one decision (a confirmed pair is unlinked, a rejected one may be proposed again).</summary>
    public UpperTaskLink Undo(int pairId, string byName, DateTimeOffset now)
    {
        var pair = Pairs.FirstOrDefault(p => p.Id == pairId) ?? throw new RuleException("该任务对不存在或已撤销");
        Pairs.Remove(pair);
        Touch(byName, now);
        return pair;
    }

    private void Touch(string byName, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedByName = byName;
    }
}

/// <summary>One decision of the office on a county task (<see cref="TaskId"/>) and an upper task (<see cref="UpperTaskId"/>).
/// <see cref="ConfirmedTaskId"/> is the county task while confirmed (a unique index: one upper task per county task).</summary>
public sealed class UpperTaskLink
{
    public int Id { get; set; }
    public int UpperLinkId { get; set; }
    public UpperLink? Link { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int UpperTaskId { get; set; }
    public PlanTask? UpperTask { get; set; }
    public UpperPairDecision Decision { get; private set; }
    public int? ConfirmedTaskId { get; private set; }
    /// <summary>The similarity of the two tasks' words when decided (0–1), as the page showed it.</summary>
    public double Similarity { get; private set; }
    /// <summary>Added by hand (对接 chosen by the office, not proposed).</summary>
    public bool Manual { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public string DecidedByName { get; private set; } = "";

    internal void Decide(UpperPairDecision decision, double similarity, bool manual, string byName, DateTimeOffset now)
    {
        Decision = decision;
        ConfirmedTaskId = decision == UpperPairDecision.Confirmed ? TaskId : null;
        Similarity = Math.Round(similarity, 3);
        Manual = manual;
        DecidedAt = now;
        DecidedByName = byName;
    }
}

public enum UpperPairDecision { [Display(Name = "已确认")] Confirmed, [Display(Name = "不对接")] Rejected }
