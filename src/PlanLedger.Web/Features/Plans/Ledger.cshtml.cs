using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Plans;

/// <summary>The ledger (台账): a filtered, paginated flat table, or the whole task tree.</summary>
public sealed class LedgerModel(LedgerDbContext db, LedgerQueries queries, PlanReadCache cache) : LedgerPageModel
{
    public const int PageSize = 50;
    public Plan Plan { get; private set; } = null!;
    public List<TaskDto> Items { get; private set; } = [];
    public int Total { get; private set; }
    public List<Unit> UnitOptions { get; private set; } = [];
    public List<(string Label, string Heading)> Sections { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>进展情况: the latest standing report (submitted or approved) of each task shown — period and text.</summary>
    public Dictionary<int, (string Period, string Text)> Latest { get; private set; } = [];
    /// <summary>Tasks with sub-items (板块 and other sections): rows set apart in the table.</summary>
    public HashSet<int> SectionIds { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true), TextLimit(200)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true), TextLimit(200)] public string? Section { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true), TextLimit(200)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true), TextLimit(200)] public string? View { get; set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var access = await queries.PlanAsync(Me, id, LedgerAction.ReadPlan, ct);
        if (access.Error is { } e) return Fail(e);
        Plan = access.Value!.Plan;
        CanEdit = Access.Can(Me, LedgerAction.EditPlan, access.Value.Resource);
        if (View == "tree")
        {
            // The tree's HTML is cached per plan revision and language (<cache> in Ledger.cshtml): its rows are read by
            // TreeAsync only when the cache has not got them.
            return Page();
        }
        // The page's rows are the same for every reader of the plan: kept per revision, filters and (for 仅逾期) today.
        var filter = new TaskFilter(Unit, Status, Section, Overdue, Q, P, PageSize);
        var rows = await cache.GetAsync("ledger-page", Plan, () => LoadPageAsync(id, filter, Today, ct), LedgerRows.Size,
            vary: $"{filter}|{(Overdue ? Today.DayNumber : 0)}");
        (Items, Total, Latest, SectionIds, Sections) = rows;
        // The organisation's units are not plan content (a new unit does not change the plan's revision): read each time.
        UnitOptions = (await db.Units.AsNoTracking().Where(u => u.OrganisationId == Plan.OrganisationId && u.MergedIntoId == null).ToListAsync(ct)).Sort(u => u.Name).ToList();
        return Page();
    }

    private async Task<LedgerRows> LoadPageAsync(int id, TaskFilter filter, DateOnly today, CancellationToken ct)
    {
        var (items, total) = await queries.PageAsync(id, filter, today, ct);
        var ids = items.Select(t => t.Id).ToList();
        // The newest standing report per task, chosen in SQL (ROW_NUMBER per task): the whole tree's tasks have a dozen
        // reports each, whose texts would otherwise all be read to keep one (docs/scale.md §9).
        var latest = await db.Reports.AsNoTracking()
            .Where(r => ids.Contains(r.TaskId) && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved) && r.Text != "")
            .GroupBy(r => r.TaskId)
            .Select(g => g.OrderByDescending(r => r.Period).ThenByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
                .Select(r => new { r.TaskId, r.Period, r.Text }).First())
            .ToListAsync(ct);
        var sectionIds = (await db.Tasks.AsNoTracking().Where(t => t.PlanId == id && t.ParentId != null && ids.Contains(t.ParentId!.Value))
            .Select(t => t.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var sections = (await db.Tasks.AsNoTracking().Where(t => t.PlanId == id && t.ParentId == null).OrderBy(t => t.Order)
            .Select(t => new { t.Label, t.Heading }).ToListAsync(ct)).Select(x => (x.Label, x.Heading)).ToList();
        return new LedgerRows(items, total, latest.ToDictionary(r => r.TaskId, r => (r.Period, r.Text)), sectionIds, sections);
    }

    /// <summary>The whole tree's rows: label, heading, light, progress, lead units and deadline — no targets, no report
    /// texts, no filters (two queries). Called by the view inside its <c>&lt;cache&gt;</c> block, i.e. once per plan
    /// revision and language.</summary>
    public Task<List<TaskDto>> TreeAsync() => queries.TasksAsync(Plan.Id, HttpContext.RequestAborted, targets: false);

    /// <summary>The key of the cached tree: the plan and its content revision (every change it shows bumps it).</summary>
    public string TreeKey => $"{Plan.Id}:{Plan.Revision}";

    /// <summary>A report text shortened for the table cell (the whole text is on hover and behind 展开).</summary>
    public static string Short(string text, int max = 40) =>
        text.Length <= max ? text : text[..max] + "…";

    public string PageUrl(int page) =>
        $"?Unit={Unit}&Status={Uri.EscapeDataString(Status ?? "")}&Section={Uri.EscapeDataString(Section ?? "")}&Overdue={Overdue}&Q={Uri.EscapeDataString(Q ?? "")}&P={page}";
}

/// <summary>One page of the 台账 table as read from the plan's rows (kept per revision and filters).</summary>
public sealed record LedgerRows(List<TaskDto> Items, int Total, Dictionary<int, (string Period, string Text)> Latest,
    HashSet<int> SectionIds, List<(string Label, string Heading)> Sections)
{
    /// <summary>An estimate of the bytes it holds (the cache's size unit).</summary>
    public static long Size(LedgerRows r) =>
        1024 + r.Items.Sum(t => 512 + 2 * (t.Path.Length + t.Heading.Length + t.Text.Length + (t.Deadline?.Length ?? 0)
            + t.Lead.Sum(x => x.Length) + t.Support.Sum(x => x.Length) + t.Targets.Sum(x => 64 + x.Text.Length)))
        + r.Latest.Values.Sum(x => 64 + 2 * (x.Period.Length + x.Text.Length)) + r.Sections.Sum(x => 64 + 2 * (x.Label.Length + x.Heading.Length));
}
