using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Plans;

/// <summary>工作总结: the draft from the ledger with the sources of every paragraph; the office edits and saves it, then downloads the Word file.</summary>
public sealed class SummaryModel(SummaryDrafts drafts) : LedgerPageModel
{
    public SummaryDrafts.Editing? Data { get; private set; }
    [BindProperty, TextLimit(typeof(DocumentDraft), nameof(DocumentDraft.Title))] public string? Title { get; set; }
    [BindProperty, TextLimit(typeof(DocumentDraft), nameof(DocumentDraft.Text))] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var r = await drafts.LoadAsync(Me, id, ct);
        if (r.Error is { } e) return Fail(e);
        Data = r.Value;
        Title = Data!.Saved?.Title ?? Data.Drafted.Title;
        Text = Data.Saved?.Text ?? Data.Drafted.ToText();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var f = await drafts.SaveAsync(Me, id, Title, Text ?? "", ct);
        if (f is { Status: 403 or 404 }) return Fail(f);
        Flash = f?.Title ?? "已保存";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRedraftAsync(int id, CancellationToken ct)
    {
        var f = await drafts.SaveAsync(Me, id, null, null, ct);
        if (f is not null) return Fail(f);
        Flash = "已按台账重新起草";
        return RedirectToPage(new { id });
    }
}
