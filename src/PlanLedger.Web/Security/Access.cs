using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Security;

/// <summary>What someone wants to do.</summary>
public enum LedgerAction
{
    ReadPlan, ImportPlan, EditPlan, DeletePlan, ReportOnTask, ReviewReport,
    /// <summary>归档 / 取消归档 a published plan (the owning office/admin); 撤回发布 back to draft (an admin in scope).</summary>
    ArchivePlan, WithdrawPublication,
    ManageUnits, ManageUsers, ManageOrganisations, ReadAudit,
    // 督导 inspections: a round's resource carries its visited units (TaskUnitIds) and drawn inspectors (InspectorIds);
    // a finding's carries its one unit and the round's inspectors; a bulletin's is a draft until published.
    ReadInspection, ManageInspection, RecordFinding, ReadFinding, RectifyFinding, RecheckFinding, ReadBulletin,
    /// <summary>考核: edit the scheme, enter scores, confirm, publish, revise (the organisation's own office/admin).</summary>
    ManageAssessment,
    /// <summary>上年对照: confirm a task's pair with last year's, carry last year's unfinished tasks over (the plan's own office/admin).</summary>
    LinkYears,
    /// <summary>对接上级计划: link the plan to a plan above it and confirm task pairs (the plan's own office/admin, draft or published).</summary>
    LinkUpperPlan,
    // the monthly review loop (the resource's unit ids are the report's unit for withdraw/edit)
    ApproveReport, ReturnReport, WithdrawReport, EditReport, UrgeUnits,
    // task decisions
    CloseOutTask, UndoCloseOut, SetOngoing, RequestExtension, RequestCloseOut, DecideRequest, WithdrawRequest,
    // 督办单 (the resource's unit ids are the notice's units)
    ReadSupervision, IssueSupervision, AcknowledgeSupervision, ReplySupervision, CloseSupervision,
    ReturnSupervision, StopSupervision, EscalateSupervision,
    // 领导批示
    CommentAsLeader,
    /// <summary>下级汇总 (roll-up): an organisation's figures with those of the organisations below it (not a unit reporter's view).</summary>
    ReadRollup,
}

/// <summary>How much of an assessment someone may see: nothing, their own unit's breakdown, or every unit.</summary>
public enum AssessmentScope { None, OwnUnit, All }

/// <summary>Allow, or refuse as 403 (visible but not yours to do) or 404 (not visible to you at all).</summary>
public enum Decision { Allow, Forbidden, NotFound }

/// <summary>The thing acted on: its organisation and, for a task, the units linked to it.</summary>
public readonly record struct Resource(int OrganisationId, string OrganisationPath, bool Draft = false,
    IReadOnlyCollection<int>? TaskUnitIds = null, IReadOnlyCollection<int>? InspectorIds = null);

