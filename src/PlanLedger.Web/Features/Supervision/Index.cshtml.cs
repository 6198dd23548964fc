using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Supervision;

/// <summary>督办单 list: the notices the caller may see (a unit only its own), by state and level.</summary>
public sealed class IndexModel(SupervisionService notices) : LedgerPageModel
{
    [BindProperty(SupportsGet = true), TextLimit(20)] public string? State { get; set; }
    [BindProperty(SupportsGet = true), TextLimit(10)] public string? Level { get; set; }
    public List<NoticeDto> Items { get; private set; } = [];
    public bool CanIssue => Me.Role is UserRole.Admin or UserRole.Office;

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await notices.ListAsync(Me, new NoticeFilter(State, Level), ct);
}
