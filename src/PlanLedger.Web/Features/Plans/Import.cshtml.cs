using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Shared;
using PlanLedger.Web.Security;

using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;

namespace PlanLedger.Web.Features.Plans;

/// <summary>Upload (drag and drop) → the engine parses → a draft plan → the review page. Duplicates offer the existing plan.</summary>
[RequestSizeLimit(64L * 1024 * 1024)]
public sealed class ImportModel(PlanImporter importer) : LedgerPageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty, TextLimit(typeof(Plan), nameof(Plan.Issuer))] public string? Issuer { get; set; }
    public string? Error { get; private set; }
    public int? ExistingPlanId { get; private set; }

    public IActionResult OnGet() => Me.Role is Data.Entities.UserRole.Admin or Data.Entities.UserRole.Office ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Error = "请选择要导入的文件";
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        var result = await importer.ImportAsync(Me, stream, Upload.FileName, Upload.Length, Year, Issuer, ct);
        if (result.Error is { Status: 403 }) return Forbid();
        if (result.Error is { } e)
        {
            Error = e.Title;
            if (e.Extensions?.TryGetValue("existingPlanId", out var id) == true && id is int existing) ExistingPlanId = existing;
            Response.StatusCode = e.Status;
            return Page();
        }
        return Redirect($"/Plans/{result.Value!.Id}/Review");
    }
}