/// <summary>
/// The authorisation rules, in one place, for pages and API alike.
/// <list type="bullet">
/// <item>An organisation sees its own data and that of the organisations below it, never another's (404).</item>
/// <item>管理员 admin: everything in scope, including users (edit, reset password, unlock, deactivate), organisations and the audit trail.</item>
/// <item>督查室 office: imports, reviews, publishes (and deletes while still drafts) its own organisation's plans; returns and closes out reports; manages its units.</item>
/// <item>责任单位 reporter: reads published plans; reports only on tasks its unit leads or supports.</item>
/// <item>领导 leader and 只读 viewer: read published plans and dashboards.</item>
/// <item>Drafts are seen only by the owning organisation's admin and office.</item>
/// <item>归档 (archive) a published plan: the owning organisation's admin and office; 撤回发布 (withdraw a plan published by
/// mistake, while nobody has reported on it): an admin in scope only.</item>
/// <item>督导: the office/admin of the round's organisation manage rounds, draw, re-check and close findings (复查/销号) and
/// issue bulletins; the drawn inspectors of a round read it and record findings; a reporter sees and rectifies only its own
/// unit's findings (another unit's → 404) and reads published bulletins of rounds that visited its unit; leaders and
/// viewers read rounds, findings and published bulletins.</item>
/// <item>Supervision (docs/supervision.md): the owning organisation's office decides (通过, 退回, 催办, 销号, 撤销销号,
/// 常态落实, requests, 督办单 issue/close/return/stop/escalate); the unit acts on its own report or request and on the
/// notices issued to it (签收, 反馈); a unit never sees another unit's notice (404); leaders (and admins) comment (领导批示).</item>
/// <item>下级汇总 (roll-up): admins, offices, leaders and viewers read the roll-up of their own organisation and of any
/// organisation below it; a parent's or a sibling's is not there (404); a unit reporter may not (403).</item>
/// </list>
/// </summary>
public static class Access
{
    public static Decision Decide(CurrentUser user, LedgerAction action, Resource r)
    {
        if (!r.OrganisationPath.StartsWith(user.OrganisationPath, StringComparison.Ordinal)) return Decision.NotFound;
        var own = r.OrganisationId == user.OrganisationId;
        var manager = user.Role is UserRole.Admin or UserRole.Office;
        if (r.Draft && !(own && manager)) return Decision.NotFound;
        var inUnits = user.UnitId is { } myUnit && r.TaskUnitIds?.Contains(myUnit) == true;
        // A unit never sees another unit's notices: not yours is "not there", not "forbidden".
        if (user.Role == UserRole.Reporter && !inUnits && action is LedgerAction.ReadSupervision
                or LedgerAction.AcknowledgeSupervision or LedgerAction.ReplySupervision)
            return Decision.NotFound;
        bool? allowed = action switch
        {
            LedgerAction.ReadPlan => true,
            LedgerAction.ImportPlan or LedgerAction.EditPlan or LedgerAction.DeletePlan or LedgerAction.ReviewReport => own && manager,
            LedgerAction.ArchivePlan => own && manager,
            LedgerAction.WithdrawPublication => user.Role == UserRole.Admin,
            LedgerAction.ReportOnTask => user.Role == UserRole.Reporter
                ? user.UnitId is { } unit && r.TaskUnitIds?.Contains(unit) == true
                : own && manager,
            LedgerAction.ManageUnits => user.Role == UserRole.Admin || (own && user.Role == UserRole.Office),
            LedgerAction.ManageUsers or LedgerAction.ManageOrganisations => user.Role == UserRole.Admin,
            LedgerAction.ReadAudit => manager,
            LedgerAction.ReadInspection => user.Role != UserRole.Reporter || Inspector(user, r),
            LedgerAction.ManageInspection or LedgerAction.RecheckFinding => own && manager,
            LedgerAction.RecordFinding => (own && manager) || Inspector(user, r),
            LedgerAction.ReadFinding or LedgerAction.ReadBulletin when user.Role == UserRole.Reporter && !Inspector(user, r) =>
                inUnits ? true : null,
            LedgerAction.ReadFinding or LedgerAction.ReadBulletin => true,
            LedgerAction.RectifyFinding when user.Role == UserRole.Reporter =>
                inUnits ? true : Inspector(user, r) ? false : null,
            LedgerAction.RectifyFinding => own && manager,
            // the office of the owning organisation decides
            LedgerAction.ApproveReport or LedgerAction.ReturnReport or LedgerAction.UrgeUnits or LedgerAction.CloseOutTask
                or LedgerAction.UndoCloseOut or LedgerAction.SetOngoing or LedgerAction.DecideRequest
                or LedgerAction.IssueSupervision or LedgerAction.CloseSupervision or LedgerAction.ReturnSupervision
                or LedgerAction.StopSupervision or LedgerAction.EscalateSupervision => own && manager,
            // 考核: the organisation's own office/admin (an office above reads published results, see AssessmentVisibility)
            LedgerAction.ManageAssessment => own && manager,
            LedgerAction.LinkYears => own && manager,
            LedgerAction.LinkUpperPlan => own && manager,
            // the unit that filed (or asked) acts on its own report or request until the office has acted
            LedgerAction.WithdrawReport or LedgerAction.EditReport or LedgerAction.WithdrawRequest => user.Role == UserRole.Reporter && inUnits,
            LedgerAction.RequestExtension or LedgerAction.RequestCloseOut => user.Role == UserRole.Reporter && inUnits,
            LedgerAction.ReadSupervision => user.Role != UserRole.Reporter || inUnits,
            LedgerAction.AcknowledgeSupervision or LedgerAction.ReplySupervision => user.Role == UserRole.Reporter && inUnits,
            LedgerAction.CommentAsLeader => user.Role is UserRole.Leader or UserRole.Admin,
            LedgerAction.ReadRollup => user.Role != UserRole.Reporter,
            _ => false,
        };
        // A reporter never learns that another unit's finding exists.
        if (allowed is null) return Decision.NotFound;
        return allowed == true ? Decision.Allow : Decision.Forbidden;
    }

    /// <summary>
    /// 考核结果: the owning organisation's office and admin see every state and every unit; once published, leaders,
    /// viewers and offices above see every unit, a unit's reporter only its own unit's breakdown; before publication
    /// nobody else sees anything (403). Another organisation's → 404 (via <see cref="Decide"/>).
    /// </summary>
    public static AssessmentScope AssessmentVisibility(CurrentUser user, Resource r, bool published)
    {
        if (!r.OrganisationPath.StartsWith(user.OrganisationPath, StringComparison.Ordinal)) return AssessmentScope.None;
        if (Can(user, LedgerAction.ManageAssessment, r)) return AssessmentScope.All;
        if (!published) return AssessmentScope.None;
        return user.Role == UserRole.Reporter ? (user.UnitId is null ? AssessmentScope.None : AssessmentScope.OwnUnit) : AssessmentScope.All;
    }

    /// <summary>
    /// 对接上级计划: the plan a county links to must be a published plan of an organisation strictly above the county plan's
    /// (its city, its province; never a sibling's or its own), and the person must be allowed to link the county plan
    /// (<see cref="LedgerAction.LinkUpperPlan"/>). While linking, the county office reads that upper plan's task headings;
    /// nothing else of the organisations above. The other way round, the organisation above reads the linked county tasks
    /// through <see cref="VisiblePlans"/> (its own scope: drafts of the counties are not shown to it).
    /// </summary>
    public static bool CanLinkUpper(CurrentUser user, Resource plan, string upperOrganisationPath, bool upperPublished) =>
        upperPublished && Can(user, LedgerAction.LinkUpperPlan, plan)
        && plan.OrganisationPath.Length > upperOrganisationPath.Length
        && plan.OrganisationPath.StartsWith(upperOrganisationPath, StringComparison.Ordinal);

    public static bool Can(CurrentUser user, LedgerAction action, Resource r) => Decide(user, action, r) == Decision.Allow;

    private static bool Inspector(CurrentUser user, Resource r) => r.InspectorIds?.Contains(user.Id) == true;

    /// <summary>Plans a person may list: in scope, and drafts only for the owning office/admin.</summary>
    public static IQueryable<Plan> VisiblePlans(IQueryable<Plan> plans, CurrentUser user)
    {
        var path = user.OrganisationPath;
        var org = user.OrganisationId;
        var manager = user.Role is UserRole.Admin or UserRole.Office;
        return plans.Where(p => p.Organisation!.Path.StartsWith(path)
            && (p.Status == PlanStatus.Published || (manager && p.OrganisationId == org)));
    }

    /// <summary>Organisations in a person's scope (own and below).</summary>
    public static IQueryable<Organisation> VisibleOrganisations(IQueryable<Organisation> orgs, CurrentUser user)
    {
        var path = user.OrganisationPath;
        return orgs.Where(o => o.Path.StartsWith(path));
    }
}
